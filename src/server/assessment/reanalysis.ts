/**
 * When a child's risk analysis must be done again: the domain's `reanalysisDue` over the latest completed
 * Risk Analysis Framework and the events on the child's record since (new referrals and decisions,
 * address and placement changes, harm recorded, new information in the chronology, missing episodes,
 * the plan's review date), with the partnership's cadence and triggers.
 *
 * Events are read for one viewer: an event carrying a label the viewer may not see is not counted for
 * them, so the reasons shown never reveal information they are not entitled to.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SensitivityLabel, Viewer } from '../../domain/access/types.ts';
import {
  RAF_ID,
  type ReanalysisConfig,
  type ReanalysisEvent,
  type ReanalysisTrigger,
  reanalysisDue,
} from '../../domain/assessment/index.ts';
import { childVisibleTo, labelsFor, relationshipTo } from '../children/access.ts';
import type { DB } from '../db/schema.ts';
import { loadSettings } from './settings.ts';
import { latestCompleted } from './store.ts';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();

interface EventRow {
  trigger: ReanalysisTrigger;
  at: Date | string;
  ref: string;
  summary: string;
}

/**
 * Missing episodes, from the missing-episodes capability's own table. Read defensively: that table
 * arrives in its own migration, and a database without it simply has no episodes to count.
 */
export async function missingEpisodeEvents(db: Db, childId: string): Promise<ReanalysisEvent[]> {
  const table = await sql<{
    name: string | null;
  }>`SELECT to_regclass('missing_episodes')::text AS name`.execute(db);
  if (!table.rows[0]?.name) return [];
  const rows = await sql<{ id: string; reported_at: Date | string }>`
    SELECT id, reported_at FROM missing_episodes WHERE child_id = ${childId}
  `.execute(db);
  return rows.rows.map((r) => ({
    trigger: 'missing_episode' as const,
    at: iso(r.reported_at),
    ref: r.id,
    summary: 'The child was reported missing',
  }));
}

/** Everything else on the child's record that makes a re-analysis due, limited to what the viewer may see. */
export async function recordEvents(
  db: Db,
  childId: string,
  labels: readonly SensitivityLabel[],
): Promise<ReanalysisEvent[]> {
  if (labels.length === 0) return [];
  const seen = sql.join(labels.map((l) => sql`${l}`));
  const rows = await sql<EventRow>`
    SELECT 'new_referral' AS trigger, r.received_at AS at, r.id::text AS ref, 'A referral was received' AS summary
      FROM referrals r WHERE r.child_id = ${childId} AND r.sensitivity IN (${seen})
    UNION ALL
    SELECT 'new_referral', d.decided_at, d.referral_id::text, 'A screening decision was recorded'
      FROM referral_decisions d JOIN referrals r ON r.id = d.referral_id
     WHERE r.child_id = ${childId} AND r.sensitivity IN (${seen})
    UNION ALL
    SELECT CASE WHEN p.care_status = 'looked_after' THEN 'placement_change' ELSE 'address_change' END,
           a.recorded_at, a.id::text, 'A new address was recorded'
      FROM person_addresses a JOIN people p ON p.id = a.person_id WHERE a.person_id = ${childId}
    UNION ALL
    SELECT 'placement_change', s.recorded_at, s.id::text, 'The child became looked after'
      FROM statutory_statuses s WHERE s.child_id = ${childId} AND s.status = 'looked_after'
    UNION ALL
    SELECT 'placement_change', s.ended_on::timestamptz, s.id::text, 'The child stopped being looked after'
      FROM statutory_statuses s WHERE s.child_id = ${childId} AND s.status = 'looked_after' AND s.ended_on IS NOT NULL
    UNION ALL
    SELECT 'new_harm_recorded', f.set_at, f.id::text, 'Exploitation was flagged'
      FROM exploitation_flags f WHERE f.child_id = ${childId} AND f.sensitivity IN (${seen})
    UNION ALL
    SELECT 'new_harm_recorded', h.decided_at, h.id::text, 'The harm status changed'
      FROM harm_status_history h JOIN exploitation_flags f ON f.id = h.flag_id
     WHERE f.child_id = ${childId} AND f.sensitivity IN (${seen})
    UNION ALL
    SELECT 'new_intelligence', e.recorded_at, e.id::text, 'New information was added to the chronology'
      FROM chronology_entries e
     WHERE e.child_id = ${childId} AND e.kind = 'event' AND e.sensitivity IN (${seen})
       AND (e.record_type IS NULL OR e.record_type NOT IN ('assessment', 'plan'))
    UNION ALL
    SELECT 'review_date', pl.review_date::timestamptz, pl.id::text, 'The plan’s review date'
      FROM plans pl WHERE pl.child_id = ${childId}
  `.execute(db);
  return rows.rows.map((r) => ({ trigger: r.trigger, at: iso(r.at), ref: r.ref, summary: r.summary }));
}

export interface ReanalysisView {
  lastAnalysis: { id: string; completedAt: string; instrument: string } | null;
  due: boolean;
  overdue: boolean;
  dueAt: string | null;
  nextScheduledReview: string | null;
  reasons: { trigger: ReanalysisTrigger; label: string; at: string; dueBy: string; summary?: string }[];
  configVersion: string;
}

/** Whether the child's risk analysis is due again, and why, as this viewer may see it. */
export async function reanalysisFor(
  db: Db,
  childId: string,
  labels: readonly SensitivityLabel[],
  now = new Date(),
  config?: ReanalysisConfig,
): Promise<ReanalysisView> {
  const settings = config ?? (await loadSettings(db)).reanalysis;
  const last = await latestCompleted(db, childId, RAF_ID);
  if (!last?.completed_at) {
    return {
      lastAnalysis: null,
      due: false,
      overdue: false,
      dueAt: null,
      nextScheduledReview: null,
      reasons: [],
      configVersion: settings.version,
    };
  }
  const events = [...(await recordEvents(db, childId, labels)), ...(await missingEpisodeEvents(db, childId))];
  const status = reanalysisDue(
    { id: last.id, completedAt: last.completed_at, judgement: { level: last.level ?? '' } },
    events,
    now,
    settings,
  );
  return {
    lastAnalysis: {
      id: last.id,
      completedAt: last.completed_at,
      instrument: `${last.instrument_id}@${last.instrument_version}`,
    },
    due: status.due,
    overdue: status.overdue,
    dueAt: status.dueAt,
    nextScheduledReview: status.nextScheduledReview,
    reasons: status.reasons.map((r) => ({
      trigger: r.trigger,
      label: r.label,
      at: r.at,
      dueBy: r.dueBy,
      ...(r.summary ? { summary: r.summary } : {}),
    })),
    configVersion: settings.version,
  };
}

export interface ReanalysisDueItem extends ReanalysisView {
  child: { id: string; name: string };
  /** Why it is on this person's list: their own allocation, or a child allocated to their team. */
  via: 'allocated' | 'team';
}

/**
 * Re-analyses due and overdue for "My work": the children the viewer is allocated to, and for a manager
 * the children allocated to members of their teams. Only children the viewer may read, each computed
 * with the labels the viewer may see on that child. Soonest deadline first.
 */
export async function reanalysesDueFor(db: Kysely<DB>, viewer: Viewer, now = new Date()) {
  const managesTeams = viewer.roles.includes('manager') && viewer.teamIds.length > 0;
  const rows = await db
    .selectFrom('child_professionals as cp')
    .innerJoin('people as p', 'p.id', 'cp.child_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'cp.user_id'])
    .where('cp.ended_at', 'is', null)
    .where('p.merged_into', 'is', null)
    .where('p.case_status', '<>', 'closed')
    .where((eb) =>
      managesTeams
        ? eb.or([
            eb('cp.user_id', '=', viewer.userId),
            eb(
              'cp.user_id',
              'in',
              eb
                .selectFrom('team_members')
                .select('user_id')
                .where('team_id', 'in', [...viewer.teamIds]),
            ),
          ])
        : eb('cp.user_id', '=', viewer.userId),
    )
    .where(childVisibleTo(viewer, 'p.id'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('assessments as a')
          .select('a.id')
          .whereRef('a.child_id', '=', 'p.id')
          .where('a.status', '=', 'completed')
          .where('a.instrument_id', '=', RAF_ID),
      ),
    )
    .orderBy('p.family_name')
    .limit(500)
    .execute();
  const children = new Map<string, { name: string; via: 'allocated' | 'team' }>();
  for (const r of rows) {
    const via = r.user_id === viewer.userId ? 'allocated' : 'team';
    const known = children.get(r.id);
    if (!known || via === 'allocated') children.set(r.id, { name: `${r.given_name} ${r.family_name}`, via });
  }
  const config = (await loadSettings(db)).reanalysis;
  const due: ReanalysisDueItem[] = [];
  for (const [id, child] of children) {
    const found = await relationshipTo(db, viewer, id);
    if (!found) continue;
    const view = await reanalysisFor(db, id, labelsFor(viewer, found.rel), now, config);
    if (view.due) due.push({ ...view, child: { id, name: child.name }, via: child.via });
  }
  return due.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
}
