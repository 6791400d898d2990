import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../../domain/access/types.ts';
import { CARE_STATUSES, PERSON_ROLES, PROFESSIONAL_KINDS, SEXES } from '../../domain/children/record.ts';
import { STATUTORY_STATUSES } from '../../domain/referrals/decisions.ts';

export const Uuid = z.uuid({ message: 'must be a valid id' });
export const ChildParams = z.strictObject({ id: Uuid });
export const Label = z.enum(SENSITIVITY_LABELS);
export const IsoDate = z.iso.date({ message: 'must be a date like 2012-03-31' });
export const IsoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date and time like 2025-03-31T14:30:00Z',
});

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const AddressInput = z.strictObject({
  line1: text(200),
  town: optionalText(100),
  postcode: z.string().trim().max(10).nullable().optional(),
  fromDate: IsoDate.nullable().optional(),
  toDate: IsoDate.nullable().optional(),
});

/** Identity fields used both to create a child and to look for matches. */
export const IdentityFields = {
  givenName: text(100),
  familyName: text(100),
  knownAs: z.array(text(100)).max(10).optional(),
  dateOfBirth: IsoDate.nullable().optional(),
  estimatedAge: z.number().int().min(0).max(25).nullable().optional(),
  sex: z.enum(SEXES).optional(),
  school: optionalText(200),
};

export const DetailFields = {
  genderIdentity: optionalText(200),
  sexualOrientation: optionalText(200),
  ethnicity: optionalText(200),
  religion: optionalText(200),
  firstLanguage: optionalText(100),
  interpreterNeeded: z.boolean().optional(),
  disability: optionalText(2000),
  send: optionalText(2000),
  careStatus: z.enum(CARE_STATUSES).optional(),
  strengths: optionalText(4000),
  interests: optionalText(4000),
};

export const CreateChildBody = z.strictObject({
  ...IdentityFields,
  ...DetailFields,
  address: AddressInput.optional(),
  /** Ids of proposed matches the creator has checked and found to be different children. */
  notAMatchOf: z.array(Uuid).max(50).optional(),
});
export type CreateChildInput = z.infer<typeof CreateChildBody>;

export const UpdateChildBody = z.strictObject({
  givenName: text(100).optional(),
  familyName: text(100).optional(),
  knownAs: z.array(text(100)).max(10).optional(),
  dateOfBirth: IsoDate.nullable().optional(),
  dateOfBirthEstimated: z.boolean().optional(),
  /** An estimated age in years instead of a date of birth: recorded as an estimated date of birth. */
  estimatedAge: z.number().int().min(0).max(25).nullable().optional(),
  sex: z.enum(SEXES).optional(),
  school: optionalText(200),
  ...DetailFields,
});
export type UpdateChildInput = z.infer<typeof UpdateChildBody>;

export const MatchBody = z.strictObject({
  ...IdentityFields,
  postcode: z.string().trim().max(10).nullable().optional(),
});
export type MatchInputBody = z.infer<typeof MatchBody>;

export const SearchQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });

export const AddRoleBody = z.strictObject({
  role: z.enum(PERSON_ROLES).exclude(['child']),
  note: optionalText(2000),
});

export const StatutoryStatusBody = z.strictObject({
  status: z.enum(STATUTORY_STATUSES),
  startedOn: IsoDate,
  reason: text(2000),
});
export const EndStatusBody = z.strictObject({ endedOn: IsoDate, reason: text(2000) });

export const AllocateBody = z.strictObject({
  userId: Uuid,
  kind: z.enum(PROFESSIONAL_KINDS),
  roleTitle: optionalText(200),
});

const Ref = z.object({ id: z.string(), name: z.string() });

export const Professional = z.object({
  id: z.string(),
  kind: z.enum(PROFESSIONAL_KINDS),
  user: Ref,
  agency: Ref,
  roleTitle: z.string().nullable(),
  startedAt: z.string(),
});

export const ObservationView = z.object({
  id: z.string(),
  indicatorId: z.string(),
  group: z.string(),
  text: z.string(),
  evidenceNote: z.string(),
  guideVersion: z.string(),
  observedOn: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  verification: z.literal('unverified'),
  sensitivity: Label,
  recordedBy: Ref,
  recordedAgency: Ref,
  recordedAt: z.string(),
  referralId: z.string().nullable(),
});

export const FlagView = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  otherDescription: z.string().nullable(),
  powerImbalance: z.string(),
  exchange: z.object({ what: z.string(), gainedBy: z.array(z.string()) }),
  ageUnder18: z.boolean(),
  setting: z.string(),
  harmStatus: z.enum(['suspected', 'known']),
  harmStatusName: z.string(),
  harmRationale: z.string(),
  harmDecidedBy: Ref,
  harmDecidedAt: z.string(),
  harmHistory: z.array(
    z.object({ harmStatus: z.string(), rationale: z.string(), decidedBy: Ref, decidedAt: z.string() }),
  ),
  sensitivity: Label,
  setBy: Ref,
  setAgency: Ref,
  setAt: z.string(),
  active: z.boolean(),
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
});

export const ChildRecord = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  displayName: z.string(),
  knownAs: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  dateOfBirthEstimated: z.boolean(),
  age: z.number().nullable(),
  sex: z.string(),
  // Special category fields are absent (not null) when the viewer may not see them.
  genderIdentity: z.string().nullable().optional(),
  sexualOrientation: z.string().nullable().optional(),
  ethnicity: z.string().nullable().optional(),
  religion: z.string().nullable().optional(),
  disability: z.string().nullable().optional(),
  firstLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  send: z.string().nullable(),
  school: z.string().nullable(),
  careStatus: z.string(),
  strengths: z.string().nullable(),
  interests: z.string().nullable(),
  fieldLabels: z.record(z.string(), Label),
  roles: z.array(
    z.object({ role: z.string(), name: z.string(), note: z.string().nullable(), addedAt: z.string() }),
  ),
  addresses: z.array(
    z.object({
      id: z.string(),
      line1: z.string(),
      town: z.string().nullable(),
      postcode: z.string().nullable(),
      fromDate: z.string().nullable(),
      toDate: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  statutoryStatus: z.object({
    current: z.array(
      z.object({ id: z.string(), status: z.string(), name: z.string(), startedOn: z.string() }),
    ),
    history: z.array(
      z.object({
        id: z.string(),
        status: z.string(),
        name: z.string(),
        startedOn: z.string(),
        endedOn: z.string().nullable(),
        reason: z.string(),
        referralId: z.string().nullable(),
      }),
    ),
  }),
  professionals: z.array(Professional),
  leadWorker: Professional.nullable(),
  coWorker: Professional.nullable(),
  harmStatus: z.enum(['suspected', 'known']).nullable(),
  flags: z.array(FlagView),
  observations: z.array(ObservationView),
  caseStatus: z.enum(['open', 'closure_requested', 'closed']),
  pendingClosure: z
    .object({
      id: z.string(),
      reason: z.string(),
      reasonName: z.string(),
      detail: z.string(),
      requestedBy: Ref,
      requestedAt: z.string(),
    })
    .nullable(),
  mergedIntoId: z.string().nullable(),
  mergedRecords: z.array(
    z.object({ mergeId: z.string(), id: z.string(), displayName: z.string(), mergedAt: z.string() }),
  ),
  yourRelationship: z.array(z.string()),
  permissions: z.object({
    update: z.boolean(),
    allocate: z.boolean(),
    addNote: z.boolean(),
    addChronologyEntry: z.boolean(),
    setFlag: z.boolean(),
    requestClosure: z.boolean(),
    approveClosure: z.boolean(),
    reopen: z.boolean(),
    merge: z.boolean(),
    exportChronology: z.boolean(),
  }),
});
export type ChildRecordView = z.infer<typeof ChildRecord>;

export const ChildSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  knownAs: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  dateOfBirthEstimated: z.boolean(),
  school: z.string().nullable(),
  caseStatus: z.string(),
});
export type ChildSummaryView = z.infer<typeof ChildSummary>;

export const MatchResult = z.object({
  child: ChildSummary,
  score: z.number(),
  strength: z.enum(['likely', 'possible']),
  reasons: z.array(z.string()),
});
