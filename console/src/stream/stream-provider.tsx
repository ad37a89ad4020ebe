import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { StreamConnection, streamUrl, type StreamFrame, type StreamStatus } from './stream';

const StreamContext = createContext<StreamConnection | null>(null);

/** Opens the one agent stream of this tab while mounted (the shell mounts it once signed in). */
export function StreamProvider({ children }: { children: ReactNode }) {
  const [conn] = useState(() => new StreamConnection(streamUrl()));
  useEffect(() => {
    conn.start();
    return () => conn.stop();
  }, [conn]);
  return <StreamContext.Provider value={conn}>{children}</StreamContext.Provider>;
}

function useConnection(): StreamConnection {
  const c = useContext(StreamContext);
  if (!c) throw new Error('stream hooks need a StreamProvider (inside the signed-in shell)');
  return c;
}

/**
 * Calls `handler` for every frame of the agent stream: events, and a hello after each (re)connect
 * (refetch then: events sent while the socket was down are not replayed). The latest handler is
 * used without reconnecting, so an inline arrow is fine.
 */
export function useStreamEvents(handler: (frame: StreamFrame) => void): void {
  const conn = useConnection();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => conn.onFrame((f) => latest.current(f)), [conn]);
}

/** 'connecting' | 'open' | 'closed', for a live indicator. */
export function useStreamStatus(): StreamStatus {
  const conn = useConnection();
  return useSyncExternalStore(
    (cb) => conn.onStatus(cb),
    () => conn.status,
  );
}
