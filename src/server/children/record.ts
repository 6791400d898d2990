/** Use cases on the child's record itself: create (with the duplicate check), read, change, search. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import { CHILD_FIELD_LABELS, estimatedDateOfBirth } from '../../domain/children/record.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AuditActor } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { AuditedRefusal, assertNotMerged, childVisibleTo, openChild, transact } from './access.ts';
import { proposeMatches, toMatchInput } from './matching.ts';
import { presentChild, presentSummary } from './presenter.ts';
import { loadPerson, loadRecordParts, maybeDateText } from './record-queries.ts';
import type { CreateChildInput, UpdateChildInput } from './schemas.ts';
import { todayLocal } from './store.ts';

export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor;
  viewer: Viewer;
}

export function assertNotFuture(path: string, date: string | null | undefined) {
  if (date && date > todayLocal()) throw invalid(path, 'must not be in the future');
}

export async function createChild(ctx: Ctx, input: CreateChildInput): Promise<string> {
  return transact(ctx.db, ctx.actor, (trx) => createChildIn(trx, ctx, input));
}

/** Creates a child's record inside the caller's transaction. */
export async function createChildIn(
  trx: Transaction<DB>,
  { actor, viewer }: Ctx,
  input: CreateChildInput,
): Promise<string> {
  assertNotFuture('dateOfBirth', input.dateOfBirth);
  assertNotFuture('address.fromDate', input.address?.fromDate);
  if (input.dateOfBirth && input.estimatedAge != null) {
    throw invalid('estimatedAge', 'give either a date of birth or an estimated age, not both');
  }
  {
    // One child, one record: likely matches must have been looked at before a new record is made.
    const matches = await proposeMatches(
      trx,
      viewer,
      toMatchInput({ ...input, postcode: input.address?.postcode ?? null }),
    );
    const unchecked = matches.filter(
      (m) => m.strength === 'likely' && !(input.notAMatchOf ?? []).includes(m.child.id),
    );
    if (unchecked.length > 0) {
      // The refusal names the matches, so it is audited as a read of them (after the rollback).
      throw new AuditedRefusal(
        new AppError(
          'conflict',
          `notAMatchOf: ${unchecked.length} existing record(s) look like this child; check them (POST /api/children/matches) and either use one or list their ids in notAMatchOf`,
          [
            {
              path: 'notAMatchOf',
              message: `likely matches not yet checked: ${unchecked.map((m) => m.child.id).join(', ')}`,
            },
          ],
        ),
        {
          action: 'child.matches_viewed',
          details: { childIds: unchecked.map((m) => m.child.id), context: 'create' },
        },
      );
    }
    const estimated = !input.dateOfBirth && input.estimatedAge != null;
    const { id } = await trx
      .insertInto('people')
      .values({
        given_name: input.givenName,
        family_name: input.familyName,
        known_as: input.knownAs ?? [],
        date_of_birth:
          input.dateOfBirth ??
          (estimated ? estimatedDateOfBirth(input.estimatedAge as number, todayLocal()) : null),
        date_of_birth_estimated: estimated,
        sex: input.sex ?? 'not_known',
        gender_identity: input.genderIdentity ?? null,
        sexual_orientation: input.sexualOrientation ?? null,
        ethnicity: input.ethnicity ?? null,
        religion: input.religion ?? null,
        first_language: input.firstLanguage ?? null,
        interpreter_needed: input.interpreterNeeded ?? false,
        disability: input.disability ?? null,
        send: input.send ?? null,
        school: input.school ?? null,
        care_status: input.careStatus ?? 'not_looked_after',
        strengths: input.strengths ?? null,
        interests: input.interests ?? null,
        created_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('person_roles')
      .values({ person_id: id, role: 'child', note: null, added_by: viewer.userId })
      .execute();
    if (input.address) {
      await trx
        .insertInto('person_addresses')
        .values({
          person_id: id,
          line1: input.address.line1,
          town: input.address.town ?? null,
          postcode: input.address.postcode ?? null,
          from_date: input.address.fromDate ?? null,
          to_date: input.address.toDate ?? null,
          recorded_by: viewer.userId,
        })
        .execute();
    }
    await appendAudit(trx, actor, {
      action: 'child.created',
      recordType: 'child',
      recordId: id,
      childId: id,
      fields: Object.keys(input).filter((k) => k !== 'notAMatchOf'),
      details: { notAMatchOf: input.notAMatchOf ?? [] },
    });
    return id;
  }
}

/** Holding agency of a case: the agency that asked for closure, else the lead worker's agency. */
export async function holdingAgency(
  db: Kysely<DB> | Transaction<DB>,
  childId: string,
): Promise<string | null> {
  const row = await sql<{ agency_id: string | null }>`
    SELECT COALESCE(
      (SELECT holding_agency_id FROM case_closures WHERE child_id = ${childId} AND status = 'requested' LIMIT 1),
      (SELECT agency_id FROM child_professionals WHERE child_id = ${childId} AND kind = 'lead_worker' AND ended_at IS NULL ORDER BY started_at LIMIT 1)
    ) AS agency_id`.execute(db);
  return row.rows[0]?.agency_id ?? null;
}

export async function readChild({ db, actor, viewer }: Ctx, childId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const person = await loadPerson(trx, childId);
    if (!person) throw notFound('child');
    const parts = await loadRecordParts(trx, childId, access.labels);
    const view = presentChild(viewer, access, person, parts, await holdingAgency(trx, childId));
    await appendAudit(trx, actor, {
      action: 'child.read',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: Object.keys(view).filter((k) => k !== 'permissions'),
    });
    return view;
  });
}

const COLUMN_OF = {
  givenName: 'given_name',
  familyName: 'family_name',
  knownAs: 'known_as',
  dateOfBirth: 'date_of_birth',
  dateOfBirthEstimated: 'date_of_birth_estimated',
  sex: 'sex',
  school: 'school',
  genderIdentity: 'gender_identity',
  sexualOrientation: 'sexual_orientation',
  ethnicity: 'ethnicity',
  religion: 'religion',
  firstLanguage: 'first_language',
  interpreterNeeded: 'interpreter_needed',
  disability: 'disability',
  send: 'send',
  careStatus: 'care_status',
  strengths: 'strengths',
  interests: 'interests',
} as const satisfies Record<Exclude<keyof UpdateChildInput, 'estimatedAge'>, string>;

export async function updateChild({ db, actor, viewer }: Ctx, childId: string, input: UpdateChildInput) {
  assertNotFuture('dateOfBirth', input.dateOfBirth);
  const { estimatedAge, ...fields } = input;
  if (estimatedAge != null && (fields.dateOfBirth !== undefined || fields.dateOfBirthEstimated !== undefined))
    throw invalid('estimatedAge', 'give either a date of birth or an estimated age, not both');
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) changes[COLUMN_OF[key as keyof typeof COLUMN_OF]] = value;
  }
  if (estimatedAge != null) {
    changes.date_of_birth = estimatedDateOfBirth(estimatedAge, todayLocal());
    changes.date_of_birth_estimated = true;
  }
  if (Object.keys(changes).length === 0)
    throw new AppError('validation_failed', 'body: give at least one field to change', [
      { path: 'body', message: 'give at least one field to change' },
    ]);
  await transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId, 'child.update');
    assertNotMerged(access);
    // A field the viewer may not see (it is absent from their view of the record) is not theirs to change.
    const hidden = Object.entries(CHILD_FIELD_LABELS)
      .filter(([field, label]) => field in fields && !access.labels.includes(label))
      .map(([field]) => field);
    if (hidden.length > 0) {
      throw new AppError(
        'forbidden',
        `${hidden[0]}: you may not change a detail you may not see`,
        hidden.map((path) => ({ path, message: 'you may not change a detail you may not see' })),
      );
    }
    await trx
      .updateTable('people')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', childId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'child.updated',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: Object.keys(input),
    });
  });
}

export async function searchChildren({ db, actor, viewer }: Ctx, q: string) {
  return transact(db, actor, async (trx) => {
    const term = q.toLowerCase();
    const rows = await trx
      .selectFrom('people as p')
      .select([
        'p.id',
        'p.given_name',
        'p.family_name',
        'p.known_as',
        'p.date_of_birth_estimated',
        'p.school',
        'p.case_status',
      ])
      .select(maybeDateText('p.date_of_birth').as('dob'))
      .where('p.merged_into', 'is', null)
      .where(
        sql<boolean>`EXISTS (SELECT 1 FROM person_roles pr WHERE pr.person_id = p.id AND pr.role = 'child')`,
      )
      .where(childVisibleTo(viewer, 'p.id'))
      .where(
        sql<boolean>`(similarity(lower(p.given_name || ' ' || p.family_name), ${term}) > 0.25
          OR lower(p.given_name || ' ' || p.family_name) LIKE ${`%${term.replace(/[%_\\]/g, '\\$&')}%`}
          OR EXISTS (SELECT 1 FROM unnest(p.known_as) k WHERE similarity(lower(k), ${term}) > 0.3 OR lower(k) = ${term}))`,
      )
      .orderBy(sql`similarity(lower(p.given_name || ' ' || p.family_name), ${term})`, 'desc')
      .limit(25)
      .execute();
    const children = rows.map(presentSummary);
    if (children.length > 0) {
      await appendAudit(trx, actor, {
        action: 'child.searched',
        details: { childIds: children.map((c) => c.id) },
      });
    }
    return children;
  });
}
