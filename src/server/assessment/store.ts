/** Queries for assessments and their sign-offs, in one place. */
import type { Kysely, Transaction } from 'kysely';
import type { Assessment } from '../../domain/assessment/index.ts';
import type { DB } from '../db/schema.ts';
import { latestWordings } from '../language/wording-versions.ts';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();

function baseQuery(db: Db) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('users as cu', 'cu.id', 'a.created_by')
    .innerJoin('assessment_instruments as i', (join) =>
      join.onRef('i.instrument_id', '=', 'a.instrument_id').onRef('i.version', '=', 'a.instrument_version'),
    )
    .leftJoin('users as du', 'du.id', 'a.completed_by')
    .leftJoin('agencies as dag', 'dag.id', 'a.completed_agency_id')
    .select([
      'a.id',
      'a.child_id',
      'a.instrument_id',
      'a.instrument_version',
      'a.status',
      'a.content',
      'a.item_labels',
      'a.level',
      'a.harm_status',
      'a.sign_off_required',
      'a.copied_from',
      'a.created_by',
      'a.created_agency_id',
      'a.created_at',
      'a.updated_at',
      'a.completed_at',
      'a.completed_by',
      'a.completed_agency_id',
      'cu.name as created_by_name',
      'du.name as completed_by_name',
      'dag.name as completed_agency_name',
      'i.title as instrument_title',
    ]);
}

export type AssessmentRow = Awaited<ReturnType<typeof loadAssessmentRows>>[number];

/** The wording of a completed assessment that a challenge may amend, by field: 'judgement.rationale', 'harm.description'. */
export const AMENDABLE_ASSESSMENT_FIELDS = ['judgement.rationale', 'harm.description'] as const;

/** The text at a field of a completed assessment's content, if it has one. */
export function assessmentText(content: unknown, field: string): string | null {
  const [section, key] = field.split('.') as [string, string];
  const part = (content as Record<string, unknown> | null)?.[section];
  const value = part && typeof part === 'object' ? (part as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * A child's assessments, oldest first; optionally only some of them. A completed assessment is never
 * rewritten: where a challenge to its wording was accepted, the content carries the latest wording, so
 * every view, comparison and export uses the amended text (the original stays in `wording_versions`).
 */
export async function loadAssessmentRows(db: Db, childId: string, ids?: readonly string[]) {
  let q = baseQuery(db).where('a.child_id', '=', childId);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('a.id', 'in', [...ids]);
  }
  const rows = await q.orderBy('a.created_at').orderBy('a.id').execute();
  const amended = await latestWordings(
    db,
    'assessment',
    rows.filter((r) => r.status === 'completed').map((r) => r.id),
  );
  if (amended.size === 0) return rows;
  return rows.map((row) => {
    const fields = amended.get(row.id);
    if (!fields) return row;
    const content = structuredClone(row.content) as Record<string, Record<string, unknown>>;
    for (const { field, text } of fields.values()) {
      const [section, key] = field.split('.') as [string, string];
      if (content[section] && typeof content[section] === 'object') content[section][key] = text;
    }
    return { ...row, content: content as typeof row.content };
  });
}

export async function loadAssessmentRow(db: Db, childId: string, id: string, lock = false) {
  if (lock) {
    await db.selectFrom('assessments').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  }
  const [row] = await loadAssessmentRows(db, childId, [id]);
  return row ?? null;
}

/** The completed record of a completed row, as the domain schema accepted it. */
export function recordOf(row: AssessmentRow): Assessment {
  return row.content as unknown as Assessment;
}

export async function loadSignOffs(db: Db, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('assessment_sign_offs as s')
    .innerJoin('users as u', 'u.id', 's.decided_by')
    .select([
      's.id',
      's.assessment_id',
      's.decision',
      's.comment',
      's.decided_at',
      'u.id as user_id',
      'u.name',
    ])
    .where('s.assessment_id', 'in', [...assessmentIds])
    .orderBy('s.decided_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    assessmentId: r.assessment_id,
    decision: r.decision as 'approved' | 'returned',
    comment: r.comment,
    by: { id: r.user_id, name: r.name },
    at: iso(r.decided_at),
  }));
}
export type SignOffView = Awaited<ReturnType<typeof loadSignOffs>>[number];

/** The latest completed analysis of a kind of instrument, for re-analysis and plans. */
export async function latestCompleted(db: Db, childId: string, instrumentId?: string) {
  let q = db
    .selectFrom('assessments')
    .select(['id', 'instrument_id', 'instrument_version', 'completed_at', 'level', 'harm_status'])
    .where('child_id', '=', childId)
    .where('status', '=', 'completed');
  if (instrumentId) q = q.where('instrument_id', '=', instrumentId);
  const row = await q.orderBy('completed_at', 'desc').limit(1).executeTakeFirst();
  return row ? { ...row, completed_at: iso(row.completed_at as Date) } : null;
}
