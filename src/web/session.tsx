import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import {
  ApiError,
  api,
  type Me,
  onActivity,
  type SessionTimes,
  serverClockOffset,
  setCsrfToken,
  setGateHandler,
  setUnauthenticatedHandler,
} from './api.ts';

/** Why the person is on the sign-in page, shown there as a notice. */
export type SignedOutReason = 'unauthenticated' | 'inactive' | 'ended';

export interface SignInState {
  reason?: SignedOutReason;
  /** Where to go after signing in. */
  from?: string;
}

export type SignedOutState = { everywhere?: boolean };

interface Deadlines {
  /** Local clock, in milliseconds: when the server will end the session if nothing else happens. */
  idle: number;
  /** Local clock, in milliseconds: when the session ends whatever happens. */
  absolute: number;
  idleTimeoutMs: number;
  warningMs: number;
}

interface SessionValue {
  status: 'loading' | 'signed-out' | 'signed-in';
  /** Why the last session ended without the person signing out, for the sign-in page to say. */
  endedBecause: SignedOutReason | null;
  me: Me | null;
  deadlines: Deadlines | null;
  /** Record a session the server has just started or changed (sign-in, MFA confirmed). */
  established(me: Me): void;
  extend(): Promise<void>;
  signOut(options?: { everywhere?: boolean }): Promise<void>;
  /** The session ran out (idle or absolute limit); go back to sign-in and say why. */
  expired(reason: 'inactive' | 'ended'): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in person; only call inside routes wrapped by <RequireSignedIn>. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe called while signed out');
  return me;
}

function deadlinesFrom(session: SessionTimes): Deadlines {
  // Times from the server are turned into local-clock deadlines using how long is left, so a
  // difference between the server's clock and this computer's does not move the warning.
  const now = Date.now();
  const serverNow = now + serverClockOffset();
  return {
    idle: now + (Date.parse(session.idleExpiresAt) - serverNow),
    absolute: now + (Date.parse(session.absoluteExpiresAt) - serverNow),
    idleTimeoutMs: session.idleTimeoutSeconds * 1000,
    warningMs: session.warningSeconds * 1000,
  };
}

type TabMessage = { type: 'activity'; idle: number } | { type: 'signed-out' };

export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionValue['status']>('loading');
  const [deadlines, setDeadlines] = useState<Deadlines | null>(null);
  const [endedBecause, setEndedBecause] = useState<SignedOutReason | null>(null);
  const signedIn = useRef(false);
  const idleTimeoutMs = useRef<number | null>(null);
  idleTimeoutMs.current = deadlines?.idleTimeoutMs ?? null;
  const locationRef = useRef(location);
  locationRef.current = location;
  const channel = useMemo(
    () => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('lantern-session')),
    [],
  );

  const clear = useCallback((reason: SignedOutReason | null = null) => {
    signedIn.current = false;
    setEndedBecause(reason);
    setCsrfToken(null);
    setMe(null);
    setDeadlines(null);
    setStatus('signed-out');
  }, []);

  const established = useCallback((next: Me) => {
    signedIn.current = true;
    setEndedBecause(null);
    setCsrfToken(next.csrfToken);
    setMe(next);
    setDeadlines(deadlinesFrom(next.session));
    setStatus('signed-in');
  }, []);

  const goToSignIn = useCallback(
    async (reason: SignedOutReason) => {
      const here = locationRef.current;
      const state: SignInState = { reason, from: `${here.pathname}${here.search}` };
      await navigate('/sign-in', { state, replace: true, flushSync: true });
    },
    [navigate],
  );

  // Find out whether there is a session already (a reload, or a second tab).
  useEffect(() => {
    let cancelled = false;
    api.me().then(
      (current) => {
        if (!cancelled) established(current);
      },
      () => {
        if (!cancelled) clear();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [established, clear]);

  // The server ended the session: back to sign-in, saying so (but not on the first check).
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (!signedIn.current) return;
      signedIn.current = false;
      void goToSignIn('unauthenticated').then(() => clear('unauthenticated'));
    });
    return () => setUnauthenticatedHandler(null);
  }, [clear, goToSignIn]);

  // The server wants something done first (2-step verification, a new password): find out what, and
  // the guard below shows that page.
  useEffect(() => {
    setGateHandler(() => {
      if (!signedIn.current) return;
      api.me().then(established, () => {});
    });
    return () => setGateHandler(null);
  }, [established]);

  // Every answered request counts as activity on the server, so the idle deadline moves on.
  useEffect(
    () =>
      onActivity(() => {
        const timeout = idleTimeoutMs.current;
        if (!signedIn.current || timeout === null) return;
        const idle = Date.now() + timeout;
        channel?.postMessage({ type: 'activity', idle } satisfies TabMessage);
        setDeadlines((current) => (current ? { ...current, idle } : current));
      }),
    [channel],
  );

  // Other tabs share the same session cookie: keep their view of it in step.
  useEffect(() => {
    if (!channel) return;
    channel.onmessage = (event: MessageEvent<TabMessage>) => {
      if (!signedIn.current) return;
      if (event.data.type === 'activity') {
        const idle = event.data.idle;
        setDeadlines((current) => (current && idle > current.idle ? { ...current, idle } : current));
      } else if (event.data.type === 'signed-out') {
        signedIn.current = false;
        void goToSignIn('unauthenticated').then(() => clear('unauthenticated'));
      }
    };
    return () => {
      channel.onmessage = null;
    };
  }, [channel, clear, goToSignIn]);

  const extend = useCallback(async () => {
    const { session } = await api.extendSession();
    setDeadlines(deadlinesFrom(session));
  }, []);

  /** Ends the session on the server and tells other tabs; the caller then leaves the page and forgets it. */
  const endSession = useCallback(
    async (everywhere: boolean) => {
      try {
        await (everywhere ? api.signOutEverywhere() : api.signOut());
      } catch (error) {
        // Already signed out is what we wanted; anything else is reported to the page.
        if (!(error instanceof ApiError && error.code === 'unauthenticated')) throw error;
      }
      channel?.postMessage({ type: 'signed-out' } satisfies TabMessage);
    },
    [channel],
  );

  // Leave the page first (rendered at once, not as a transition), then forget the session: the page
  // being left must never render signed out, or its guard would send the person to sign-in without
  // saying why.
  const signOut = useCallback(
    async (options: { everywhere?: boolean } = {}) => {
      await endSession(options.everywhere ?? false);
      signedIn.current = false;
      const state: SignedOutState = { everywhere: options.everywhere ?? false };
      await navigate('/signed-out', { state, replace: true, flushSync: true });
      clear();
    },
    [endSession, navigate, clear],
  );

  const expired = useCallback(
    async (reason: 'inactive' | 'ended') => {
      try {
        await endSession(false);
      } catch {
        // The session is over either way.
      }
      signedIn.current = false;
      await goToSignIn(reason);
      clear(reason);
    },
    [endSession, clear, goToSignIn],
  );

  const value = useMemo<SessionValue>(
    () => ({ status, endedBecause, me, deadlines, established, extend, signOut, expired }),
    [status, endedBecause, me, deadlines, established, extend, signOut, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The one page a person must see before anything else, if there is one. */
export function gatePath(me: Me): string | null {
  if (me.mfa.enrolmentRequired) return '/mfa/set-up';
  if (me.user.mustChangePassword) return '/account/password';
  return null;
}

/**
 * Routes inside need a signed-in person. While the server requires something first (MFA enrolment,
 * then replacing a temporary password) it refuses everything else, so only that page is shown.
 */
export function RequireSignedIn({ children, gate }: { children: ReactNode; gate?: string }) {
  const { status, me, endedBecause } = useSession();
  const location = useLocation();
  if (status === 'loading') return null;
  if (status === 'signed-out' || !me) {
    const state: SignInState = {
      from: `${location.pathname}${location.search}`,
      ...(endedBecause ? { reason: endedBecause } : {}),
    };
    return <Navigate to="/sign-in" state={state} replace />;
  }
  const required = gatePath(me);
  if (required && required !== gate) return <Navigate to={required} replace />;
  return <>{children}</>;
}
