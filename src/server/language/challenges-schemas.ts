/**
 * Request and response shapes of challenge and amend: challenges to the wording of finalised records
 * (case notes, referrals, completed assessments, the shareable minutes of held meetings).
 */
import { z } from 'zod';
import { CHALLENGE_STATUSES } from '../../domain/language/challenges.ts';
import { WORDING_RECORD_TYPES } from './records.ts';
import { Finding } from './schemas.ts';

const Uuid = z.uuid({ message: 'must be a valid id' });
const Ref = z.object({ id: z.string(), name: z.string() });

/** The path of one record: the child, and the record's id under the name its own routes use. */
export const recordParams = (param: string) => z.strictObject({ id: Uuid, [param]: Uuid });
export const challengeParams = (param: string) =>
  z.strictObject({ id: Uuid, [param]: Uuid, challengeId: Uuid });

/** Which text of the record: checked against the record's own texts (400 naming `field`, listing them). */
const field = z.string().min(1, 'must name a text of the record, like body or judgement.rationale').max(120);

export const FieldQuery = z.strictObject({ field: field.optional() });

const ruleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a rule id, like putting-self-at-risk')
  .max(100);

export const RaiseBody = z.strictObject({
  /** Which text of the record; without it, the record's first (a note's body, a referral's narrative). */
  field: field.optional(),
  /** The version read: it must still be the text's current version. */
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'must say why the wording should change').max(2000),
  suggestedWording: z.string().trim().min(1, 'must give the wording to use instead').max(50000),
  /** The words challenged; without it, the suggested wording replaces the whole text. */
  span: z
    .strictObject({
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      text: z.string().min(1).max(50000),
    })
    .optional(),
  /** When raised from one of the language assistant's findings. */
  ruleId: ruleId.optional(),
  lexiconVersion: z.string().min(1).max(200).optional(),
});

export const DecisionBody = z.strictObject({
  decision: z.enum(['accept', 'decline'], { message: 'must be accept or decline' }),
  /** Required to decline: why the wording stays. Optional when accepting. */
  reason: z.string().trim().min(1).max(2000).optional(),
  /** Wording to use instead of the suggestion, when accepting. */
  wording: z.string().trim().min(1).max(50000).optional(),
});

export const Challenge = z.object({
  id: z.string(),
  record: z.object({
    type: z.enum(WORDING_RECORD_TYPES),
    id: z.string(),
    childId: z.string(),
    /** Which text of the record, and what it is called. */
    field: z.string(),
    fieldName: z.string().nullable(),
  }),
  version: z.number(),
  span: z.object({ start: z.number(), end: z.number(), text: z.string() }).nullable(),
  reason: z.string(),
  suggestedWording: z.string(),
  ruleId: z.string().nullable(),
  lexiconVersion: z.string().nullable(),
  raisedBy: Ref,
  raisedAgency: Ref,
  raisedAt: z.string(),
  status: z.enum(CHALLENGE_STATUSES),
  statusName: z.string(),
  decidedBy: Ref.nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** The wording the decider used, where it differs from the suggestion. */
  amendedWording: z.string().nullable(),
  /** The version of the text the acceptance created. */
  amendedVersion: z.number().nullable(),
  permissions: z.object({ withdraw: z.boolean(), decide: z.boolean() }),
});

const Author = z.object({ name: z.string(), agencyName: z.string() });

export const ChallengesResponse = z.object({
  /** Whether this viewer may challenge some text of the record now (a finalised record they can read). */
  mayRaise: z.boolean(),
  /** The current version of the record's first text (a note's body): the one a new challenge is about. */
  version: z.number(),
  /** What the record is, and who wrote it (they, or a manager in their agency, decide). */
  title: z.string(),
  author: Author,
  /** Each text of the record that may be challenged. */
  /** Each text of the record, and why it cannot be challenged now (null when it can). */
  fields: z.array(
    z.object({
      field: z.string(),
      fieldName: z.string(),
      version: z.number(),
      mayRaise: z.boolean(),
      whyNot: z.string().nullable(),
    }),
  ),
  challenges: z.array(Challenge),
  /** Versions of the wording kept outside the record (not for notes, which keep their own versions). */
  history: z.array(
    z.object({
      field: z.string(),
      version: z.number(),
      text: z.string(),
      reason: z.string().nullable(),
      challengeId: z.string().nullable(),
      amendedAt: z.string().nullable(),
      amendedBy: z.string().nullable(),
    }),
  ),
});

export const ChallengeResponse = z.object({ challenge: Challenge });

export const WordingFindingsResponse = z.object({
  field: z.string(),
  fieldName: z.string(),
  title: z.string(),
  occurredAt: z.string(),
  author: Author,
  /** The text as it is now, and its version. */
  text: z.string(),
  version: z.number(),
  mayRaise: z.boolean(),
  /** Why the text cannot be challenged now ("the meeting has not been held …"); null when it can. */
  whyNot: z.string().nullable(),
  fields: z.array(z.object({ field: z.string(), fieldName: z.string() })),
  lexiconVersion: z.string(),
  findings: z.array(Finding),
});

export const ToDecideQuery = z.strictObject({ status: z.enum(CHALLENGE_STATUSES).optional() });

export const ToDecideResponse = z.object({
  challenges: z.array(
    Challenge.extend({
      child: Ref,
      subject: z.object({
        type: z.enum(WORDING_RECORD_TYPES),
        id: z.string(),
        title: z.string(),
        occurredAt: z.string(),
        author: Ref,
      }),
    }),
  ),
});
