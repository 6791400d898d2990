/** Queries that load the parts of a child's record, each filtered to the labels the viewer may see. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SensitivityLabel } from '../../domain/access/types.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const dateText = (column: string) => sql<string>`${sql.ref(column)}::text`;
export const maybeDateText = (column: string) => sql<string | null>`${sql.ref(column)}::text`;

export async function loadPerson(db: Db, id: string) {
  return db
    .selectFrom('people')
    .selectAll()
    .select(maybeDateText('people.date_of_birth').as('dob'))
    .where('id', '=', id)
    .executeTakeFirst();
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof loadPerson>>>;

export async function loadRecordParts(db: Db, childId: string, labels: readonly SensitivityLabel[]) {
  const [roles, addresses, statuses, professionals, flags, observations, closure, merges] = await Promise.all(
    [
      db.selectFrom('person_roles').selectAll().where('person_id', '=', childId).execute(),
      db
        .selectFrom('person_addresses')
        .select(['id', 'line1', 'town', 'postcode', 'recorded_at'])
        .select([maybeDateText('from_date').as('from_date'), maybeDateText('to_date').as('to_date')])
        .where('person_id', '=', childId)
        .orderBy('from_date', 'desc')
        .orderBy('recorded_at', 'desc')
        .execute(),
      db
        .selectFrom('statutory_statuses')
        .select(['id', 'status', 'reason', 'referral_id', 'recorded_at'])
        .select([dateText('started_on').as('started_on'), maybeDateText('ended_on').as('ended_on')])
        .where('child_id', '=', childId)
        .orderBy('started_on', 'desc')
        .orderBy('recorded_at', 'desc')
        .execute(),
      loadProfessionals(db, childId),
      loadFlags(db, childId, labels),
      loadObservations(db, childId, labels),
      db
        .selectFrom('case_closures')
        .innerJoin('users', 'users.id', 'case_closures.requested_by')
        .select([
          'case_closures.id',
          'reason',
          'detail',
          'requested_at',
          'users.id as user_id',
          'users.name as user_name',
        ])
        .where('child_id', '=', childId)
        .where('status', '=', 'requested')
        .executeTakeFirst(),
      db
        .selectFrom('child_merges')
        .innerJoin('people', 'people.id', 'child_merges.merged_id')
        .select(['child_merges.id', 'merged_id', 'merged_at', 'people.given_name', 'people.family_name'])
        .where('kept_id', '=', childId)
        .where('undone_at', 'is', null)
        .execute(),
    ],
  );
  return { roles, addresses, statuses, professionals, flags, observations, closure, merges };
}

export async function loadProfessionals(db: Db, childId: string) {
  return db
    .selectFrom('child_professionals')
    .innerJoin('users', 'users.id', 'child_professionals.user_id')
    .innerJoin('agencies', 'agencies.id', 'child_professionals.agency_id')
    .select([
      'child_professionals.id',
      'child_professionals.kind',
      'child_professionals.role_title',
      'child_professionals.started_at',
      'users.id as user_id',
      'users.name as user_name',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
    ])
    .where('child_professionals.child_id', '=', childId)
    .where('child_professionals.ended_at', 'is', null)
    .orderBy('child_professionals.started_at')
    .execute();
}

export async function loadFlags(db: Db, childId: string, labels: readonly SensitivityLabel[]) {
  if (labels.length === 0) return [];
  const flags = await db
    .selectFrom('exploitation_flags as f')
    .innerJoin('users as setter', 'setter.id', 'f.set_by')
    .innerJoin('agencies as a', 'a.id', 'f.set_agency_id')
    .innerJoin('users as decider', 'decider.id', 'f.harm_decided_by')
    .selectAll('f')
    .select(['setter.name as setter_name', 'a.name as agency_name', 'decider.name as decider_name'])
    .where('f.child_id', '=', childId)
    .where('f.sensitivity', 'in', [...labels])
    .orderBy('f.set_at', 'desc')
    .execute();
  const history =
    flags.length === 0
      ? []
      : await db
          .selectFrom('harm_status_history as h')
          .innerJoin('users', 'users.id', 'h.decided_by')
          .select([
            'h.flag_id',
            'h.harm_status',
            'h.rationale',
            'h.decided_at',
            'users.id as user_id',
            'users.name as user_name',
          ])
          .where(
            'h.flag_id',
            'in',
            flags.map((f) => f.id),
          )
          .orderBy('h.decided_at')
          .execute();
  return flags.map((f) => ({ ...f, history: history.filter((h) => h.flag_id === f.id) }));
}

export async function loadObservations(db: Db, childId: string, labels: readonly SensitivityLabel[]) {
  if (labels.length === 0) return [];
  return db
    .selectFrom('observations as o')
    .innerJoin('users', 'users.id', 'o.recorded_by')
    .innerJoin('agencies', 'agencies.id', 'o.recorded_agency_id')
    .selectAll('o')
    .select([
      dateText('o.observed_on').as('observed_on_text'),
      'users.name as user_name',
      'agencies.name as agency_name',
    ])
    .where('o.child_id', '=', childId)
    .where('o.sensitivity', 'in', [...labels])
    .orderBy('o.observed_on', 'desc')
    .execute();
}
