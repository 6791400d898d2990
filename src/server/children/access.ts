import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Action } from '../../domain/access/actions.ts';
import { canSeeLabel, childVisibility, decide } from '../../domain/access/policy.ts';
import {
  type ChildRelationship,
  type RelationshipKind,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  type Viewer,
} from '../../domain/access/types.ts';
import { auditAlone } from '../audit/audit.ts';
import type { AuditActor, AuditEvent } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ChildAccess {
  childId: string;
  rel: ChildRelationship;
  /** The labels this viewer may see on this child: the SQL filter for every labelled item. */
  labels: SensitivityLabel[];
  mergedInto: string | null;
  caseStatus: string;
}

/**
 * The viewer's relationship to one child, in one query. DANGER: each EXISTS here opens records; a
 * relationship computed wrongly shows a child's record to someone who should not see it.
 * Meeting membership comes from the meetings capability (invited to a current meeting about the child);
 * break-glass arrives with its capability and is false until then.
 */
export async function relationshipTo(db: Db, viewer: Viewer, childId: string) {
  const row = await sql<{
    merged_into: string | null;
    case_status: string;
    is_lead_worker: boolean;
    is_co_worker: boolean;
    is_involved_professional: boolean;
    agency_involved: boolean;
    is_referrer: boolean;
    is_meeting_member: boolean;
  }>`
    SELECT p.merged_into, p.case_status,
      EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = p.id AND cp.ended_at IS NULL
              AND cp.kind = 'lead_worker' AND cp.user_id = ${viewer.userId}) AS is_lead_worker,
      EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = p.id AND cp.ended_at IS NULL
              AND cp.kind = 'co_worker' AND cp.user_id = ${viewer.userId}) AS is_co_worker,
      EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = p.id AND cp.ended_at IS NULL
              AND cp.kind = 'involved_professional' AND cp.user_id = ${viewer.userId}) AS is_involved_professional,
      EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = p.id AND cp.ended_at IS NULL
              AND cp.agency_id = ${viewer.agencyId}) AS agency_involved,
      EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = p.id AND r.referrer_user_id = ${viewer.userId}) AS is_referrer,
      -- Meetings (migration 0007): invited to a current meeting (not cancelled, not ended more than 90 days
      -- ago) whose agenda includes this child.
      EXISTS (SELECT 1 FROM mace_meeting_invitees mi
              JOIN mace_agenda_children mc ON mc.meeting_id = mi.meeting_id
              JOIN mace_meetings mm ON mm.id = mi.meeting_id
              WHERE mi.user_id = ${viewer.userId} AND mc.child_id = p.id AND mm.status <> 'cancelled'
                AND mm.ends_at > now() - interval '90 days') AS is_meeting_member
    FROM people p
    WHERE p.id = ${childId} AND EXISTS (SELECT 1 FROM person_roles pr WHERE pr.person_id = p.id AND pr.role = 'child')
  `.execute(db);
  const r = row.rows[0];
  if (!r) return null;
  const rel: ChildRelationship = {
    isLeadWorker: r.is_lead_worker === true,
    isCoWorker: r.is_co_worker === true,
    isInvolvedProfessional: r.is_involved_professional === true,
    agencyInvolved: r.agency_involved === true,
    isMeetingMember: r.is_meeting_member === true,
    isReferrer: r.is_referrer === true,
    breakGlass: false,
  };
  return { rel, mergedInto: r.merged_into, caseStatus: r.case_status };
}

export function labelsFor(viewer: Viewer, rel: ChildRelationship): SensitivityLabel[] {
  return SENSITIVITY_LABELS.filter((label) => canSeeLabel(viewer, label, rel));
}

/**
 * Opens a child's record for an action: the viewer must be allowed to read it (otherwise it does not
 * exist for them: 404) and to do the action (otherwise 403, since they know the record is there).
 * Denials are audited by `transact` once the request's transaction has rolled back.
 */
export async function openChild(
  trx: Db,
  viewer: Viewer,
  childId: string,
  action: Action = 'child.read',
  ctx: { targetAgencyId?: string } = {},
): Promise<ChildAccess> {
  const found = await relationshipTo(trx, viewer, childId);
  const readable = found && decide(viewer, 'child.read', { child: found.rel });
  if (!found || !readable?.allowed) {
    if (found)
      throw refusal(
        notFound('child'),
        childId,
        'child.read',
        readable?.allowed === false ? readable.reason : '',
      );
    throw notFound('child');
  }
  if (action !== 'child.read') {
    const decision = decide(viewer, action, { child: found.rel, ...ctx });
    if (!decision.allowed) {
      throw refusal(
        new AppError('forbidden', 'You do not have permission to do this.'),
        childId,
        action,
        decision.reason,
      );
    }
  }
  return {
    childId,
    rel: found.rel,
    labels: labelsFor(viewer, found.rel),
    mergedInto: found.mergedInto,
    caseStatus: found.caseStatus,
  };
}

/** A write to a record that has been merged into another goes to the other record instead. */
export function assertNotMerged(access: ChildAccess) {
  if (access.mergedInto) {
    throw new AppError(
      'conflict',
      `childId: this record was merged into ${access.mergedInto}; use that record`,
      [{ path: 'childId', message: `this record was merged into ${access.mergedInto}` }],
    );
  }
}

/** A refusal that must be audited once the request's transaction has rolled back. */
export class AuditedRefusal extends AppError {
  constructor(
    error: AppError,
    readonly event: AuditEvent,
  ) {
    super(error.code, error.message, error.fields);
  }
}

function refusal(error: AppError, childId: string, attempted: Action, reason: string) {
  return new AuditedRefusal(error, {
    action: 'access.denied',
    outcome: 'denied',
    childId,
    reason,
    details: { attempted },
  });
}

/**
 * Runs one request's work in one transaction. A refusal is audited after the rollback, in a transaction
 * of its own (the embedded database has one connection, so it cannot be written alongside).
 */
export async function transact<T>(
  db: Kysely<DB>,
  actor: AuditActor,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    if (error instanceof AuditedRefusal) await auditAlone(db, actor, error.event);
    throw error;
  }
}

const EXISTS_BY_KIND: Partial<
  Record<RelationshipKind, (viewer: Viewer, child: RawBuilder<unknown>) => RawBuilder<unknown>>
> = {
  lead_worker: (v, c) =>
    sql`EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = ${c} AND cp.ended_at IS NULL AND cp.kind = 'lead_worker' AND cp.user_id = ${v.userId})`,
  co_worker: (v, c) =>
    sql`EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = ${c} AND cp.ended_at IS NULL AND cp.kind = 'co_worker' AND cp.user_id = ${v.userId})`,
  involved_professional: (v, c) =>
    sql`EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = ${c} AND cp.ended_at IS NULL AND cp.kind = 'involved_professional' AND cp.user_id = ${v.userId})`,
  agency_involved: (v, c) =>
    sql`EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = ${c} AND cp.ended_at IS NULL AND cp.agency_id = ${v.agencyId})`,
  referrer: (v, c) =>
    sql`EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = ${c} AND r.referrer_user_id = ${v.userId})`,
  // meeting_member and break_glass open nothing until meetings and break-glass exist.
};

/**
 * "Visible to this viewer" as a SQL condition on a child id column, derived from the same rule as
 * `decide(viewer, 'child.read')` (via `childVisibility`), so lists and the record can never disagree.
 */
export function childVisibleTo(viewer: Viewer, childIdColumn: string): RawBuilder<boolean> {
  const { allChildren, relationships } = childVisibility(viewer);
  if (allChildren) return sql<boolean>`true`;
  const child = sql.ref(childIdColumn);
  const conditions = relationships.flatMap((kind) => {
    const build = EXISTS_BY_KIND[kind];
    return build ? [build(viewer, child)] : [];
  });
  if (conditions.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(conditions, sql` OR `)})`;
}
