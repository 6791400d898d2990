/**
 * The web's only way to talk to the Lantern API.
 *
 * - Cookies carry the session (`credentials: 'same-origin'`); the CSRF token from `GET /api/me` goes in
 *   `x-csrf-token` on every state-changing request except signing in.
 * - Every failure becomes an `ApiError` carrying the server's code, message and field errors, so pages
 *   show what the server said instead of guessing.
 * - `unauthenticated` anywhere is reported to one handler, which takes the person back to sign-in.
 */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A failure we could not get an answer for (network down, server not responding). */
export const SERVICE_UNAVAILABLE_MESSAGE =
  'Sorry, there is a problem with the service. Try again later. Any answers you entered have not been saved.';

// ---- Shapes of the API responses the web uses -------------------------------------------------

export interface Permissions {
  manageAgencies: boolean;
  manageTeams: boolean;
  manageUsers: boolean;
  readUsers: boolean;
  verifyAudit: boolean;
  readAudit: boolean;
  readReports: boolean;
  /** May screen referrals at the front door (`referral.screen`). */
  screenReferrals: boolean;
  /** May see persons of concern, places and other contexts (`context.read`). */
  readContexts: boolean;
}

export interface SessionTimes {
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  idleTimeoutSeconds: number;
  warningSeconds: number;
}

export interface Me {
  user: {
    id: string;
    name: string;
    email: string;
    agency: { id: string; name: string; type: string };
    roles: string[];
    teams: { id: string; name: string }[];
    /** Signed in with a temporary password: the only thing to do is choose a new one. */
    mustChangePassword: boolean;
  };
  csrfToken: string;
  session: SessionTimes;
  mfa: { enrolled: boolean; required: boolean; enrolmentRequired: boolean };
  permissions: Permissions;
}

export interface Option {
  value: string;
  label: string;
}

export interface Reference {
  roles: Option[];
  agencyTypes: Option[];
}

export interface Agency {
  id: string;
  name: string;
  type: string;
  active: boolean;
}

export interface Team {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  active: boolean;
}

export interface User {
  id: string;
  name: string;
  email: string;
  agency: { id: string; name: string };
  roles: string[];
  teams: { id: string; name: string }[];
  active: boolean;
  mfaEnrolled: boolean;
  lockedUntil: string | null;
}

export interface MfaSetup {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface MyWork {
  children: { id: string; name: string }[];
  referralsAwaitingDecision: { id: string; receivedAt: string }[];
  tasks: { id: string; title: string; dueAt: string | null }[];
}

// ---- Transport --------------------------------------------------------------------------------

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let clockOffset = 0;
let onUnauthenticated: (() => void) | null = null;
let onGate: (() => void) | null = null;
const activityListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * How far the server's clock is ahead of this computer's, in milliseconds, from the `Date` header of
 * the last response (to the nearest second, which is plenty for a warning given minutes ahead).
 */
export function serverClockOffset(): number {
  return clockOffset;
}

/** Called whenever any request answers 401 `unauthenticated`. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * Called when the server refuses a request until the person does something first (set up 2-step
 * verification, replace a temporary password).
 */
export function setGateHandler(handler: (() => void) | null): void {
  onGate = handler;
}

/** Called after every request the server answered while signed in: the server counts it as activity. */
export function onActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

function isErrorBody(
  body: unknown,
): body is { error: { code: string; message: string; fields?: FieldError[] } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** For capability clients elsewhere in the web (`children/api.ts`, `referrals/api.ts`): same transport, same handlers. */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const signingIn = method === 'POST' && path === '/api/session';
  if (method !== 'GET' && !signingIn && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', SERVICE_UNAVAILABLE_MESSAGE);
  }

  const date = Date.parse(response.headers.get('date') ?? '');
  if (!Number.isNaN(date)) clockOffset = date - Date.now();

  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }

  if (!response.ok) {
    const error = isErrorBody(parsed)
      ? new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.fields ?? [])
      : new ApiError(response.status, 'internal', SERVICE_UNAVAILABLE_MESSAGE);
    if (error.code === 'unauthenticated') onUnauthenticated?.();
    if (error.code === 'mfa_enrolment_required' || error.code === 'password_change_required') onGate?.();
    throw error;
  }
  if (!signingIn && method !== 'DELETE') for (const listener of activityListeners) listener();
  return parsed as T;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

// ---- Endpoints --------------------------------------------------------------------------------
// A choice the person has not made is sent as absent (never as ""), so the server can say it is needed.

export const api = {
  signIn: (body: { email: string; password: string; totp?: string }) =>
    request<{ me: Me }>('POST', '/api/session', body),
  me: async () => {
    const body = await request<{ me: Me } | Me>('GET', '/api/me');
    return 'me' in body ? body.me : body;
  },
  extendSession: () => request<{ session: SessionTimes }>('POST', '/api/session/extend'),
  signOut: () => request<void>('DELETE', '/api/session'),
  signOutEverywhere: () => request<void>('DELETE', '/api/sessions'),

  mfaSetup: () => request<MfaSetup>('POST', '/api/me/mfa/setup'),
  mfaConfirm: (code: string) => request<{ me: Me }>('POST', '/api/me/mfa/confirm', { code }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<void>('POST', '/api/me/password', body),

  reference: () => request<Reference>('GET', '/api/reference'),
  myWork: () => request<MyWork>('GET', '/api/my-work'),

  agencies: () => request<{ agencies: Agency[] }>('GET', '/api/agencies'),
  createAgency: (body: { name: string; type?: string | undefined }) =>
    request<{ agency: Agency }>('POST', '/api/agencies', body),
  updateAgency: (id: string, body: { name?: string; type?: string; active?: boolean }) =>
    request<{ agency: Agency }>('PATCH', `/api/agencies/${encodeURIComponent(id)}`, body),

  teams: (params: { agencyId?: string } = {}) =>
    request<{ teams: Team[] }>('GET', `/api/teams${query(params)}`),
  createTeam: (body: { agencyId?: string | undefined; name: string }) =>
    request<{ team: Team }>('POST', '/api/teams', body),
  updateTeam: (id: string, body: { name?: string; active?: boolean }) =>
    request<{ team: Team }>('PATCH', `/api/teams/${encodeURIComponent(id)}`, body),

  users: (params: { agencyId?: string; q?: string } = {}) =>
    request<{ users: User[] }>('GET', `/api/users${query(params)}`),
  createUser: (body: {
    name: string;
    email: string;
    agencyId?: string | undefined;
    roles: string[];
    teamIds: string[];
  }) => request<{ user: User; temporaryPassword: string | null }>('POST', '/api/users', body),
  updateUser: (id: string, body: { name?: string; roles?: string[]; teamIds?: string[] }) =>
    request<{ user: User }>('PATCH', `/api/users/${encodeURIComponent(id)}`, body),
  disableUser: (id: string) =>
    request<{ user: User }>('POST', `/api/users/${encodeURIComponent(id)}/disable`),
  enableUser: (id: string) => request<{ user: User }>('POST', `/api/users/${encodeURIComponent(id)}/enable`),
  resetUserMfa: (id: string) =>
    request<{ user: User }>('POST', `/api/users/${encodeURIComponent(id)}/reset-mfa`),
};
