/**
 * Who is signed in. Loaded once from GET /api/v1/auth/session; when there is no session, we also ask
 * whether the clinic still needs first-run setup. Keeps the CSRF token in the API client in step.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { isStaffRole } from '../domain/access/roles';
import type { Session, SessionUser } from './api-types';
import { ApiError, apiGet, request, setCsrfToken, setUnauthorizedHandler } from './api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'signed-out'; needsSetup: boolean; notice: string | null }
  | { status: 'signed-in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  completeSetup: (session: Session) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function loadSessionState(signal: AbortSignal): Promise<SessionState> {
  try {
    const { data } = await request<Session>('GET', '/api/v1/auth/session', { signal, reportUnauthorized: false });
    return { status: 'signed-in', session: data };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
  }
  const setup = await apiGet<{ needsSetup: boolean }>('/api/v1/setup', signal);
  return { status: 'signed-out', needsSetup: setup.needsSetup, notice: null };
}

export function SessionProvider({ children }: { children: ReactNode }): ReactElement {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    loadSessionState(controller.signal).then(setState, (err: unknown) => {
      if (controller.signal.aborted) return;
      const error = err instanceof ApiError ? err : new ApiError(0, 'unknown', 'Painpath could not start.');
      setState({ status: 'unavailable', error });
    });
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    setCsrfToken(state.status === 'signed-in' ? state.session.csrfToken : null);
  }, [state]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setState((s) =>
        s.status === 'signed-in'
          ? { status: 'signed-out', needsSetup: false, notice: 'Your session has ended. Please sign in again.' }
          : s,
      );
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(async (email: string, password: string): Promise<void> => {
    const { data } = await request<Session>('POST', '/api/v1/auth/login', {
      body: { email, password },
      reportUnauthorized: false,
    });
    setCsrfToken(data.csrfToken);
    setState({ status: 'signed-in', session: data });
  }, []);

  const completeSetup = useCallback((session: Session): void => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const signOut = useCallback(async (): Promise<void> => {
    try {
      await request<undefined>('POST', '/api/v1/auth/logout', { reportUnauthorized: false });
    } catch (err) {
      // A session that already ended is as good as signed out; anything else is worth telling.
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
    }
    setCsrfToken(null);
    setState({ status: 'signed-out', needsSetup: false, notice: 'You are signed out.' });
  }, []);

  const retry = useCallback((): void => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ state, signIn, completeSetup, signOut, retry }),
    [state, signIn, completeSetup, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (ctx === null) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

/** The signed-in person; only for pages rendered behind <RequireSignIn>. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser needs a signed-in session');
  return state.session.user;
}

export function isStaff(user: SessionUser): boolean {
  return isStaffRole(user.role);
}

export function isAdmin(user: SessionUser): boolean {
  return user.role === 'administrator' || user.role === 'clinic_lead';
}

/** Where a person lands after signing in. */
export function homePath(user: SessionUser): string {
  return isStaff(user) ? '/patients' : '/me';
}
