/**
 * Disruption on a person's work list: measures in force that expire soon (or have passed their expiry
 * and are still marked in force), for the record's owner and for the lead workers and co-workers of the
 * children it protects; and breaches the owner has not yet recorded a response to.
 *
 * `disruptionWorkFor(db, viewer)` is what "My work" shows. The database picks the candidates for this
 * viewer (in force, expiring within the window, theirs or their children's, visible to them); the
 * domain's `expiringSoon` orders them and works out the days left.
 */
import { type Kysely, sql } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import { addDays } from '../../domain/contexts/index.ts';
import { expiringSoon, IN_FORCE, measure } from '../../domain/disruption/index.ts';
import { todayLocal } from '../children/store.ts';
import type { DB } from '../db/schema.ts';
import { toDomainRecord } from './presenter.ts';
import { type DisruptionRow, disruptionVisible, summaryOf, targetColumns } from './queries.ts';

export const EXPIRY_WINDOW_DAYS = 28;

const columnsFor = (
  viewer: Viewer,
) => sql`d.id, d.measure, d.target_kind, d.target_context_id, ${targetColumns(viewer)}, d.status,
  d.applicant, d.lead_agency_id, '' AS lead_agency_name, d.owner_user_id, ou.name AS owner_name,
  d.requested_on::text AS requested_on, d.issued_on::text AS issued_on, d.served_on::text AS served_on,
  d.expires_on::text AS expires_on, d.until_further_order, d.conditions, d.outcome, d.sensitivity,
  '{}'::jsonb AS facts, '{}'::jsonb AS eligibility, d.created_at, '' AS created_by_name`;

export interface DisruptionWork {
  days: number;
  expiring: {
    disruption: ReturnType<typeof summaryOf>;
    expiresOn: string;
    daysLeft: number;
    overdue: boolean;
    /** Why it is on this person's list: "You own it", "You are lead worker for Jaden Okafor". */
    why: string[];
  }[];
  breachesAwaitingResponse: { disruptionId: string; measureName: string; breachId: string; date: string }[];
}

export async function disruptionWorkFor(
  db: Kysely<DB>,
  viewer: Viewer,
  options: { days?: number; today?: string } = {},
): Promise<DisruptionWork> {
  const days = options.days ?? EXPIRY_WINDOW_DAYS;
  const today = options.today ?? todayLocal();
  const { rows } = await sql<DisruptionRow & { child_ids: string[]; my_children: string[] }>`
    SELECT ${columnsFor(viewer)},
      ARRAY(SELECT dc.child_id FROM disruption_children dc WHERE dc.disruption_id = d.id ORDER BY dc.child_id) AS child_ids,
      ARRAY(SELECT p.given_name || ' ' || p.family_name FROM disruption_children dc
            JOIN child_professionals cp ON cp.child_id = dc.child_id AND cp.ended_at IS NULL
              AND cp.kind IN ('lead_worker', 'co_worker') AND cp.user_id = ${viewer.userId}
            JOIN people p ON p.id = dc.child_id
            WHERE dc.disruption_id = d.id ORDER BY 1) AS my_children
    FROM disruptions d
    LEFT JOIN contexts t ON t.id = d.target_context_id
    JOIN users ou ON ou.id = d.owner_user_id
    WHERE d.status = ANY(${[...IN_FORCE]}::text[])
      AND d.expires_on <= ${addDays(today, days)}::date
      AND (d.owner_user_id = ${viewer.userId} OR EXISTS (
        SELECT 1 FROM disruption_children dc
        JOIN child_professionals cp ON cp.child_id = dc.child_id AND cp.ended_at IS NULL
          AND cp.kind IN ('lead_worker', 'co_worker') AND cp.user_id = ${viewer.userId}
        WHERE dc.disruption_id = d.id))
      AND ${disruptionVisible(viewer, 'd')}`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = expiringSoon(
    rows.map((r) => toDomainRecord(r, r.child_ids, [])),
    today,
    days,
  );
  const expiring = items.map((item) => {
    const row = byId.get(item.record.id ?? '') as DisruptionRow & { my_children: string[] };
    const why = [
      ...(row.owner_user_id === viewer.userId ? ['You own it'] : []),
      ...[...new Set(row.my_children)].map((name) => `You work with ${name}, whom it protects`),
    ];
    return {
      disruption: summaryOf(row),
      expiresOn: item.expiresOn,
      daysLeft: item.daysLeft,
      overdue: item.overdue,
      why,
    };
  });
  const { rows: breaches } = await sql<{ disruption_id: string; measure: string; id: string; date: string }>`
    SELECT b.disruption_id, d.measure, b.id, b.breach_date::text AS date
    FROM disruption_breaches b JOIN disruptions d ON d.id = b.disruption_id
    WHERE b.response IS NULL AND d.owner_user_id = ${viewer.userId}
    ORDER BY b.breach_date, b.id`.execute(db);
  return {
    days,
    expiring,
    breachesAwaitingResponse: breaches.map((b) => ({
      disruptionId: b.disruption_id,
      measureName: measure(b.measure as never).name,
      breachId: b.id,
      date: b.date,
    })),
  };
}
