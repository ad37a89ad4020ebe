import { useCallback, useEffect, useState } from 'react';
import { api, isApiError } from '../api/client';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string; code?: string } | { status: 'ok'; data: T };

/** GET `path` now and whenever `reload()` is called; aborted when the component goes away. */
export function useLoad<T>(path: string): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    api.get<T>(path, { signal: abort.signal }).then(
      (data) => setState({ status: 'ok', data }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        const message = err instanceof Error ? err.message : String(err);
        setState(isApiError(err) ? { status: 'error', message, code: err.code } : { status: 'error', message });
      },
    );
    return () => abort.abort();
  }, [path, n]);
  return [state, useCallback(() => setN((x) => x + 1), [])];
}

/** List answers are `{ data: [...] }` (paged ones add nextCursor; the settings lists fit one page of 100). */
export const listData = <T>(l: Loaded<{ data: T[] }>): T[] => (l.status === 'ok' ? l.data.data : []);
