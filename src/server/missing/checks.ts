/**
 * Rules the server adds to the domain's: what only the database or the clock on the wall can say.
 * Each refusal names the field, like the domain's, and is thrown before anything is written.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Viewer } from '../../domain/access/types.ts';
import { formatLondon } from '../../domain/missing/index.ts';
import { loadContext } from '../contexts/queries.ts';
import type { DB } from '../db/schema.ts';
import { AppError, type FieldError } from '../errors.ts';

/** Allowance for clocks on different computers disagreeing a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type Ref = [path: string, value: string | null | undefined];
export type When = [path: string, value: Date | null | undefined];

function refuse(fields: FieldError[]): never {
  throw new AppError('validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
}

/** The domain's refusals, as the API's error with each field named. */
export function fromZod(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || 'body',
    message: issue.message,
  }));
  return new AppError('validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
}

/** Nothing recorded here can have happened later than now. */
export function assertNotFuture(times: When[], now = new Date()): void {
  const fields = times.flatMap(([path, value]) =>
    value && value.getTime() > now.getTime() + CLOCK_SKEW_MS
      ? [
          {
            path,
            message: `${formatLondon(value)} is in the future: record times that have already happened`,
          },
        ]
      : [],
  );
  if (fields.length > 0) refuse(fields);
}

async function assertKnown(
  trx: Transaction<DB>,
  table: 'agencies' | 'users',
  refs: Ref[],
  what: string,
): Promise<void> {
  const given = refs.filter((r): r is [string, string] => typeof r[1] === 'string');
  if (given.length === 0) return;
  const found = await trx
    .selectFrom(table)
    .select('id')
    .where(
      'id',
      'in',
      given.map(([, id]) => id),
    )
    .execute();
  const known = new Set(found.map((r) => r.id));
  const fields = given.flatMap(([path, id]) =>
    known.has(id) ? [] : [{ path, message: `there is no ${what} with this id` }],
  );
  if (fields.length > 0) refuse(fields);
}

export const assertKnownAgencies = (trx: Transaction<DB>, refs: Ref[]) =>
  assertKnown(trx, 'agencies', refs, 'agency');
export const assertKnownUsers = (trx: Transaction<DB>, refs: Ref[]) =>
  assertKnown(trx, 'users', refs, 'user');

/** What a context id in a missing-episode record may name: a place, or a person of concern. */
export type ContextRef = [
  path: string,
  value: string | null | undefined,
  kind: 'place' | 'person_of_concern',
];

const KIND_WORDS = { place: 'place', person_of_concern: 'person of concern' } as const;

/**
 * Each context id names a live place or person of concern (as the field says) that the viewer may see,
 * read through the contexts capability's own visibility rule (`loadContext`). An unknown id and one the
 * viewer may not see get the same answer, so the refusal never reveals that a hidden record exists.
 * A record merged into another is refused with the id to use instead, when the viewer may see it.
 */
export async function assertVisibleContexts(
  trx: Transaction<DB>,
  viewer: Viewer,
  refs: ContextRef[],
): Promise<void> {
  const fields: FieldError[] = [];
  for (const [path, id, kind] of refs) {
    if (!id) continue;
    const what = KIND_WORDS[kind];
    const row = await loadContext(trx, viewer, id);
    if (!row) {
      fields.push({
        path,
        message: `there is no ${what} record with this id that you can see: choose one from the search, or describe the ${what === 'place' ? 'place' : 'person'} in words`,
      });
    } else if (row.merged_into) {
      fields.push({
        path,
        message: `this ${what} record was merged into ${row.merged_into}: use that record`,
      });
    } else if (row.kind !== kind) {
      const actual = KIND_WORDS[row.kind as keyof typeof KIND_WORDS] ?? row.kind.replaceAll('_', ' ');
      fields.push({ path, message: `this record is a ${actual}, not a ${what}` });
    }
  }
  if (fields.length > 0) refuse(fields);
}
