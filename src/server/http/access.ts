import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Action } from '../../domain/access/actions.ts';
import { decide, mfaRequired } from '../../domain/access/policy.ts';
import type { AgencyType, Role, Viewer } from '../../domain/access/types.ts';
import { auditAlone } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type ActiveSession, resumeSession, SESSION_COOKIE } from '../platform/sessions.ts';

/**
 * Who may call a route. Every /api route must declare one: the server refuses to start otherwise,
 * and a test walks the route table to prove it.
 */
export type RouteAccess =
  | { kind: 'public' }
  | {
      kind: 'signed_in';
      /** The action the caller must be allowed; omit for routes any signed-in user may call. */
      action?: Action;
      /** Allowed while the account still has to enrol in MFA (enrolment itself, /me, sign-out). */
      duringEnrolment?: boolean;
      /** Allowed while the account still has to replace a temporary password. */
      passwordChange?: boolean;
    };

export const publicRoute = (): { access: RouteAccess } => ({ access: { kind: 'public' } });
export const signedIn = (
  action?: Action,
  opts: { duringEnrolment?: boolean; passwordChange?: boolean } = {},
): { access: RouteAccess } => ({
  access: { kind: 'signed_in', ...(action ? { action } : {}), ...opts },
});

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  agency: { id: string; name: string; type: AgencyType };
  roles: Role[];
  teams: { id: string; name: string }[];
  mfaEnrolled: boolean;
  mustChangePassword: boolean;
}

export interface AuthState {
  session: ActiveSession;
  user: SignedInUser;
  viewer: Viewer;
  mfaRequired: boolean;
  /** MFA is required for this account and not yet set up: only enrolment is open. */
  enrolmentRequired: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthState | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function actorOf(request: FastifyRequest): AuditActor {
  return {
    userId: request.auth?.user.id ?? null,
    agencyId: request.auth?.user.agency.id ?? null,
    requestId: request.id,
  };
}

/** The signed-in state of a request on a route that declared `signedIn`. */
export function authOf(request: FastifyRequest): AuthState {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.auth;
}

export async function loadSignedInUser(db: Kysely<DB>, userId: string): Promise<SignedInUser | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.roles',
      'users.totp_enrolled_at',
      'users.must_change_password',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
      'agencies.type as agency_type',
    ])
    .where('users.id', '=', userId)
    .where('users.active', '=', true)
    .where('agencies.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const teams = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id', 'teams.name'])
    .where('team_members.user_id', '=', userId)
    .where('teams.active', '=', true)
    .orderBy('teams.name')
    .execute();
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    agency: { id: row.agency_id, name: row.agency_name, type: row.agency_type as AgencyType },
    roles: row.roles as Role[],
    teams,
    mfaEnrolled: row.totp_enrolled_at !== null,
    mustChangePassword: row.must_change_password,
  };
}

export function viewerOf(user: SignedInUser): Viewer {
  return {
    userId: user.id,
    agencyId: user.agency.id,
    agencyType: user.agency.type,
    roles: user.roles,
    teamIds: user.teams.map((t) => t.id),
  };
}

export function registerAccessControl(app: FastifyInstance, db: Kysely<DB>, config: Config) {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith('/api/') && !url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${url} does not declare who may call it (config.access)`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access.kind === 'public') return;

    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resumeSession(db, config, token) : null;
    const user = session ? await loadSignedInUser(db, session.userId) : null;
    if (!session || !user)
      throw new AppError('unauthenticated', 'Sign in to continue. Your session may have expired.');

    const viewer = viewerOf(user);
    const required = mfaRequired(viewer);
    const enrolmentRequired = required && !user.mfaEnrolled;
    request.auth = { session, user, viewer, mfaRequired: required, enrolmentRequired };

    if (STATE_CHANGING.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError(
        'csrf_failed',
        'x-csrf-token: the request is missing a valid CSRF token; reload the page.',
      );
    }
    if ((enrolmentRequired || !session.mfaSatisfied) && !access.duringEnrolment) {
      throw new AppError(
        'mfa_enrolment_required',
        'Set up two-factor authentication before using Lantern: your role can see restricted information.',
      );
    }
    if (user.mustChangePassword && !access.duringEnrolment && !access.passwordChange) {
      throw new AppError(
        'password_change_required',
        'Choose a new password before using Lantern: the one you signed in with was temporary.',
      );
    }
    if (access.action) {
      const decision = decide(viewer, access.action);
      if (!decision.allowed) {
        await auditAlone(db, actorOf(request), {
          action: 'access.denied',
          outcome: 'denied',
          reason: decision.reason,
          details: { attempted: access.action, route: request.routeOptions.url ?? '' },
        });
        throw new AppError('forbidden', 'You do not have permission to do this.');
      }
    }
  });
}

/** Sign-in cannot carry a CSRF token yet, so it is protected by checking where the request came from. */
export function checkSameOrigin(request: FastifyRequest, config: Config) {
  const origin = request.headers.origin;
  const fetchSite = request.headers['sec-fetch-site'];
  if (origin) {
    const allowed = config.publicUrl
      ? new URL(config.publicUrl).origin
      : `${request.protocol}://${request.host}`;
    if (origin !== allowed)
      throw new AppError('csrf_failed', 'Origin: sign-in must come from Lantern’s own pages.');
    return;
  }
  // Browsers always send Origin on a cross-site POST; a request without one is a non-browser client,
  // unless the browser's own Fetch Metadata says it is cross-site.
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new AppError('csrf_failed', 'Origin: sign-in must come from Lantern’s own pages.');
  }
}
