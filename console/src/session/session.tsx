import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, login, logout, type LoginInput, type Me } from '../api/auth';
import { isApiError, onUnauthorized } from '../api/client';

export type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me } | { status: 'error'; message: string };

interface Session {
  state: SessionState;
  signIn(input: LoginInput): Promise<void>;
  signOut(): Promise<void>;
  /** Call when an API answer says 401 (session expired or revoked elsewhere): back to sign-in. */
  expired(): void;
  /** Asks GET /auth/me again (after a failed first load). */
  reload(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in: GET /api/v1/auth/me on load (401 → sign-in), login and logout through the API. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    fetchMe(abort.signal).then(
      (me) => setState({ status: 'signed-in', me }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        if (isApiError(err) && err.status === 401) setState({ status: 'signed-out' });
        else setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => abort.abort();
  }, [attempt]);

  // Any API call answered 401 ends the session in the UI (a 401 from /auth/me on load is handled above).
  useEffect(() => onUnauthorized(() => setState((s) => (s.status === 'signed-in' ? { status: 'signed-out' } : s))), []);

  const signIn = useCallback(async (input: LoginInput) => {
    const me = await login(input);
    setState({ status: 'signed-in', me });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (err) {
      // Already gone on the server: signed out all the same.
      if (!isApiError(err) || err.status !== 401) throw err;
    }
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo<Session>(
    () => ({
      state,
      signIn,
      signOut,
      expired: () => setState({ status: 'signed-out' }),
      reload: () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
    }),
    [state, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in agent's view of the session; only for components rendered inside the shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe outside a signed-in shell');
  return state.me;
}
