/**
 * The facts an eligibility check needs, from what Lantern already holds — the subject's age from the
 * person of concern's record, each named child's age and whether they are looked after, the kind of
 * place or business — and from what the person recording says (convictions, judgements, steps taken).
 * What is not known is left out, never assumed: the domain then says what to record.
 */
import { sql } from 'kysely';
import type { ContextRecord } from '../../domain/contexts/index.ts';
import { personAge } from '../../domain/contexts/index.ts';
import type { Applicant, ChildFacts, EligibilityFacts, TargetKind } from '../../domain/disruption/index.ts';
import type { Db } from '../contexts/queries.ts';
import type { FactsInput } from './schemas.ts';

/** The disruption target kind for a context kind; null for a kind no measure is taken against. */
export function targetKindOf(contextKind: string): Exclude<TargetKind, 'none'> | null {
  switch (contextKind) {
    case 'person_of_concern':
      return 'person';
    case 'place':
    case 'business':
    case 'vehicle':
    case 'online_space':
      return contextKind;
    default:
      return null;
  }
}

function targetFacts(record: ContextRecord | null, facts: FactsInput): EligibilityFacts['target'] {
  if (!record) return undefined;
  const kind = targetKindOf(record.kind);
  if (!kind) return undefined;
  return {
    kind,
    ...(record.kind === 'place' ? { placeKind: record.placeKind } : {}),
    ...(record.kind === 'business'
      ? { overnightAccommodation: record.sector === 'hotel_or_guest_house' }
      : {}),
    ...(facts.targetLicensed !== undefined ? { licensed: facts.targetLicensed } : {}),
  };
}

function subjectFacts(
  record: ContextRecord | null,
  facts: FactsInput,
  today: string,
): EligibilityFacts['subject'] {
  if (record?.kind !== 'person_of_concern') return undefined;
  const age = personAge(record, today);
  return {
    ...(record.dateOfBirth ? { dateOfBirth: record.dateOfBirth } : age !== null ? { ageYears: age } : {}),
    ...(facts.subject ?? {}),
  };
}

/** Each named child's age and care status from their record; trafficking concern as recorded. */
async function childFacts(db: Db, childIds: readonly string[], facts: FactsInput): Promise<ChildFacts[]> {
  if (childIds.length === 0) return [];
  const { rows } = await sql<{ id: string; dob: string | null; estimated: boolean; care_status: string }>`
    SELECT p.id, p.date_of_birth::text AS dob, p.date_of_birth_estimated AS estimated, p.care_status
    FROM people p WHERE p.id = ANY(${[...childIds]}::uuid[])`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return childIds.map((id) => {
    const row = byId.get(id);
    const given = facts.children?.find((c) => c.id === id);
    return {
      id,
      // An estimated date of birth is still the best age there is; the record shows it is estimated.
      ...(row?.dob ? { dateOfBirth: row.dob } : {}),
      ...(row && row.care_status !== 'not_known' ? { lookedAfter: row.care_status === 'looked_after' } : {}),
      ...(given?.traffickingConcern !== undefined ? { traffickingConcern: given.traffickingConcern } : {}),
    };
  });
}

export async function eligibilityFacts(
  db: Db,
  input: {
    applicant: Applicant;
    target: ContextRecord | null;
    childIds: readonly string[];
    facts: FactsInput;
  },
  today: string,
): Promise<EligibilityFacts> {
  const { facts } = input;
  const target = targetFacts(input.target, facts);
  const subject = subjectFacts(input.target, facts, today);
  return {
    on: today,
    applicant: input.applicant,
    ...(target ? { target } : { target: { kind: 'none' } }),
    ...(subject ? { subject } : {}),
    children: await childFacts(db, input.childIds, facts),
    ...(facts.judgements ? { judgements: facts.judgements } : {}),
    ...(facts.proceedings ? { proceedings: facts.proceedings } : {}),
    ...(facts.exclusionAreaDefined !== undefined ? { exclusionAreaDefined: facts.exclusionAreaDefined } : {}),
    ...(facts.issuerPoliceRank ? { issuerPoliceRank: facts.issuerPoliceRank } : {}),
    ...(facts.steps ? { steps: facts.steps } : {}),
  };
}
