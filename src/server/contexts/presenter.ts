/**
 * Presenters: a link with its grade in plain English and why it is (or is not) in the default view; a
 * context's details in the shape the edit form sends back. Rows reach here already filtered by
 * visibility.ts; the response schemas strip anything else.
 */
import {
  CONTEXT_KIND_INFO,
  type ContextRecord,
  defaultViewStatus,
  explainGrade,
  findLinkNature,
  formatGrade,
  type Grading,
  isContextKind,
} from '../../domain/contexts/index.ts';
import type { LinkRow } from './queries.ts';

export function gradingOf(
  row: Pick<LinkRow, 'grade_source' | 'grade_intelligence' | 'grade_handling' | 'handling_conditions'>,
): Grading {
  return {
    source: row.grade_source,
    intelligence: row.grade_intelligence,
    handling: row.grade_handling,
    ...(row.handling_conditions ? { handlingConditions: row.handling_conditions } : {}),
  };
}

export function kindName(kind: string): string {
  return kind === 'child' ? 'Child' : isContextKind(kind) ? CONTEXT_KIND_INFO[kind].name : kind;
}

export interface Names {
  users: Map<string, string>;
  agencies: Map<string, string>;
}

export function presentLink(row: LinkRow, today: string, names: Names) {
  const grading = gradingOf(row);
  const nature = findLinkNature(row.nature, row.scope);
  const label = nature?.label ?? row.nature;
  const withdrawn = row.withdrawn_on
    ? { on: row.withdrawn_on, byUserId: row.withdrawn_by ?? '', reason: row.withdrawn_reason ?? '' }
    : undefined;
  const view = defaultViewStatus(
    {
      grading,
      reviewDate: row.review_date,
      corroborations: row.corroborations,
      source: { agencyId: row.source_agency_id, authorId: row.source_author_id },
      ...(withdrawn ? { withdrawn } : {}),
    },
    today,
  );
  return {
    id: row.id,
    scope: row.scope,
    from: { kind: row.from_kind, kindName: kindName(row.from_kind), id: row.from_id, name: row.from_name },
    to: { kind: row.to_kind, kindName: kindName(row.to_kind), id: row.to_id, name: row.to_name },
    nature: row.nature,
    natureLabel: label,
    inverseLabel: nature?.inverseLabel ?? label,
    natureDescription: nature?.description ?? '',
    reads: `${row.from_name}: ${label.toLowerCase()} ${row.to_name}`,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    reviewDate: row.review_date,
    source: {
      agency: { id: row.source_agency_id, name: row.source_agency_name },
      author: { id: row.source_author_id, name: row.source_author_name },
      reference: row.source_reference,
    },
    grading: {
      source: grading.source,
      intelligence: grading.intelligence,
      handling: grading.handling,
      handlingConditions: row.handling_conditions,
      code: formatGrade(grading),
      explanation: explainGrade(grading),
    },
    sensitivity: row.sensitivity,
    confirmed: view.confirmed,
    corroborations: row.corroborations.map((c) => ({
      on: c.on,
      agency: { id: c.agencyId, name: names.agencies.get(c.agencyId) ?? 'Unknown agency' },
      author: { id: c.authorId, name: names.users.get(c.authorId) ?? 'Unknown person' },
      note: c.note ?? null,
    })),
    note: row.note,
    withdrawn: withdrawn
      ? { on: withdrawn.on, reason: withdrawn.reason, by: names.users.get(withdrawn.byUserId) ?? null }
      : null,
    view: {
      inDefaultView: view.visible,
      reviewDue: view.reviewDue,
      reason: view.reason,
      explanation: view.explanation,
    },
  };
}
export type LinkView = ReturnType<typeof presentLink>;

/** The user and agency ids a set of links mentions beyond their joined names. */
export function idsToName(rows: LinkRow[]): { users: string[]; agencies: string[] } {
  const users = new Set<string>();
  const agencies = new Set<string>();
  for (const r of rows) {
    if (r.withdrawn_by) users.add(r.withdrawn_by);
    for (const c of r.corroborations) {
      users.add(c.authorId);
      agencies.add(c.agencyId);
    }
  }
  return { users: [...users], agencies: [...agencies] };
}

/** The stored record in the shape the create and edit forms send, so it can be changed and sent back. */
export function editable(record: ContextRecord): Record<string, unknown> {
  switch (record.kind) {
    case 'person_of_concern':
      return {
        ...record,
        phones: record.phones.map((p) => p.number),
        handles: record.handles.map((h) => ({ platform: h.platform, handle: h.display })),
        addresses: record.addresses.map((a) => ({
          lines: a.lines,
          ...(a.postcode ? { postcode: a.postcode } : {}),
        })),
      };
    case 'place':
      return { ...record, ...(record.postcode ? { postcode: record.postcode } : {}) };
    case 'business':
      return {
        ...record,
        addresses: record.addresses.map((a) => ({
          lines: a.lines,
          ...(a.postcode ? { postcode: a.postcode } : {}),
        })),
      };
    default:
      return { ...record };
  }
}
