/**
 * The child's record as this viewer may see it, with what they may do. Exports use the same presenter.
 */
import { permissionsFor, redactFields } from '../../domain/access/policy.ts';
import {
  type ChildRelationship,
  RELATIONSHIP_FLAG,
  RELATIONSHIP_KINDS,
  type Viewer,
} from '../../domain/access/types.ts';
import {
  CLOSURE_REASON_NAMES,
  type ClosureReason,
  FLAG_KIND_NAMES,
  HARM_STATUS_NAMES,
} from '../../domain/children/case-record.ts';
import {
  ageOn,
  CHILD_FIELD_LABELS,
  PERSON_ROLE_NAMES,
  PERSON_ROLES,
  type PersonRole,
  type ProfessionalKind,
} from '../../domain/children/record.ts';
import { STATUTORY_STATUS_NAMES, type StatutoryStatus } from '../../domain/referrals/decisions.ts';
import { indicatorById } from '../../domain/referrals/indicator-guide.ts';
import type { ChildAccess } from './access.ts';
import type { loadRecordParts, PersonRow } from './record-queries.ts';
import type { ChildRecordView, ChildSummaryView } from './schemas.ts';
import { todayLocal } from './store.ts';

type Parts = Awaited<ReturnType<typeof loadRecordParts>>;
const iso = (d: Date | string) => new Date(d).toISOString();

export const displayName = (p: { given_name: string; family_name: string }) =>
  `${p.given_name} ${p.family_name}`;

export function presentSummary(
  p:
    | PersonRow
    | Pick<
        PersonRow,
        | 'id'
        | 'given_name'
        | 'family_name'
        | 'known_as'
        | 'dob'
        | 'date_of_birth_estimated'
        | 'school'
        | 'case_status'
      >,
): ChildSummaryView {
  return {
    id: p.id,
    displayName: displayName(p),
    knownAs: p.known_as,
    dateOfBirth: p.dob,
    dateOfBirthEstimated: p.date_of_birth_estimated,
    school: p.school,
    caseStatus: p.case_status,
  };
}

function relationshipKinds(rel: ChildRelationship): string[] {
  return RELATIONSHIP_KINDS.filter((k) => rel[RELATIONSHIP_FLAG[k]] === true);
}

export function childPermissions(viewer: Viewer, access: ChildAccess, holdingAgencyId: string | null) {
  const p = permissionsFor(
    viewer,
    [
      'child.update',
      'case.allocate',
      'note.create',
      'case.close.request',
      'case.close.approve',
      'child.merge',
      'chronology.export',
    ],
    { child: access.rel, ...(holdingAgencyId ? { targetAgencyId: holdingAgencyId } : {}) },
  );
  const live = !access.mergedInto;
  return {
    update: live && p['child.update'],
    allocate: live && p['case.allocate'],
    addNote: live && p['note.create'],
    addChronologyEntry: live && p['note.create'],
    setFlag: live && p['child.update'],
    requestClosure: live && access.caseStatus === 'open' && p['case.close.request'],
    approveClosure: live && access.caseStatus === 'closure_requested' && p['case.close.approve'],
    reopen: live && access.caseStatus === 'closed' && p['child.update'],
    merge: live && p['child.merge'],
    exportChronology: p['chronology.export'],
  };
}

function professional(p: Parts['professionals'][number]) {
  return {
    id: p.id,
    kind: p.kind as ProfessionalKind,
    user: { id: p.user_id, name: p.user_name },
    agency: { id: p.agency_id, name: p.agency_name },
    roleTitle: p.role_title,
    startedAt: iso(p.started_at),
  };
}

export function presentChild(
  viewer: Viewer,
  access: ChildAccess,
  person: PersonRow,
  parts: Parts,
  holdingAgencyId: string | null,
): ChildRecordView {
  const today = todayLocal();
  const restricted = redactFields(
    viewer,
    access.rel,
    {
      genderIdentity: person.gender_identity,
      sexualOrientation: person.sexual_orientation,
      ethnicity: person.ethnicity,
      religion: person.religion,
      disability: person.disability,
    },
    CHILD_FIELD_LABELS,
  );
  const professionals = parts.professionals.map(professional);
  const activeFlags = parts.flags.filter((f) => f.removed_at === null);
  const harmStatus = activeFlags.some((f) => f.harm_status === 'known')
    ? 'known'
    : activeFlags.length > 0
      ? 'suspected'
      : null;
  const roleOrder = (r: string) => PERSON_ROLES.indexOf(r as PersonRole);
  const currentAddressId = parts.addresses.find((a) => a.to_date === null)?.id;
  return {
    id: person.id,
    givenName: person.given_name,
    familyName: person.family_name,
    displayName: displayName(person),
    knownAs: person.known_as,
    dateOfBirth: person.dob,
    dateOfBirthEstimated: person.date_of_birth_estimated,
    age: person.dob ? ageOn(person.dob, today) : null,
    sex: person.sex,
    ...restricted,
    firstLanguage: person.first_language,
    interpreterNeeded: person.interpreter_needed,
    send: person.send,
    school: person.school,
    careStatus: person.care_status,
    strengths: person.strengths,
    interests: person.interests,
    fieldLabels: CHILD_FIELD_LABELS,
    // The safeguarding side first, always (seed 004: children can be perpetrators as well as victims).
    roles: [...parts.roles]
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role))
      .map((r) => ({
        role: r.role,
        name: PERSON_ROLE_NAMES[r.role as PersonRole] ?? r.role,
        note: r.note,
        addedAt: iso(r.added_at),
      })),
    addresses: parts.addresses.map((a) => ({
      id: a.id,
      line1: a.line1,
      town: a.town,
      postcode: a.postcode,
      fromDate: a.from_date,
      toDate: a.to_date,
      current: a.id === currentAddressId,
    })),
    statutoryStatus: {
      current: parts.statuses
        .filter((s) => s.ended_on === null)
        .map((s) => ({
          id: s.id,
          status: s.status,
          name: STATUTORY_STATUS_NAMES[s.status as StatutoryStatus],
          startedOn: s.started_on,
        })),
      history: parts.statuses.map((s) => ({
        id: s.id,
        status: s.status,
        name: STATUTORY_STATUS_NAMES[s.status as StatutoryStatus],
        startedOn: s.started_on,
        endedOn: s.ended_on,
        reason: s.reason,
        referralId: s.referral_id,
      })),
    },
    professionals,
    leadWorker: professionals.find((p) => p.kind === 'lead_worker') ?? null,
    coWorker: professionals.find((p) => p.kind === 'co_worker') ?? null,
    harmStatus,
    flags: parts.flags.map(presentFlag),
    observations: parts.observations.map((o) => {
      const indicator = indicatorById(o.indicator_id);
      return {
        id: o.id,
        indicatorId: o.indicator_id,
        group: indicator?.group ?? 'unknown',
        text: indicator?.text ?? o.indicator_id,
        evidenceNote: indicator?.evidenceNote ?? '',
        guideVersion: o.guide_version,
        observedOn: o.observed_on_text,
        source: o.source,
        note: o.note,
        verification: 'unverified' as const,
        sensitivity: o.sensitivity as ChildRecordView['observations'][number]['sensitivity'],
        recordedBy: { id: o.recorded_by, name: o.user_name },
        recordedAgency: { id: o.recorded_agency_id, name: o.agency_name },
        recordedAt: iso(o.recorded_at),
        referralId: o.referral_id,
      };
    }),
    caseStatus: person.case_status as ChildRecordView['caseStatus'],
    pendingClosure: parts.closure
      ? {
          id: parts.closure.id,
          reason: parts.closure.reason,
          reasonName: CLOSURE_REASON_NAMES[parts.closure.reason as ClosureReason] ?? parts.closure.reason,
          detail: parts.closure.detail,
          requestedBy: { id: parts.closure.user_id, name: parts.closure.user_name },
          requestedAt: iso(parts.closure.requested_at),
        }
      : null,
    mergedIntoId: person.merged_into,
    mergedRecords: parts.merges.map((m) => ({
      mergeId: m.id,
      id: m.merged_id,
      displayName: displayName(m),
      mergedAt: iso(m.merged_at),
    })),
    yourRelationship: relationshipKinds(access.rel),
    permissions: childPermissions(viewer, access, holdingAgencyId),
  };
}

export function presentFlag(f: Parts['flags'][number]) {
  return {
    id: f.id,
    kind: f.kind,
    kindName: FLAG_KIND_NAMES[f.kind as keyof typeof FLAG_KIND_NAMES] ?? f.kind,
    otherDescription: f.other_description,
    powerImbalance: f.power_imbalance,
    exchange: { what: f.exchange_what, gainedBy: f.exchange_gained_by },
    ageUnder18: f.age_under_18,
    setting: f.setting,
    harmStatus: f.harm_status as 'suspected' | 'known',
    harmStatusName: HARM_STATUS_NAMES[f.harm_status as 'suspected' | 'known'],
    harmRationale: f.harm_rationale,
    harmDecidedBy: { id: f.harm_decided_by, name: f.decider_name },
    harmDecidedAt: iso(f.harm_decided_at),
    harmHistory: f.history.map((h) => ({
      harmStatus: h.harm_status,
      rationale: h.rationale,
      decidedBy: { id: h.user_id, name: h.user_name },
      decidedAt: iso(h.decided_at),
    })),
    sensitivity: f.sensitivity as ChildRecordView['flags'][number]['sensitivity'],
    setBy: { id: f.set_by, name: f.setter_name },
    setAgency: { id: f.set_agency_id, name: f.agency_name },
    setAt: iso(f.set_at),
    active: f.removed_at === null,
    removedAt: f.removed_at ? iso(f.removed_at) : null,
    removedReason: f.removed_reason,
  };
}
