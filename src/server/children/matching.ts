/**
 * Likely existing records for a described child: candidates from the database (trigram similarity of
 * names and known-as names, date of birth, postcode), scored by the pure rules in the domain.
 * Only records the viewer may read are ever proposed, and proposals that reveal a child are audited.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import { type MatchInput, normalisePostcode, rankMatches } from '../../domain/children/matching.ts';
import { estimatedDateOfBirth } from '../../domain/children/record.ts';
import type { DB } from '../db/schema.ts';
import { childVisibleTo } from './access.ts';
import { presentSummary } from './presenter.ts';
import type { ChildSummaryView } from './schemas.ts';
import { todayLocal } from './store.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface MatchRequest {
  givenName: string;
  familyName: string;
  knownAs?: string[] | undefined;
  dateOfBirth?: string | null | undefined;
  estimatedAge?: number | null | undefined;
  sex?: string | undefined;
  school?: string | null | undefined;
  postcode?: string | null | undefined;
}

export function toMatchInput(r: MatchRequest): MatchInput {
  const estimated = !r.dateOfBirth && r.estimatedAge != null;
  return {
    givenName: r.givenName,
    familyName: r.familyName,
    knownAs: r.knownAs ?? [],
    dateOfBirth:
      r.dateOfBirth ?? (estimated ? estimatedDateOfBirth(r.estimatedAge as number, todayLocal()) : null),
    dateOfBirthEstimated: estimated,
    sex: r.sex ?? null,
    postcodes: r.postcode ? [r.postcode] : [],
    school: r.school ?? null,
  };
}

/** The candidate query: deliberately generous; the scoring decides what is shown. */
export async function findCandidates(db: Db, viewer: Viewer, input: MatchInput, excludeId?: string) {
  const names = [
    `${input.givenName} ${input.familyName}`,
    ...(input.knownAs ?? []).flatMap((k) => [k, `${k} ${input.familyName}`]),
  ].map((n) => n.toLowerCase());
  const postcodes = (input.postcodes ?? []).map(normalisePostcode).filter(Boolean);
  const result = await sql<{
    id: string;
    given_name: string;
    family_name: string;
    known_as: string[];
    dob: string | null;
    date_of_birth_estimated: boolean;
    sex: string;
    school: string | null;
    case_status: string;
    postcodes: string[];
  }>`
    SELECT p.id, p.given_name, p.family_name, p.known_as, p.date_of_birth::text AS dob, p.date_of_birth_estimated,
           p.sex, p.school, p.case_status,
           ARRAY(SELECT a.postcode FROM person_addresses a WHERE a.person_id = p.id AND a.postcode IS NOT NULL) AS postcodes
    FROM people p
    WHERE p.merged_into IS NULL
      AND EXISTS (SELECT 1 FROM person_roles pr WHERE pr.person_id = p.id AND pr.role = 'child')
      AND ${childVisibleTo(viewer, 'p.id')}
      AND (${excludeId ?? null}::uuid IS NULL OR p.id <> ${excludeId ?? null}::uuid)
      AND (
        EXISTS (
          SELECT 1 FROM unnest(${names}::text[]) AS n(name)
          WHERE similarity(lower(p.given_name || ' ' || p.family_name), n.name) > 0.3
             OR EXISTS (SELECT 1 FROM unnest(p.known_as) AS k(alias)
                        WHERE similarity(lower(k.alias), n.name) > 0.3
                           OR similarity(lower(k.alias || ' ' || p.family_name), n.name) > 0.3)
        )
        OR (${input.dateOfBirth ?? null}::date IS NOT NULL AND p.date_of_birth = ${input.dateOfBirth ?? null}::date)
        OR EXISTS (
          SELECT 1 FROM person_addresses a
          WHERE a.person_id = p.id AND upper(replace(a.postcode, ' ', '')) = ANY (${postcodes}::text[])
        )
      )
    LIMIT 100
  `.execute(db);
  return result.rows;
}

export interface ProposedMatch {
  child: ChildSummaryView;
  score: number;
  strength: 'likely' | 'possible';
  reasons: string[];
}

export async function proposeMatches(
  db: Db,
  viewer: Viewer,
  input: MatchInput,
  excludeId?: string,
): Promise<ProposedMatch[]> {
  const rows = await findCandidates(db, viewer, input, excludeId);
  const ranked = rankMatches(
    input,
    rows.map((r) => ({
      id: r.id,
      givenName: r.given_name,
      familyName: r.family_name,
      knownAs: r.known_as,
      dateOfBirth: r.dob,
      dateOfBirthEstimated: r.date_of_birth_estimated,
      sex: r.sex,
      school: r.school,
      postcodes: r.postcodes,
    })),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.slice(0, 10).map((m) => {
    const r = byId.get(m.id);
    if (!r) throw new Error('ranked match without its row');
    return { child: presentSummary(r), score: m.score, strength: m.strength, reasons: m.reasons };
  });
}
