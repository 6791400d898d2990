/**
 * Triage decisions (issue 5 item 2): every item on the triage list gets one of three decisions, each
 * with its reasons: discuss at the MACE meeting, a single-agency action (which agency, doing what), or
 * no further MACE action. A child sent to MACE then needs the statutory-plan check (participation.ts).
 */
import { z } from 'zod';
import { instant, optionalText, personRef, required, text, uuid } from './common.ts';
import { TRIAGE_DECISION_NAMES, TRIAGE_DECISIONS } from './config.ts';
import type { TriageItem, TriageList } from './triage.ts';

const WHY =
  'every triage decision records why it was made, "no further MACE action" included, so the reasoning can ' +
  'be reviewed (issue 5 item 2)';

export const triageDecisionSchema = z
  .strictObject({
    subject: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('child'), childId: uuid }),
      z.strictObject({ kind: z.literal('context'), contextId: uuid }),
    ]),
    decision: z.enum(
      TRIAGE_DECISIONS,
      required(
        'decision',
        `choose one of: ${TRIAGE_DECISIONS.map((d) => TRIAGE_DECISION_NAMES[d].toLowerCase()).join(', ')}`,
        `decision must be one of ${TRIAGE_DECISIONS.join(', ')}`,
      ),
    ),
    reasons: z.array(text(2000)).max(20).optional(),
    /** For a single-agency action: which agency, and what it will do. */
    singleAgency: z
      .strictObject({ agencyId: uuid, agencyName: optionalText(200), action: text(2000) })
      .optional(),
    decidedBy: personRef,
    decidedAt: instant,
  })
  .superRefine((d, ctx) => {
    if (!d.reasons || d.reasons.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: `reasons are required: ${WHY}` });
    }
    if (d.decision === 'single_agency_action' && !d.singleAgency) {
      ctx.addIssue({
        code: 'custom',
        path: ['singleAgency'],
        message:
          'singleAgency is required for a single-agency action: name the agency and the action it will take, so ' +
          'the action can be tracked',
      });
    }
    if (d.decision !== 'single_agency_action' && d.singleAgency) {
      ctx.addIssue({
        code: 'custom',
        path: ['singleAgency'],
        message: `singleAgency is recorded only for a single-agency action, not "${TRIAGE_DECISION_NAMES[d.decision].toLowerCase()}"`,
      });
    }
  });
export type TriageDecisionInput = z.input<typeof triageDecisionSchema>;
export type TriageDecisionRecord = z.output<typeof triageDecisionSchema>;

function subjectKey(
  subject: { kind: 'child'; childId: string } | { kind: 'context'; contextId: string },
): string {
  return subject.kind === 'child' ? `child:${subject.childId}` : `context:${subject.contextId}`;
}

/** The items on the list that have no decision yet: triage is finished when this is empty. */
export function undecidedItems(
  list: Pick<TriageList, 'children' | 'contexts'>,
  decisions: readonly Pick<TriageDecisionRecord, 'subject'>[],
): TriageItem[] {
  const decided = new Set(decisions.map((d) => subjectKey(d.subject)));
  return [...list.children, ...list.contexts].filter((item) => !decided.has(subjectKey(item.subject)));
}

/** The children triage sent to the MACE meeting: each needs the statutory-plan check (participation.ts). */
export function childrenForMace(
  decisions: readonly Pick<TriageDecisionRecord, 'subject' | 'decision'>[],
): string[] {
  return decisions.flatMap((d) =>
    d.decision === 'discuss_at_mace' && d.subject.kind === 'child' ? [d.subject.childId] : [],
  );
}
