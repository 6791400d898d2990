import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, type TestUser } from '../support/harness.ts';
import { auditEntries, countRows, lastAuditSeq, structure } from './helpers.ts';

type Method = 'GET' | 'POST' | 'PATCH';
type Caller = 'practitioner' | 'manager' | 'referrer';

interface RouteCase {
  method: Method;
  path: () => string;
  body?: () => object;
  /** Who is refused, and the action their refusal is recorded against. */
  deniedTo: Caller[];
  attempted?: string;
}

describe(`administration: agencies, teams and user accounts (${describeDatabase()})`, () => {
  let h: Harness;
  let admin: Client;
  let adminUser: TestUser;
  let callers: Record<Caller, { user: TestUser; client: Client }>;
  let cscId: string;
  let policeId: string;
  let cscTeamId: string;
  let policeTeamId: string;
  let target: TestUser;

  beforeAll(async () => {
    h = await Harness.start();
    adminUser = await h.user(['administrator'], 'other', {
      agencyName: 'Fernbridge Safeguarding Partnership',
    });
    admin = await h.signedIn(adminUser);
    cscId = await h.agency('childrens_social_care');
    policeId = await h.agency('police');
    cscTeamId = await h.team(cscId, 'Child Exploitation Team');
    policeTeamId = await h.team(policeId, 'Exploitation Intelligence Unit');
    target = await h.user(['practitioner'], 'childrens_social_care', { teamIds: [cscTeamId] });
    await h.user(['intelligence_officer'], 'police', { teamIds: [policeTeamId] });
    const signedIn = async (user: TestUser) => ({ user, client: await h.signedIn(user) });
    callers = {
      practitioner: await signedIn(await h.user(['practitioner'], 'childrens_social_care')),
      manager: await signedIn(await h.user(['manager'], 'childrens_social_care')),
      referrer: await signedIn(await h.user(['referrer'], 'education')),
    };
  });
  afterAll(() => h?.close());

  const ROUTES: RouteCase[] = [
    { method: 'GET', path: () => '/api/agencies', deniedTo: [] },
    {
      method: 'POST',
      path: () => '/api/agencies',
      body: () => ({ name: 'Denied Agency', type: 'other' }),
      deniedTo: ['practitioner', 'manager', 'referrer'],
      attempted: 'agency.manage',
    },
    {
      method: 'PATCH',
      path: () => `/api/agencies/${cscId}`,
      body: () => ({ name: 'Renamed by someone' }),
      deniedTo: ['practitioner', 'manager'],
      attempted: 'agency.manage',
    },
    {
      method: 'GET',
      path: () => '/api/teams',
      deniedTo: ['practitioner', 'referrer'],
      attempted: 'team.read',
    },
    {
      method: 'POST',
      path: () => '/api/teams',
      body: () => ({ agencyId: cscId, name: 'Denied Team' }),
      deniedTo: ['practitioner', 'manager'],
      attempted: 'team.manage',
    },
    {
      method: 'PATCH',
      path: () => `/api/teams/${cscTeamId}`,
      body: () => ({ active: false }),
      deniedTo: ['practitioner', 'manager'],
      attempted: 'team.manage',
    },
    {
      method: 'GET',
      path: () => '/api/users',
      deniedTo: ['practitioner', 'referrer'],
      attempted: 'user.read',
    },
    {
      method: 'POST',
      path: () => '/api/users',
      body: () => ({
        name: 'Denied Person',
        email: 'denied.person@test.example',
        agencyId: cscId,
        roles: ['practitioner'],
      }),
      deniedTo: ['practitioner', 'manager'],
      attempted: 'user.manage',
    },
    {
      method: 'PATCH',
      path: () => `/api/users/${target.id}`,
      body: () => ({ roles: ['manager'] }),
      deniedTo: ['practitioner', 'manager'],
      attempted: 'user.manage',
    },
    {
      method: 'POST',
      path: () => `/api/users/${target.id}/disable`,
      deniedTo: ['practitioner', 'manager'],
      attempted: 'user.manage',
    },
    {
      method: 'POST',
      path: () => `/api/users/${target.id}/enable`,
      deniedTo: ['practitioner', 'manager'],
      attempted: 'user.manage',
    },
    {
      method: 'POST',
      path: () => `/api/users/${target.id}/reset-mfa`,
      deniedTo: ['practitioner', 'manager'],
      attempted: 'user.reset_mfa',
    },
  ];
  const label = (route: RouteCase) => `${route.method} ${route.path().replace(/[0-9a-f-]{36}/, ':id')}`;
  const call = (client: Client, route: RouteCase) =>
    client.request(route.method, route.path(), route.method === 'GET' ? undefined : (route.body?.() ?? {}));

  describe('every route', () => {
    it('refuses an anonymous caller with 401 and changes nothing', async () => {
      const before = await structure(h.db);
      for (const route of ROUTES) {
        const res = await call(h.client(), route);
        expect(res.status, label(route)).toBe(401);
        expect(res.json.error.code, label(route)).toBe('unauthenticated');
      }
      expect(await structure(h.db)).toEqual(before);
    });

    it('refuses callers without the permission with 403, changes nothing, and records the denial', async () => {
      let denials = 0;
      for (const route of ROUTES) {
        for (const caller of route.deniedTo) {
          const { user, client } = callers[caller];
          const before = await structure(h.db);
          const seq = await lastAuditSeq(h.db);
          const res = await call(client, route);
          const what = `${caller}: ${label(route)}`;
          expect(res.status, what).toBe(403);
          expect(res.json.error.code, what).toBe('forbidden');
          expect(await structure(h.db), what).toEqual(before);
          const entries = await auditEntries(h.db, { sinceSeq: seq });
          expect(entries, what).toHaveLength(1);
          expect(entries[0], what).toMatchObject({
            action: 'access.denied',
            outcome: 'denied',
            actor_user_id: user.id,
            actor_agency_id: user.agencyId,
          });
          expect((entries[0]?.details as { attempted?: string } | undefined)?.attempted, what).toBe(
            route.attempted,
          );
          expect(entries[0]?.request_id, what).toBe(res.headers.get('x-request-id'));
          denials++;
        }
      }
      expect(denials).toBeGreaterThan(20);
    });

    it('lets every role read the partnership’s agencies', async () => {
      for (const caller of Object.values(callers)) {
        const res = await caller.client.get('/api/agencies');
        expect(res.status).toBe(200);
        expect(res.json.agencies.map((a: { id: string }) => a.id)).toEqual(
          expect.arrayContaining([cscId, policeId]),
        );
      }
    });
  });

  describe('agencies', () => {
    it('an administrator creates one, recorded in the audit log', async () => {
      const res = await admin.post('/api/agencies', {
        name: 'Fernbridge Housing Association',
        type: 'housing',
      });
      expect(res.status).toBe(201);
      expect(res.json.agency).toEqual({
        id: expect.any(String),
        name: 'Fernbridge Housing Association',
        type: 'housing',
        active: true,
      });
      const row = await h.db
        .selectFrom('agencies')
        .selectAll()
        .where('id', '=', res.json.agency.id)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe('Fernbridge Housing Association');
      const [entry] = await auditEntries(h.db, { action: 'agency.created', recordId: res.json.agency.id });
      expect(entry).toMatchObject({
        actor_user_id: adminUser.id,
        record_type: 'agency',
        fields: ['name', 'type'],
      });
    });

    it('refuses bad input with 400', async () => {
      const res = await admin.post('/api/agencies', { name: '', type: 'housing' });
      expect(res.status).toBe(400);
      expect(res.json.error.fields[0].path).toBe('name');
    });

    it('refuses a duplicate name, whatever its case, with 409 naming name', async () => {
      const before = await countRows(h.db, 'agencies');
      const res = await admin.post('/api/agencies', {
        name: 'FERNBRIDGE HOUSING ASSOCIATION',
        type: 'other',
      });
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('conflict');
      expect(res.json.error.fields).toEqual([{ path: 'name', message: expect.any(String) }]);
      expect(await countRows(h.db, 'agencies')).toBe(before);
    });

    it('an administrator renames, re-types and disables one', async () => {
      const created = (await admin.post('/api/agencies', { name: 'Fernbridge Fire Service', type: 'other' }))
        .json.agency;
      const res = await admin.patch(`/api/agencies/${created.id}`, {
        name: 'Fernbridge Fire and Rescue',
        type: 'voluntary_sector',
        active: false,
      });
      expect(res.status).toBe(200);
      expect(res.json.agency).toEqual({
        id: created.id,
        name: 'Fernbridge Fire and Rescue',
        type: 'voluntary_sector',
        active: false,
      });
      const [entry] = await auditEntries(h.db, { action: 'agency.updated', recordId: created.id });
      expect(entry?.fields).toEqual(['name', 'type', 'active']);
      const bad = await admin.patch(`/api/agencies/${created.id}`, { active: 'yes' });
      expect(bad.status).toBe(400);
      const duplicate = await admin.patch(`/api/agencies/${created.id}`, {
        name: 'fernbridge housing association',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.json.error.fields[0].path).toBe('name');
      // Keeping its own name is not a clash with itself.
      expect(
        (await admin.patch(`/api/agencies/${created.id}`, { name: 'Fernbridge Fire and Rescue' })).status,
      ).toBe(200);
    });

    it('answers 404 for an agency that does not exist', async () => {
      const res = await admin.patch('/api/agencies/00000000-0000-4000-8000-000000000000', { name: 'Nobody' });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    });
  });

  describe('teams', () => {
    it('an administrator lists every agency’s teams; a manager only their own agency’s', async () => {
      const all = await admin.get('/api/teams');
      expect(all.status).toBe(200);
      expect(all.json.teams.map((t: { id: string }) => t.id)).toEqual(
        expect.arrayContaining([cscTeamId, policeTeamId]),
      );

      const manager = callers.manager;
      const own = await manager.client.get('/api/teams');
      expect(own.status).toBe(200);
      expect(own.json.teams.map((t: { id: string }) => t.id)).toContain(cscTeamId);
      expect(own.json.teams.every((t: { agencyId: string }) => t.agencyId === manager.user.agencyId)).toBe(
        true,
      );
      // Asking for another agency's teams does not widen what a manager sees.
      const other = await manager.client.get(`/api/teams?agencyId=${policeId}`);
      expect(other.status).toBe(200);
      expect(other.json.teams).toEqual([]);
    });

    it('refuses bad input with 400', async () => {
      const res = await admin.get('/api/teams?agencyId=police');
      expect(res.status).toBe(400);
      expect(res.json.error.fields[0].path).toBe('agencyId');
      const create = await admin.post('/api/teams', { agencyId: cscId });
      expect(create.status).toBe(400);
      expect(create.json.error.fields).toEqual([{ path: 'name', message: 'is required' }]);
      const rename = await admin.patch(`/api/teams/${cscTeamId}`, { name: 'y'.repeat(201) });
      expect(rename.status).toBe(400);
      expect(rename.json.error.fields[0].path).toBe('name');
    });

    it('an administrator creates, renames and disables one', async () => {
      const res = await admin.post('/api/teams', { agencyId: cscId, name: 'Front Door' });
      expect(res.status).toBe(201);
      expect(res.json.team).toMatchObject({ name: 'Front Door', agencyId: cscId, active: true });
      expect(await auditEntries(h.db, { action: 'team.created', recordId: res.json.team.id })).toHaveLength(
        1,
      );

      const renamed = await admin.patch(`/api/teams/${res.json.team.id}`, {
        name: 'Front Door (MASH)',
        active: false,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.json.team).toMatchObject({ name: 'Front Door (MASH)', active: false });
      expect(await auditEntries(h.db, { action: 'team.updated', recordId: res.json.team.id })).toHaveLength(
        1,
      );
    });

    it('refuses a duplicate name within an agency, but allows it in another', async () => {
      const duplicate = await admin.post('/api/teams', { agencyId: cscId, name: 'child exploitation team' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.json.error.fields[0].path).toBe('name');
      const elsewhere = await admin.post('/api/teams', {
        agencyId: policeId,
        name: 'Child Exploitation Team',
      });
      expect(elsewhere.status).toBe(201);
    });

    it('refuses a team for an agency that does not exist, naming agencyId', async () => {
      const res = await admin.post('/api/teams', {
        agencyId: '00000000-0000-4000-8000-000000000000',
        name: 'Orphans',
      });
      expect(res.status).toBe(400);
      expect(res.json.error.fields[0].path).toBe('agencyId');
    });
  });

  describe('user accounts', () => {
    it('an administrator lists every account', async () => {
      const res = await admin.get('/api/users');
      expect(res.status).toBe(200);
      const agencies = new Set(res.json.users.map((u: { agency: { id: string } }) => u.agency.id));
      expect(agencies).toEqual(
        new Set([adminUser.agencyId, cscId, policeId, callers.referrer.user.agencyId]),
      );
      expect(await countRows(h.db, 'users')).toBe(res.json.users.length);
    });

    it('a manager lists only their own agency’s accounts, whatever they ask for', async () => {
      const manager = callers.manager;
      const res = await manager.client.get('/api/users');
      expect(res.status).toBe(200);
      const ids = res.json.users.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([target.id, callers.practitioner.user.id, manager.user.id]));
      expect(
        res.json.users.every((u: { agency: { id: string } }) => u.agency.id === manager.user.agencyId),
      ).toBe(true);
      expect(ids).not.toContain(adminUser.id);
      const other = await manager.client.get(`/api/users?agencyId=${policeId}`);
      expect(other.json.users).toEqual([]);
      const search = await manager.client.get(`/api/users?q=${encodeURIComponent(adminUser.email)}`);
      expect(search.json.users).toEqual([]);
    });

    it('the data protection officer lists every account, and may change none', async () => {
      const dpo = await h.user(['data_protection_officer'], 'other', {
        agencyName: 'Fernbridge Safeguarding Partnership',
      });
      const client = await h.signedIn(dpo);
      const res = await client.get('/api/users');
      expect(res.status).toBe(200);
      expect(res.json.users.map((u: { id: string }) => u.id)).toContain(target.id);
      expect((await client.post(`/api/users/${target.id}/disable`)).status).toBe(403);
    });

    it('finds accounts by name or email, treating wildcards literally', async () => {
      const res = await admin.get(`/api/users?q=${encodeURIComponent(target.email.toUpperCase())}`);
      expect(res.json.users.map((u: { id: string }) => u.id)).toEqual([target.id]);
      const wildcard = await admin.get(`/api/users?q=${encodeURIComponent('%')}`);
      expect(wildcard.json.users).toEqual([]);
    });

    it('refuses bad input with 400', async () => {
      const res = await admin.post('/api/users', {
        name: 'Casey Nguyen',
        email: 'not-an-email',
        agencyId: cscId,
        roles: ['practitioner'],
      });
      expect(res.status).toBe(400);
      expect(res.json.error.fields.map((f: { path: string }) => f.path)).toEqual(['email']);
      const noRoles = await admin.post('/api/users', {
        name: 'Casey Nguyen',
        email: 'casey@test.example',
        agencyId: cscId,
        roles: [],
      });
      expect(noRoles.status).toBe(400);
      expect(noRoles.json.error.fields[0].path).toBe('roles');
      const patch = await admin.patch(`/api/users/${target.id}`, { roles: ['superuser'] });
      expect(patch.status).toBe(400);
      for (const verb of ['disable', 'enable', 'reset-mfa']) {
        const bad = await admin.post(`/api/users/not-an-id/${verb}`);
        expect(bad.status, verb).toBe(400);
        expect(bad.json.error.fields[0].path, verb).toBe('id');
      }
    });

    it('an administrator creates an account with a temporary password that must be replaced at first sign-in', async () => {
      const res = await admin.post('/api/users', {
        name: 'Casey Nguyen',
        email: 'Casey.Nguyen@Test.Example',
        agencyId: cscId,
        roles: ['referrer'],
        teamIds: [cscTeamId],
      });
      expect(res.status).toBe(201);
      expect(res.json.user).toMatchObject({
        name: 'Casey Nguyen',
        email: 'casey.nguyen@test.example',
        agency: { id: cscId },
        roles: ['referrer'],
        teams: [{ id: cscTeamId, name: 'Child Exploitation Team' }],
        active: true,
        mfaEnrolled: false,
      });
      const temporary: string = res.json.temporaryPassword;
      expect(temporary).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
      const row = await h.db
        .selectFrom('users')
        .select(['password_hash', 'must_change_password'])
        .where('id', '=', res.json.user.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).not.toContain(temporary);
      expect(row.must_change_password).toBe(true);
      const [entry] = await auditEntries(h.db, { action: 'user.created', recordId: res.json.user.id });
      expect(entry).toMatchObject({ actor_user_id: adminUser.id, details: { roles: ['referrer'] } });

      const casey = h.client();
      const signIn = await casey.signIn('casey.nguyen@test.example', temporary);
      expect(signIn.status).toBe(200);
      expect(signIn.json.me.user.mustChangePassword).toBe(true);
      const blocked = await casey.get('/api/my-work');
      expect(blocked.status).toBe(403);
      expect(blocked.json.error.code).toBe('password_change_required');

      const changed = await casey.post('/api/me/password', {
        currentPassword: temporary,
        newPassword: 'marble otter sundial',
      });
      expect(changed.status).toBe(204);
      expect((await casey.get('/api/me')).json.me.user.mustChangePassword).toBe(false);
      expect((await casey.get('/api/my-work')).status).toBe(200);
      // The temporary password has done its one job.
      const again = await h.client().signIn('casey.nguyen@test.example', temporary);
      expect(again.status).toBe(401);
    });

    it('refuses a duplicate email, whatever its case, with 409 naming email', async () => {
      const before = await countRows(h.db, 'users');
      const res = await admin.post('/api/users', {
        name: 'Another Casey',
        email: 'CASEY.NGUYEN@test.example',
        agencyId: policeId,
        roles: ['referrer'],
      });
      expect(res.status).toBe(409);
      expect(res.json.error.fields).toEqual([{ path: 'email', message: expect.any(String) }]);
      expect(await countRows(h.db, 'users')).toBe(before);
    });

    it('refuses teams that do not belong to the account’s agency, naming teamIds', async () => {
      const before = await structure(h.db);
      const create = await admin.post('/api/users', {
        name: 'Robin Vale',
        email: 'robin.vale@test.example',
        agencyId: cscId,
        roles: ['practitioner'],
        teamIds: [policeTeamId],
      });
      expect(create.status).toBe(400);
      expect(create.json.error.fields[0].path).toBe('teamIds');
      const update = await admin.patch(`/api/users/${target.id}`, { teamIds: [cscTeamId, policeTeamId] });
      expect(update.status).toBe(400);
      expect(update.json.error.fields[0].path).toBe('teamIds');
      expect(await structure(h.db)).toEqual(before);
    });

    it('an administrator changes an account’s name, roles and teams', async () => {
      const team = (await admin.post('/api/teams', { agencyId: cscId, name: 'Missing Children Team' })).json
        .team;
      const res = await admin.patch(`/api/users/${target.id}`, {
        name: 'Target Renamed',
        roles: ['practitioner', 'mace_chair'],
        teamIds: [team.id],
      });
      expect(res.status).toBe(200);
      expect(res.json.user).toMatchObject({
        name: 'Target Renamed',
        roles: ['practitioner', 'mace_chair'],
        teams: [{ id: team.id }],
      });
      const [entry] = (await auditEntries(h.db, { action: 'user.updated', recordId: target.id })).slice(-1);
      expect(entry?.fields).toEqual(['name', 'roles', 'teams']);
    });

    it('an administrator disables and enables an account', async () => {
      const disabled = await admin.post(`/api/users/${target.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.json.user.active).toBe(false);
      const enabled = await admin.post(`/api/users/${target.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.json.user.active).toBe(true);
      expect(await auditEntries(h.db, { action: 'user.disabled', recordId: target.id })).toHaveLength(1);
      expect(await auditEntries(h.db, { action: 'user.enabled', recordId: target.id })).toHaveLength(1);
    });

    it('an administrator resets an account’s two-factor authentication', async () => {
      const res = await admin.post(`/api/users/${callers.practitioner.user.id}/reset-mfa`);
      expect(res.status).toBe(200);
      expect(res.json.user.mfaEnrolled).toBe(false);
    });

    it('answers 404 for an account that does not exist', async () => {
      for (const verb of ['disable', 'enable', 'reset-mfa']) {
        const res = await admin.post(`/api/users/00000000-0000-4000-8000-000000000000/${verb}`);
        expect(res.status, verb).toBe(404);
      }
      expect(
        (await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { name: 'Nobody' })).status,
      ).toBe(404);
    });

    it('an administrator cannot disable their own account', async () => {
      const res = await admin.post(`/api/users/${adminUser.id}/disable`);
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('conflict');
      const row = await h.db
        .selectFrom('users')
        .select('active')
        .where('id', '=', adminUser.id)
        .executeTakeFirstOrThrow();
      expect(row.active).toBe(true);
      expect((await admin.get('/api/me')).status).toBe(200);
    });
  });
});
