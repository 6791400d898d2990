import { type Kysely, sql, type Transaction } from 'kysely';
import type { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, describeProblem, verifyAuditLog } from '../../src/server/audit/audit.ts';
import { entryHash } from '../../src/server/audit/chain.ts';
import { SYSTEM_ACTOR } from '../../src/server/audit/events.ts';
import type { DB } from '../../src/server/db/schema.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, TEST_PASSWORD, type TestUser } from '../support/harness.ts';
import { auditEntries, countRows, nextCode, sleep, structure } from './helpers.ts';

type AuditRow = Awaited<ReturnType<typeof auditEntries>>[number];

/**
 * Changes the audit log behind the application's back, as someone with database access might: the
 * append-only triggers are switched off and on again inside one transaction, so nothing else ever sees
 * the log unprotected.
 */
async function tamper(db: Kysely<DB>, change: (trx: Transaction<DB>) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    await change(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
}

const entryAt = (db: Kysely<DB>, seq: number) =>
  db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

/** Puts a row back exactly as it was. */
const restore = (trx: Transaction<DB>, row: AuditRow) =>
  trx
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details), fields: [...row.fields] })
    .execute();

/** The content that the hash covers, as the verifier reads it from a row. */
const contentOf = (row: AuditRow) => ({
  seq: Number(row.seq),
  occurredAt: new Date(row.occurred_at).toISOString(),
  requestId: row.request_id,
  actorUserId: row.actor_user_id,
  actorAgencyId: row.actor_agency_id,
  action: row.action,
  recordType: row.record_type,
  recordId: row.record_id,
  childId: row.child_id,
  fields: row.fields,
  reason: row.reason,
  outcome: row.outcome,
  details: row.details,
  prevHash: row.prev_hash,
});

describe(`the audit log (${describeDatabase()})`, () => {
  let h: Harness;
  let admin: Client & { totp?: TOTP };
  let adminUser: TestUser;
  let agencyId: string;

  beforeAll(async () => {
    h = await Harness.start();
    adminUser = await h.user(['administrator'], 'other');
    admin = await h.signedIn(adminUser);
    agencyId = await h.agency('childrens_social_care');
  });
  afterAll(() => h?.close());

  describe('is written with every change, in the same transaction', () => {
    it('records each administrative write once, against the request that made it', async () => {
      const person = h.client();
      const steps: {
        action: string;
        run: () => Promise<{ status: number; headers: Headers; json?: { [k: string]: { id?: string } } }>;
      }[] = [];
      let teamId = '';
      let userId = '';
      let temporary = '';
      steps.push({
        action: 'agency.created',
        run: () => admin.post('/api/agencies', { name: 'Audited Agency', type: 'other' }),
      });
      steps.push({
        action: 'agency.updated',
        run: () => admin.patch(`/api/agencies/${agencyId}`, { name: 'Audited Children’s Services' }),
      });
      steps.push({
        action: 'team.created',
        run: async () => {
          const res = await admin.post('/api/teams', { agencyId, name: 'Audited Team' });
          teamId = res.json.team.id;
          return res;
        },
      });
      steps.push({
        action: 'team.updated',
        run: () => admin.patch(`/api/teams/${teamId}`, { name: 'Audited Team Renamed' }),
      });
      steps.push({
        action: 'user.created',
        run: async () => {
          const res = await admin.post('/api/users', {
            name: 'Audited Person',
            email: 'audited.person@test.example',
            agencyId,
            roles: ['referrer'],
          });
          userId = res.json.user.id;
          temporary = res.json.temporaryPassword;
          return res;
        },
      });
      steps.push({
        action: 'user.updated',
        run: () => admin.patch(`/api/users/${userId}`, { teamIds: [teamId] }),
      });
      steps.push({
        action: 'session.sign_in',
        run: () => person.signIn('audited.person@test.example', temporary),
      });
      steps.push({
        action: 'user.password_set',
        run: () =>
          person.post('/api/me/password', {
            currentPassword: temporary,
            newPassword: 'willow cobalt harbour',
          }),
      });
      steps.push({ action: 'session.sign_out', run: () => person.delete('/api/session') });
      steps.push({ action: 'user.disabled', run: () => admin.post(`/api/users/${userId}/disable`) });
      steps.push({ action: 'user.enabled', run: () => admin.post(`/api/users/${userId}/enable`) });
      steps.push({ action: 'mfa.reset', run: () => admin.post(`/api/users/${userId}/reset-mfa`) });

      for (const step of steps) {
        const res = await step.run();
        expect(res.status, step.action).toBeLessThan(300);
        const requestId = res.headers.get('x-request-id') ?? '';
        const entries = await auditEntries(h.db, { requestId });
        expect(
          entries.map((e) => e.action),
          step.action,
        ).toEqual([step.action]);
        expect(entries[0]?.outcome).toBe('success');
      }
    });

    it('keeps neither the change nor an entry when a request fails half-way', async () => {
      const user = await h.user(['practitioner'], 'childrens_social_care');
      const otherAgencyTeam = await h.team(await h.agency('police'), 'Half-way Team');
      const before = await structure(h.db);
      const entriesBefore = await countRows(h.db, 'audit_log');
      // The name is written first; the teams check then fails, and the whole transaction must go.
      const res = await admin.patch(`/api/users/${user.id}`, {
        name: 'Half Renamed',
        teamIds: [otherAgencyTeam],
      });
      expect(res.status).toBe(400);
      expect(await structure(h.db)).toEqual(before);
      expect(await countRows(h.db, 'audit_log')).toBe(entriesBefore);
      expect(await auditEntries(h.db, { requestId: res.headers.get('x-request-id') ?? '' })).toEqual([]);
    });

    it('keeps one team and one entry when the same team is created twice at once', async () => {
      const entriesBefore = await countRows(h.db, 'audit_log');
      let request: ReturnType<Client['post']> | undefined;
      // Another writer creates the team and has not committed yet when the request checks for a duplicate,
      // so the check passes and only the database's unique index can refuse the request's insert.
      await h.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('teams')
          .values({ agency_id: agencyId, name: 'Raced Team' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, SYSTEM_ACTOR, { action: 'team.created', recordType: 'team', recordId: id });
        request = admin.post('/api/teams', { agencyId, name: 'raced team' });
        await sleep(500);
      });
      const res = await (request as ReturnType<Client['post']>);
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('conflict');
      expect(res.json.error.fields).toEqual([{ path: 'name', message: expect.any(String) }]);

      const teams = await h.db
        .selectFrom('teams')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('name', 'ilike', 'raced team')
        .execute();
      expect(teams).toHaveLength(1);
      expect(await auditEntries(h.db, { requestId: res.headers.get('x-request-id') ?? '' })).toEqual([]);
      expect(await countRows(h.db, 'audit_log')).toBe(entriesBefore + 1);
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });

    it('chains entries written at the same moment by concurrent requests without a gap or a fork', async () => {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          admin.post('/api/agencies', { name: `Concurrent Agency ${i}`, type: 'other' }),
        ),
      );
      const seqs = (await h.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) =>
        Number(r.seq),
      );
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      const result = await verifyAuditLog(h.db);
      expect(result.problem).toBeNull();
      expect(result.entries).toBe(seqs.length);
    });

    it('records failed sign-ins and denials even though their requests fail', async () => {
      const user = await h.user(['practitioner'], 'childrens_social_care');
      const failed = await h.client().signIn(user.email, 'a wrong password');
      expect(failed.status).toBe(401);
      expect(await auditEntries(h.db, { requestId: failed.headers.get('x-request-id') ?? '' })).toMatchObject(
        [{ action: 'session.sign_in_failed', outcome: 'failure', record_id: user.id }],
      );
    });
  });

  describe('cannot be changed through the database', () => {
    for (const [operation, statement] of [
      ['UPDATE', sql`UPDATE audit_log SET reason = 'rewritten' WHERE seq = 1`],
      ['DELETE', sql`DELETE FROM audit_log WHERE seq = 1`],
      ['TRUNCATE', sql`TRUNCATE audit_log`],
    ] as const) {
      it(`refuses ${operation}`, async () => {
        const before = await auditEntries(h.db);
        await expect(statement.execute(h.db)).rejects.toThrow(/append-only/);
        expect(await auditEntries(h.db)).toEqual(before);
      });
    }
  });

  describe('verification', () => {
    it('passes an intact log, reporting its length and head', async () => {
      const result = await verifyAuditLog(h.db);
      const entries = await auditEntries(h.db);
      expect(result.problem).toBeNull();
      expect(result.entries).toBe(entries.length);
      expect(result.headHash).toBe(entries.at(-1)?.hash);
    });

    it('detects an edited entry, naming it', async () => {
      const original = await entryAt(h.db, 5);
      await tamper(h.db, (trx) =>
        trx
          .updateTable('audit_log')
          .set({ reason: `${original.reason ?? ''} (edited)` })
          .where('seq', '=', 5)
          .execute(),
      );
      try {
        const { problem } = await verifyAuditLog(h.db);
        expect(problem).toEqual({ kind: 'tampered', seq: 5 });
        expect(describeProblem(problem as NonNullable<typeof problem>)).toMatch(/^entry 5 /);
      } finally {
        await tamper(h.db, (trx) =>
          trx.updateTable('audit_log').set({ reason: original.reason }).where('seq', '=', 5).execute(),
        );
      }
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });

    it('detects an entry whose details were edited', async () => {
      const row = (await auditEntries(h.db, { action: 'user.created' }))[0] as AuditRow;
      const seq = Number(row.seq);
      expect(row.details).toEqual({ roles: ['administrator'] });
      const setDetails = (details: unknown) =>
        tamper(h.db, (trx) =>
          sql`UPDATE audit_log SET details = ${JSON.stringify(details)}::jsonb WHERE seq = ${seq}`.execute(
            trx,
          ),
        );
      await setDetails({ roles: ['referrer'] });
      try {
        expect((await verifyAuditLog(h.db)).problem).toEqual({ kind: 'tampered', seq });
      } finally {
        await setDetails(row.details);
      }
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });

    it('detects a deleted entry as a gap, naming the missing one', async () => {
      const removed = await entryAt(h.db, 7);
      await tamper(h.db, (trx) => trx.deleteFrom('audit_log').where('seq', '=', 7).execute());
      try {
        const { problem } = await verifyAuditLog(h.db);
        expect(problem).toEqual({ kind: 'gap', seq: 8, expectedSeq: 7 });
        expect(describeProblem(problem as NonNullable<typeof problem>)).toMatch(/entry 7 is missing/);
      } finally {
        await tamper(h.db, (trx) => restore(trx, removed));
      }
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });

    it('detects entries swapped into a different order, even with their sequence numbers rewritten', async () => {
      const third = await entryAt(h.db, 3);
      const fourth = await entryAt(h.db, 4);
      const swap = async (a: AuditRow, b: AuditRow) =>
        tamper(h.db, async (trx) => {
          await trx.deleteFrom('audit_log').where('seq', 'in', [3, 4]).execute();
          await restore(trx, { ...a, seq: 3 });
          await restore(trx, { ...b, seq: 4 });
        });
      await swap(fourth, third);
      try {
        expect((await verifyAuditLog(h.db)).problem).toEqual({ kind: 'broken_link', seq: 3 });
      } finally {
        await swap(third, fourth);
      }
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });

    it('detects an entry relinked to another predecessor, even when its own hash was recomputed', async () => {
      const original = await entryAt(h.db, 6);
      const second = await entryAt(h.db, 2);
      const relinked = { ...contentOf(original), prevHash: second.hash };
      await tamper(h.db, (trx) =>
        trx
          .updateTable('audit_log')
          .set({ prev_hash: second.hash, hash: entryHash(relinked) })
          .where('seq', '=', 6)
          .execute(),
      );
      try {
        expect((await verifyAuditLog(h.db)).problem).toEqual({ kind: 'broken_link', seq: 6 });
      } finally {
        await tamper(h.db, (trx) =>
          trx
            .updateTable('audit_log')
            .set({ prev_hash: original.prev_hash, hash: original.hash })
            .where('seq', '=', 6)
            .execute(),
        );
      }
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });

    it('names the first broken entry when there are several', async () => {
      const fourth = await entryAt(h.db, 4);
      const ninth = await entryAt(h.db, 9);
      await tamper(h.db, (trx) =>
        trx.updateTable('audit_log').set({ reason: 'edited' }).where('seq', 'in', [4, 9]).execute(),
      );
      try {
        expect((await verifyAuditLog(h.db)).problem).toEqual({ kind: 'tampered', seq: 4 });
      } finally {
        await tamper(h.db, async (trx) => {
          await trx.updateTable('audit_log').set({ reason: fourth.reason }).where('seq', '=', 4).execute();
          await trx.updateTable('audit_log').set({ reason: ninth.reason }).where('seq', '=', 9).execute();
        });
      }
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });

    it('verifies entries written by sign-ins with a second factor', async () => {
      // Sign-in entries carry boolean details and a null agency: they must hash the same after storage.
      const client = h.client();
      await h.db.updateTable('users').set({ totp_last_step: null }).where('id', '=', adminUser.id).execute();
      const res = await client.signIn(adminUser.email, TEST_PASSWORD, nextCode(admin.totp as TOTP));
      expect(res.status).toBe(200);
      expect((await verifyAuditLog(h.db)).problem).toBeNull();
    });
  });
});
