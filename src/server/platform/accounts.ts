import type { Kysely, Transaction } from 'kysely';
import { decide } from '../../domain/access/policy.ts';
import type { Role, Viewer } from '../../domain/access/types.ts';
import { passwordProblem } from '../../domain/platform/password-policy.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { hashPassword, temporaryPassword } from './passwords.ts';
import { revokeAllSessions } from './sessions.ts';

/** Agencies, teams and user accounts: the partnership's own structure. Used by the API and the CLI. */

export interface AgencyView {
  id: string;
  name: string;
  type: string;
  active: boolean;
}

export async function listAgencies(db: Kysely<DB>): Promise<AgencyView[]> {
  return db.selectFrom('agencies').select(['id', 'name', 'type', 'active']).orderBy('name').execute();
}

export async function createAgency(
  db: Kysely<DB>,
  actor: AuditActor,
  input: { name: string; type: string },
): Promise<AgencyView> {
  return db.transaction().execute(async (trx) => {
    await assertUniqueAgencyName(trx, input.name);
    const agency = await trx
      .insertInto('agencies')
      .values({ name: input.name, type: input.type })
      .returning(['id', 'name', 'type', 'active'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'agency.created',
      recordType: 'agency',
      recordId: agency.id,
      fields: ['name', 'type'],
    });
    return agency;
  });
}

export async function updateAgency(
  db: Kysely<DB>,
  actor: AuditActor,
  id: string,
  input: { name?: string | undefined; type?: string | undefined; active?: boolean | undefined },
): Promise<AgencyView> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('agencies')
      .select(['id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) throw notFound('agency');
    if (input.name !== undefined) await assertUniqueAgencyName(trx, input.name, id);
    const changes = definedOnly(input);
    const agency = await trx
      .updateTable('agencies')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returning(['id', 'name', 'type', 'active'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'agency.updated',
      recordType: 'agency',
      recordId: id,
      fields: Object.keys(changes),
    });
    return agency;
  });
}

async function assertUniqueAgencyName(trx: Transaction<DB>, name: string, exceptId?: string) {
  let q = trx
    .selectFrom('agencies')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst())
    throw new AppError('conflict', `name: an agency called "${name}" already exists`, [
      { path: 'name', message: 'an agency with this name already exists' },
    ]);
}

export interface TeamView {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  active: boolean;
}

function teamsQuery(db: Kysely<DB> | Transaction<DB>) {
  return db
    .selectFrom('teams')
    .innerJoin('agencies', 'agencies.id', 'teams.agency_id')
    .select([
      'teams.id',
      'teams.name',
      'teams.agency_id as agencyId',
      'agencies.name as agencyName',
      'teams.active',
    ]);
}

/** Lists teams within a scope (see `teamScopeOf`), optionally of one agency. */
export async function listTeams(db: Kysely<DB>, scope: AgencyScope, agencyId?: string): Promise<TeamView[]> {
  let q = teamsQuery(db);
  if (scope !== 'all') q = q.where('teams.agency_id', '=', scope.agencyId);
  if (agencyId) q = q.where('teams.agency_id', '=', agencyId);
  return q.orderBy('agencies.name').orderBy('teams.name').execute();
}

export async function createTeam(
  db: Kysely<DB>,
  actor: AuditActor,
  input: { agencyId: string; name: string },
): Promise<TeamView> {
  return db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('id', '=', input.agencyId)
      .executeTakeFirst();
    if (!agency) throw invalid('agencyId', 'there is no agency with this id');
    await assertUniqueTeamName(trx, input.agencyId, input.name);
    const { id } = await trx
      .insertInto('teams')
      .values({ agency_id: input.agencyId, name: input.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: 'team.created',
      recordType: 'team',
      recordId: id,
      fields: ['name', 'agency'],
    });
    return teamsQuery(trx).where('teams.id', '=', id).executeTakeFirstOrThrow();
  });
}

export async function updateTeam(
  db: Kysely<DB>,
  actor: AuditActor,
  id: string,
  input: { name?: string | undefined; active?: boolean | undefined },
): Promise<TeamView> {
  return db.transaction().execute(async (trx) => {
    const team = await trx
      .selectFrom('teams')
      .select(['id', 'agency_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!team) throw notFound('team');
    if (input.name !== undefined) await assertUniqueTeamName(trx, team.agency_id, input.name, id);
    const changes = definedOnly(input);
    await trx
      .updateTable('teams')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'team.updated',
      recordType: 'team',
      recordId: id,
      fields: Object.keys(changes),
    });
    return teamsQuery(trx).where('teams.id', '=', id).executeTakeFirstOrThrow();
  });
}

async function assertUniqueTeamName(trx: Transaction<DB>, agencyId: string, name: string, exceptId?: string) {
  let q = trx
    .selectFrom('teams')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst())
    throw new AppError('conflict', `name: this agency already has a team called "${name}"`, [
      { path: 'name', message: 'this agency already has a team with this name' },
    ]);
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  agency: { id: string; name: string };
  roles: Role[];
  teams: { id: string; name: string }[];
  active: boolean;
  mfaEnrolled: boolean;
  lockedUntil: string | null;
}

/** Which agencies' accounts or teams a viewer may list: every agency's, or only their own. */
export type AgencyScope = 'all' | { agencyId: string };
export type UserScope = AgencyScope;

/**
 * Asks the policy first without naming an agency (a grant with no condition, as administrators and the
 * data protection officer hold), then for the viewer's own agency (as a manager holds).
 */
function agencyScopeOf(viewer: Viewer, action: 'user.read' | 'team.read'): AgencyScope | null {
  if (decide(viewer, action).allowed) return 'all';
  if (decide(viewer, action, { targetAgencyId: viewer.agencyId }).allowed)
    return { agencyId: viewer.agencyId };
  return null;
}

/** Which accounts a viewer may list: all for an administrator or DPO, their own agency's for a manager, none otherwise. */
export const userScopeOf = (viewer: Viewer) => agencyScopeOf(viewer, 'user.read');

/** Which teams a viewer may list: all for an administrator or DPO, their own agency's for a manager, none otherwise. */
export const teamScopeOf = (viewer: Viewer) => agencyScopeOf(viewer, 'team.read');

/** Lists accounts within a scope. The scope is a condition in the SQL, so nothing outside it is loaded. */
export async function listUsers(
  db: Kysely<DB>,
  scope: UserScope,
  filter: { agencyId?: string | undefined; q?: string | undefined; ids?: string[] } = {},
): Promise<UserView[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.roles',
      'users.active',
      'users.totp_enrolled_at',
      'users.locked_until',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
    ]);
  if (scope !== 'all') q = q.where('users.agency_id', '=', scope.agencyId);
  if (filter.agencyId) q = q.where('users.agency_id', '=', filter.agencyId);
  if (filter.ids)
    q = q.where('users.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['users.name']), 'like', like),
        eb(eb.fn('lower', ['users.email']), 'like', like),
      ]),
    );
  }
  const rows = await q.orderBy('users.name').limit(1000).execute();
  const teams = rows.length
    ? await db
        .selectFrom('team_members')
        .innerJoin('teams', 'teams.id', 'team_members.team_id')
        .select(['team_members.user_id', 'teams.id', 'teams.name'])
        .where(
          'team_members.user_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('teams.name')
        .execute()
    : [];
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    agency: { id: r.agency_id, name: r.agency_name },
    roles: r.roles as Role[],
    teams: teams.filter((t) => t.user_id === r.id).map((t) => ({ id: t.id, name: t.name })),
    active: r.active,
    mfaEnrolled: r.totp_enrolled_at !== null,
    lockedUntil:
      r.locked_until && new Date(r.locked_until).getTime() > now
        ? new Date(r.locked_until).toISOString()
        : null,
  }));
}

export async function getUser(db: Kysely<DB>, scope: UserScope, id: string): Promise<UserView> {
  const [user] = await listUsers(db, scope, { ids: [id] });
  if (!user) throw notFound('user');
  return user;
}

export interface CreateUserInput {
  name: string;
  email: string;
  agencyId: string;
  roles: Role[];
  teamIds: string[];
  /** Set by the CLI and the demo; otherwise a temporary password is generated. */
  password?: string;
}

export async function createUser(
  db: Kysely<DB>,
  actor: AuditActor,
  input: CreateUserInput,
): Promise<{ id: string; temporaryPassword: string | null }> {
  const chosen = input.password;
  if (chosen !== undefined) {
    const problem = passwordProblem(chosen, { email: input.email, name: input.name });
    if (problem) throw invalid('password', problem);
  }
  const password = chosen ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom('agencies')
      .select(['id', 'active'])
      .where('id', '=', input.agencyId)
      .executeTakeFirst();
    if (!agency) throw invalid('agencyId', 'there is no agency with this id');
    if (!agency.active) throw invalid('agencyId', 'this agency is disabled');
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (taken)
      throw new AppError('conflict', 'email: an account with this email already exists', [
        { path: 'email', message: 'an account with this email already exists' },
      ]);
    await assertTeamsInAgency(trx, input.teamIds, input.agencyId);
    const { id } = await trx
      .insertInto('users')
      .values({
        agency_id: input.agencyId,
        name: input.name,
        email: input.email.toLowerCase(),
        password_hash: passwordHash,
        must_change_password: chosen === undefined,
        roles: unique(input.roles),
        totp_secret_encrypted: null,
        totp_enrolled_at: null,
        totp_last_step: null,
        locked_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.teamIds.length) {
      await trx
        .insertInto('team_members')
        .values(unique(input.teamIds).map((team_id) => ({ team_id, user_id: id })))
        .execute();
    }
    await appendAudit(trx, actor, {
      action: 'user.created',
      recordType: 'user',
      recordId: id,
      fields: ['name', 'email', 'agency', 'roles', 'teams'],
      details: { roles: unique(input.roles) },
    });
    return { id, temporaryPassword: chosen === undefined ? password : null };
  });
}

export async function updateUser(
  db: Kysely<DB>,
  actor: AuditActor,
  id: string,
  input: { name?: string | undefined; roles?: Role[] | undefined; teamIds?: string[] | undefined },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'agency_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw notFound('user');
    const fields: string[] = [];
    if (input.name !== undefined || input.roles !== undefined) {
      await trx
        .updateTable('users')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.roles !== undefined ? { roles: unique(input.roles) } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      if (input.name !== undefined) fields.push('name');
      if (input.roles !== undefined) fields.push('roles');
    }
    if (input.teamIds !== undefined) {
      await assertTeamsInAgency(trx, input.teamIds, user.agency_id);
      await trx.deleteFrom('team_members').where('user_id', '=', id).execute();
      if (input.teamIds.length) {
        await trx
          .insertInto('team_members')
          .values(unique(input.teamIds).map((team_id) => ({ team_id, user_id: id })))
          .execute();
      }
      fields.push('teams');
    }
    await appendAudit(trx, actor, {
      action: 'user.updated',
      recordType: 'user',
      recordId: id,
      fields,
      ...(input.roles ? { details: { roles: unique(input.roles) } } : {}),
    });
  });
}

export async function setUserActive(
  db: Kysely<DB>,
  actor: AuditActor,
  id: string,
  active: boolean,
): Promise<void> {
  if (!active && actor.userId === id) throw new AppError('conflict', 'You cannot disable your own account.');
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({ active, updated_at: new Date(), ...(active ? { failed_attempts: 0, locked_until: null } : {}) })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!user) throw notFound('user');
    // A disabled account loses every session at once, not at its next idle timeout.
    if (!active) await revokeAllSessions(trx, id);
    await appendAudit(trx, actor, {
      action: active ? 'user.enabled' : 'user.disabled',
      recordType: 'user',
      recordId: id,
      fields: ['active'],
    });
  });
}

export async function resetMfa(db: Kysely<DB>, actor: AuditActor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({
        totp_secret_encrypted: null,
        totp_enrolled_at: null,
        totp_last_step: null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!user) throw notFound('user');
    await revokeAllSessions(trx, id);
    await appendAudit(trx, actor, { action: 'mfa.reset', recordType: 'user', recordId: id, fields: ['mfa'] });
  });
}

export async function findUserIdByEmail(db: Kysely<DB>, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row?.id ?? null;
}

async function assertTeamsInAgency(trx: Transaction<DB>, teamIds: string[], agencyId: string) {
  if (!teamIds.length) return;
  const found = await trx
    .selectFrom('teams')
    .select('id')
    .where('id', 'in', unique(teamIds))
    .where('agency_id', '=', agencyId)
    .execute();
  if (found.length !== unique(teamIds).length)
    throw invalid('teamIds', 'every team must exist and belong to the user’s agency');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function definedOnly<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
