/**
 * Matching across agencies: when a person, place, phone number, handle or vehicle is entered, the
 * records that are probably the same. The database finds candidates (`findMatchCandidates`: the same
 * phone, handle, plate or postcode through an exact index; similar names, aliases, streets and plates
 * through the trigram index), only among records the viewer may see; the domain's `matchCandidates`
 * scores them and gives the reasons. It only ever proposes: merging is a separate, confirmed act.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import {
  type ContextRecord,
  type MatchCandidate,
  type MatchResult,
  matchCandidates,
  ONLINE_PLATFORM_NAMES,
  type OnlinePlatform,
  trigramSimilarity,
} from '../../domain/contexts/index.ts';
import type { DB } from '../db/schema.ts';
import type { Db } from './queries.ts';
import { identifiersOf, matchSubjectOf } from './store.ts';
import { contextVisible } from './visibility.ts';

/** How many candidates the database hands to the scorer, at most. */
const CANDIDATE_LIMIT = 50;

/**
 * The least trigram similarity for a candidate (pg_trgm's `%`). Lower finds more and takes longer; at
 * 0.4 the database proposes every pair the domain would find on the evaluation set
 * (test/contexts/matching.test.ts), and reads far fewer index entries than at the default 0.3.
 */
export const SIMILARITY_THRESHOLD = 0.4;

/** Runs the work with pg_trgm's threshold set for this transaction only, then puts it back. */
async function withSimilarityThreshold<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const run = async (trx: Transaction<DB>) => {
    const { rows } = await sql<{ before: string | null }>`
      SELECT current_setting('pg_trgm.similarity_threshold', true) AS before,
             set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`.execute(trx);
    const result = await work(trx);
    await sql`SELECT set_config('pg_trgm.similarity_threshold', ${rows[0]?.before ?? '0.3'}, true)`.execute(
      trx,
    );
    return result;
  };
  return db.isTransaction ? run(db as Transaction<DB>) : (db as Kysely<DB>).transaction().execute(run);
}

export interface CandidateRow {
  id: string;
  kind: string;
  display_name: string;
  details: ContextRecord;
}

/**
 * The candidate query: records of the same kind sharing an exact identifier, or with a similar name,
 * alias, street or registration (pg_trgm `%`: similarity of at least SIMILARITY_THRESHOLD; `<%`: the entered name is
 * much like a word or words of the stored one), visible to the viewer, live, and not the record itself. Deliberately generous: the
 * scoring decides what is shown. The values are joined from an array rather than written as constants:
 * with constants the planner misjudges the cost of the similarity operators and scans the whole table,
 * while the join makes it use the trigram index for each value.
 */
export async function findMatchCandidates(
  outer: Db,
  viewer: Viewer,
  record: ContextRecord,
  excludeId: string | null = null,
): Promise<CandidateRow[]> {
  const identifiers = identifiersOf(record);
  const exact = identifiers.filter((i) => ['phone', 'handle', 'registration', 'postcode'].includes(i.kind));
  const fuzzy = identifiers.filter((i) => ['name', 'alias', 'street', 'registration'].includes(i.kind));
  // A person is not "probably the same" as another because they share a postcode; a place is.
  const exactValues = exact
    .filter((i) => i.kind !== 'postcode' || record.kind !== 'person_of_concern')
    .map((i) => i.value);
  const fuzzyValues = fuzzy.map((i) => i.value);
  if (exactValues.length === 0 && fuzzyValues.length === 0) return [];
  return withSimilarityThreshold(outer, async (db) => {
    const { rows } = await sql<CandidateRow>`
    WITH hit AS MATERIALIZED (
      SELECT i.context_id, 1::real AS closeness FROM context_identifiers i
      WHERE i.value = ANY(${exactValues}::text[]) AND i.kind IN ('phone', 'handle', 'registration', 'postcode')
      UNION ALL
      SELECT i.context_id, greatest(similarity(i.value, q.value), word_similarity(q.value, i.value))
      FROM context_identifiers i
      JOIN unnest(${fuzzyValues}::text[]) AS q(value) ON i.value % q.value OR q.value <% i.value
      WHERE i.kind IN ('name', 'alias', 'street', 'registration')
    ),
    best AS (SELECT context_id, max(closeness) AS closeness FROM hit GROUP BY context_id)
    SELECT c.id, c.kind, c.display_name, c.details
    FROM best JOIN contexts c ON c.id = best.context_id
    WHERE c.kind = ${record.kind}
      AND (${excludeId}::uuid IS NULL OR c.id <> ${excludeId}::uuid)
      AND ${contextVisible(viewer, 'c')}
    ORDER BY best.closeness DESC, c.id
    LIMIT ${CANDIDATE_LIMIT}`.execute(db);
    return rows;
  });
}

export interface ContextMatch extends MatchResult {
  name: string;
  contextKind: string;
}

/**
 * For the kinds the domain does not score (peer groups, online spaces, businesses): the same handle is
 * likely the same account; a very similar name is possibly the same group or firm.
 */
function simpleMatches(record: ContextRecord, candidates: CandidateRow[]): MatchResult[] {
  const mine = identifiersOf(record);
  const out: MatchResult[] = [];
  for (const c of candidates) {
    const theirs = identifiersOf(c.details);
    const reasons: string[] = [];
    let score = 0;
    for (const h of mine.filter((i) => i.kind === 'handle')) {
      if (theirs.some((t) => t.kind === 'handle' && t.value === h.value)) {
        const [platform, handle] = h.value.split(':') as [OnlinePlatform, string];
        reasons.push(`same ${ONLINE_PLATFORM_NAMES[platform] ?? platform} handle (${handle})`);
        score += 70;
      }
    }
    const name = mine.find((i) => i.kind === 'name')?.value;
    const other = theirs.find((i) => i.kind === 'name')?.value;
    if (name && other) {
      const similarity = trigramSimilarity(name, other);
      if (similarity >= 0.9) {
        reasons.push(name === other ? `same name ('${other}')` : `very similar name ('${other}')`);
        score += 45;
      }
    }
    if (score >= 40)
      out.push({ id: c.id, kind: 'person', score, strength: score >= 65 ? 'likely' : 'possible', reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Scores the candidates with the domain's rules; best first, with reasons. */
export function scoreCandidates(record: ContextRecord, candidates: CandidateRow[]): ContextMatch[] {
  const subject = matchSubjectOf(record);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const results = subject
    ? matchCandidates(
        subject,
        candidates.flatMap((c): MatchCandidate[] => {
          const s = matchSubjectOf(c.details);
          return s ? [{ ...s, id: c.id }] : [];
        }),
      )
    : simpleMatches(record, candidates);
  return results.map((r) => ({
    ...r,
    name: byId.get(r.id)?.display_name ?? '',
    contextKind: byId.get(r.id)?.kind ?? record.kind,
  }));
}

/** The named matching function: candidates from SQL, scored by the domain. */
export async function findContextMatches(
  db: Db,
  viewer: Viewer,
  record: ContextRecord,
  excludeId: string | null = null,
): Promise<ContextMatch[]> {
  return scoreCandidates(record, await findMatchCandidates(db, viewer, record, excludeId));
}
