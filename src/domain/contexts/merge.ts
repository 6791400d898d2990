/**
 * A merge of two context records is a proposal that an authorised person confirms. Matching proposes;
 * it never merges. Wrongly merging two people joins one person's intelligence to another's name, so a
 * decision is explicit, recorded with who made it and when, and a rejection says why (so the same pair
 * is not proposed again without new information). Who may decide is the access policy's question.
 */
import { z } from 'zod';
import { CONTEXT_KINDS } from './kinds.ts';
import { ruleMessage, ruleOf } from './rules.ts';

export const MERGE_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type MergeStatus = (typeof MERGE_STATUSES)[number];

const id = z.string().trim().min(1).max(100);

export const mergeProposalSchema = z
  .object({
    id: id.optional(),
    kind: z.enum(CONTEXT_KINDS),
    /** The record that stays. */
    keepId: id,
    /** The record whose links and details move to `keepId`. */
    mergeId: id,
    score: z.number(),
    reasons: z
      .array(z.string().min(1))
      .min(1, { error: ruleMessage('merge.reasons', 'A merge proposal says why') }),
    proposedBy: id,
    proposedAt: z.iso.datetime({ offset: true }),
    status: z.enum(MERGE_STATUSES),
    decidedBy: id.optional(),
    decidedAt: z.iso.datetime({ offset: true }).optional(),
    decisionReason: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.keepId === m.mergeId) {
      ctx.addIssue({
        code: 'custom',
        path: ['mergeId'],
        message: ruleMessage('merge.same-record', 'A record cannot be merged with itself'),
      });
    }
    if (m.status !== 'proposed' && (!m.decidedBy || !m.decidedAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['decidedBy'],
        message: ruleMessage(
          'merge.decision-recorded',
          'A confirmed or rejected merge records who decided and when',
        ),
      });
    }
    if (m.status === 'rejected' && !m.decisionReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['decisionReason'],
        message: ruleMessage(
          'merge.rejection-reason',
          'A rejected merge says why, so it is not proposed again without new information',
        ),
      });
    }
  });

export type MergeProposal = z.output<typeof mergeProposalSchema>;

export type MergeDecision =
  | { ok: true; proposal: MergeProposal }
  | { ok: false; rule: string; message: string };

/** Confirms or rejects a proposal; only a proposal still open can be decided. */
export function decideMerge(
  proposal: MergeProposal,
  decision: { decision: 'confirm' | 'reject'; by: string; at: string; reason?: string },
): MergeDecision {
  if (proposal.status !== 'proposed') {
    return {
      ok: false,
      rule: 'merge.already-decided',
      message: ruleMessage('merge.already-decided', `This proposal was already ${proposal.status}`),
    };
  }
  const next = {
    ...proposal,
    status: decision.decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const),
    decidedBy: decision.by,
    decidedAt: decision.at,
    ...(decision.reason ? { decisionReason: decision.reason } : {}),
  };
  const parsed = mergeProposalSchema.safeParse(next);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid decision';
    return { ok: false, rule: ruleOf(message), message };
  }
  return { ok: true, proposal: parsed.data };
}
