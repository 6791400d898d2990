/**
 * A disruption record as the API returns it: the measure in words, what may come next, the children
 * it protects that the viewer may read, breaches, the stored eligibility check and duration warnings.
 */
import type { Viewer } from '../../domain/access/types.ts';
import {
  type DisruptionRecord,
  durationWarnings,
  measure,
  STATUS_NAMES,
  STATUS_TRANSITIONS,
} from '../../domain/disruption/index.ts';
import { mayManageDisruption } from '../contexts/authority.ts';
import type { Db } from '../contexts/queries.ts';
import { notFound } from '../errors.ts';
import {
  allProtectedChildIds,
  type BreachRow,
  breachesOf,
  type DisruptionRow,
  loadDisruption,
  protectedChildren,
} from './queries.ts';

/** The stored record in the domain's shape, to check a change to it as a whole. */
export function toDomainRecord(
  row: DisruptionRow,
  childIds: string[],
  breaches: BreachRow[],
): DisruptionRecord {
  return {
    id: row.id,
    measure: row.measure,
    ...(row.target_kind && row.target_context_id
      ? {
          target: {
            kind: row.target_kind as NonNullable<DisruptionRecord['target']>['kind'],
            contextId: row.target_context_id,
          },
        }
      : {}),
    protectedChildIds: childIds,
    status: row.status,
    leadAgencyId: row.lead_agency_id,
    ownerUserId: row.owner_user_id,
    ...(row.requested_on ? { requestedOn: row.requested_on } : {}),
    ...(row.issued_on ? { issuedOn: row.issued_on } : {}),
    ...(row.served_on ? { servedOn: row.served_on } : {}),
    ...(row.expires_on ? { expiresOn: row.expires_on } : {}),
    untilFurtherOrder: row.until_further_order,
    conditions: row.conditions,
    breaches: breaches.map((b) => ({
      date: b.breach_date,
      description: b.description,
      ...(b.response ? { response: b.response } : {}),
      recordedBy: b.recorded_by,
    })),
    ...(row.outcome ? { outcome: row.outcome } : {}),
  };
}

export async function presentDisruption(db: Db, viewer: Viewer, id: string) {
  const row = await loadDisruption(db, viewer, id);
  if (!row) throw notFound('disruption record');
  const breaches = await breachesOf(db, id);
  const childIds = await allProtectedChildIds(db, id);
  const m = measure(row.measure);
  const next = STATUS_TRANSITIONS[row.status] as readonly (keyof typeof STATUS_NAMES)[];
  return {
    id: row.id,
    measure: row.measure,
    measureName: m.name,
    measurePurpose: m.purpose,
    status: row.status,
    statusName: STATUS_NAMES[row.status],
    nextStatuses: next.map((s) => ({ id: s, name: STATUS_NAMES[s] })),
    target:
      row.target_context_id && row.target_kind && row.target_visible
        ? { id: row.target_context_id, kind: row.target_kind, name: row.target_name ?? '' }
        : null,
    protectedChildren: await protectedChildren(db, viewer, id, row.sensitivity),
    applicant: row.applicant,
    leadAgency: { id: row.lead_agency_id, name: row.lead_agency_name },
    owner: { id: row.owner_user_id, name: row.owner_name },
    requestedOn: row.requested_on,
    issuedOn: row.issued_on,
    servedOn: row.served_on,
    expiresOn: row.expires_on,
    untilFurtherOrder: row.until_further_order,
    conditions: row.conditions,
    breaches: breaches.map((b) => ({
      id: b.id,
      date: b.breach_date,
      description: b.description,
      response: b.response,
      recordedBy: b.recorded_by_name,
    })),
    outcome: row.outcome,
    sensitivity: row.sensitivity,
    facts: row.facts,
    eligibility: row.eligibility as never,
    warnings: durationWarnings({
      measure: row.measure,
      ...(row.issued_on ? { issuedOn: row.issued_on } : {}),
      ...(row.expires_on ? { expiresOn: row.expires_on } : {}),
    }).map((w) => ({ rule: w.rule, message: w.message })),
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by_name,
    permissions: { manage: await mayManageDisruption(db, viewer, childIds) },
  };
}
