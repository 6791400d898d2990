/** Request and response shapes of challenge and amend (challenges to the wording of finalised notes). */
import { z } from 'zod';
import { CHALLENGE_STATUSES } from '../../domain/language/challenges.ts';
import { Finding } from './schemas.ts';

const Uuid = z.uuid({ message: 'must be a valid id' });
const Ref = z.object({ id: z.string(), name: z.string() });

export const NoteChallengeParams = z.strictObject({ id: Uuid, noteId: Uuid });
export const ChallengeParams = NoteChallengeParams.extend({ challengeId: Uuid });

const ruleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a rule id, like putting-self-at-risk')
  .max(100);

export const RaiseBody = z.strictObject({
  /** The version read: it must still be the note's current version. */
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'must say why the wording should change').max(2000),
  suggestedWording: z.string().trim().min(1, 'must give the wording to use instead').max(50000),
  /** The words challenged; without it, the suggested wording replaces the whole note. */
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
  record: z.object({ type: z.literal('note'), id: z.string(), childId: z.string() }),
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
  /** The note version the acceptance created. */
  amendedVersion: z.number().nullable(),
  permissions: z.object({ withdraw: z.boolean(), decide: z.boolean() }),
});

export const NoteChallengesResponse = z.object({
  /** Whether this viewer may challenge the note's wording now (a finalised note they can read). */
  mayRaise: z.boolean(),
  /** The note's current version: the one a new challenge is about. */
  version: z.number(),
  challenges: z.array(Challenge),
});

export const ChallengeResponse = z.object({ challenge: Challenge });

export const WordingFindingsResponse = z.object({
  version: z.number(),
  lexiconVersion: z.string(),
  findings: z.array(Finding),
});

export const ToDecideQuery = z.strictObject({ status: z.enum(CHALLENGE_STATUSES).optional() });

export const ToDecideResponse = z.object({
  challenges: z.array(
    Challenge.extend({
      child: Ref,
      note: z.object({ id: z.string(), typeName: z.string(), occurredAt: z.string(), author: Ref }),
    }),
  ),
});
