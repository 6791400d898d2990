/**
 * Rules the server adds to the domain's: what only the database or the clock on the wall can say.
 * Each refusal names the field, like the domain's, and is thrown before anything is written.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { formatLondon } from '../../domain/missing/index.ts';
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

/**
 * Places and persons of concern are not kept in Lantern yet (the contexts capability), so no id can name
 * one: an id given is refused rather than stored unchecked. When contexts arrive, this becomes a lookup.
 */
export function assertNoContextIds(refs: Ref[]): void {
  const fields = refs.flatMap(([path, id]) => {
    if (!id) return [];
    const what = /person/i.test(path) ? 'person' : 'place';
    return [
      {
        path,
        message:
          `there is no ${what} record with this id: places and persons of concern are not kept in Lantern yet; ` +
          `describe the ${what} in words, or record a new ${what} of concern`,
      },
    ];
  });
  if (fields.length > 0) refuse(fields);
}
