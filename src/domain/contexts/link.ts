/**
 * A link: a child connected to a context, or two contexts connected to each other, with where the
 * information came from and how sure we are of it.
 *
 * Every link has a source (agency and author), a 3×5×2 grading and a review date. Mapping can label
 * children (anchor-systems §4.3: Bedfordshire practitioners' ethical caution; Leeds: avoid "names used
 * as fact by other services"), so an unconfirmed link is not kept in front of people for ever: after its
 * review date it drops out of the default views unless its grade meets the confirmation threshold or a
 * second source has confirmed it. It is not deleted — it stays on the record, with its history, for
 * those who look for it.
 *
 * DANGER: changing LINK_CONFIG or `defaultViewStatus` changes which connections MACE members see by
 * default.
 */
import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../access/types.ts';
import { addMonths, type IsoDate, isoDateSchema, toIsoDate } from './dates.ts';
import {
  type ConfirmationThreshold,
  DEFAULT_CONFIRMATION_THRESHOLD,
  type Grading,
  gradingSchema,
  type IntelligenceAssessment,
  meetsThreshold,
} from './grading.ts';
import {
  CONTEXT_KINDS,
  type ContextKind,
  type EndpointKind,
  findLinkNature,
  type LinkScope,
  natureAllows,
} from './kinds.ts';
import { ruleMessage } from './rules.ts';

export interface LinkConfig {
  readonly version: string;
  /** Default review date: this many months after the link was last seen. */
  readonly reviewMonthsAfterLastSeen: number;
  /** A review date may not be set further than this after the link was last seen. */
  readonly maxReviewMonthsAfterLastSeen: number;
  /** Grades that count as confirmed without a second source. */
  readonly confirmation: ConfirmationThreshold;
  /** Intelligence assessments never shown by default (E: suspected to be false). */
  readonly hiddenIntelligenceAssessments: readonly IntelligenceAssessment[];
}

export const LINK_CONFIG: LinkConfig = {
  version: '2025.1',
  reviewMonthsAfterLastSeen: 6,
  maxReviewMonthsAfterLastSeen: 12,
  confirmation: DEFAULT_CONFIRMATION_THRESHOLD,
  hiddenIntelligenceAssessments: ['E'],
};

const id = (rule: string, field: string) =>
  z
    .string({ error: ruleMessage(rule, `${field} is required`) })
    .trim()
    .min(1, { error: ruleMessage(rule, `${field} is required`) })
    .max(100);

const endpointKinds = ['child', ...CONTEXT_KINDS] as const;

const endpointSchema = z
  .object({
    kind: z.enum(endpointKinds, {
      error: ruleMessage(
        'link.endpoint',
        `An end of a link is a child or one of: ${CONTEXT_KINDS.join(', ')}`,
      ),
    }),
    id: id('link.endpoint', 'The id of each end of the link'),
  })
  .strict();

const contextEndpointSchema = z
  .object({
    kind: z.enum(CONTEXT_KINDS, {
      error: ruleMessage('link.endpoint', `A link points to a context: one of ${CONTEXT_KINDS.join(', ')}`),
    }),
    id: id('link.endpoint', 'The id of each end of the link'),
  })
  .strict();

const SOURCE_MISSING = ruleMessage(
  'link.source-required',
  'A link needs its source: the agency it came from (source.agencyId) and who recorded it (source.authorId)',
);

const sourceSchema = z
  .object(
    {
      agencyId: id('link.source-required', 'The source agency (source.agencyId)'),
      authorId: id('link.source-required', 'The author (source.authorId)'),
      /** The agency's own reference, e.g. an intelligence log number. */
      reference: z.string().trim().max(100).optional(),
    },
    { error: SOURCE_MISSING },
  )
  .strict();

const corroborationSchema = z
  .object({
    agencyId: id('link.corroboration', 'The corroborating agency'),
    authorId: id('link.corroboration', 'Who recorded the corroboration'),
    on: isoDateSchema('link.corroboration', 'The corroboration date'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

const withdrawalSchema = z
  .object({
    on: isoDateSchema('link.withdrawn', 'The withdrawal date'),
    byUserId: id('link.withdrawn', 'Who withdrew the link'),
    reason: z
      .string({ error: ruleMessage('link.withdrawn', 'Withdrawing a link needs a reason') })
      .trim()
      .min(3, { error: ruleMessage('link.withdrawn', 'Withdrawing a link needs a reason') })
      .max(2000),
  })
  .strict();

const baseLinkSchema = z
  .object({
    id: z.string().trim().min(1).max(100).optional(),
    from: endpointSchema,
    to: contextEndpointSchema,
    nature: z.string({
      error: ruleMessage('link.nature', 'A link needs its nature (seen with, lives at, …)'),
    }),
    /** Derived from the ends; accepted so a stored link can be checked again as it is. */
    scope: z.enum(['child_context', 'context_context']).optional(),
    firstSeen: isoDateSchema('link.first-seen', 'First seen (firstSeen)'),
    /** Defaults to firstSeen. */
    lastSeen: isoDateSchema('link.last-seen', 'Last seen (lastSeen)').optional(),
    source: sourceSchema,
    grading: gradingSchema,
    sensitivity: z.enum(SENSITIVITY_LABELS, {
      error: ruleMessage(
        'link.sensitivity',
        `A link needs a sensitivity label: one of ${SENSITIVITY_LABELS.join(', ')}`,
      ),
    }),
    /** Defaults to LINK_CONFIG.reviewMonthsAfterLastSeen after lastSeen. */
    reviewDate: isoDateSchema('link.review-date', 'The review date (reviewDate)').optional(),
    corroborations: z.array(corroborationSchema).max(50).default([]),
    note: z.string().trim().max(4000).optional(),
    withdrawn: withdrawalSchema.optional(),
  })
  .strict();

export type LinkInput = z.input<typeof baseLinkSchema>;

export interface Link {
  id?: string;
  from: { kind: EndpointKind; id: string };
  to: { kind: ContextKind; id: string };
  nature: string;
  scope: LinkScope;
  firstSeen: IsoDate;
  lastSeen: IsoDate;
  source: { agencyId: string; authorId: string; reference?: string };
  grading: Grading;
  sensitivity: (typeof SENSITIVITY_LABELS)[number];
  reviewDate: IsoDate;
  corroborations: { agencyId: string; authorId: string; on: IsoDate; note?: string }[];
  note?: string;
  withdrawn?: { on: IsoDate; byUserId: string; reason: string };
}

/** The link schema with a partnership's configuration (review period, confirmation threshold). */
export function makeLinkSchema(config: LinkConfig = LINK_CONFIG) {
  return baseLinkSchema
    .superRefine((link, ctx) => {
      const scope: LinkScope = link.from.kind === 'child' ? 'child_context' : 'context_context';
      if (link.scope && link.scope !== scope) {
        ctx.addIssue({
          code: 'custom',
          path: ['scope'],
          message: ruleMessage(
            'link.scope',
            `A link from a ${link.from.kind} is a ${scope} link, not ${link.scope}`,
          ),
        });
      }
      const nature = findLinkNature(link.nature, scope);
      if (!nature) {
        ctx.addIssue({
          code: 'custom',
          path: ['nature'],
          message: ruleMessage(
            'link.nature',
            `"${link.nature}" is not a nature of ${scope === 'child_context' ? 'a link from a child to a context' : 'a link between two contexts'}`,
          ),
        });
      } else if (!natureAllows(nature, link.from.kind, link.to.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['nature'],
          message: ruleMessage(
            'link.nature-endpoints',
            `"${nature.label}" links ${nature.from.join(' or ')} to ${nature.to.join(' or ')}, not ${link.from.kind} to ${link.to.kind}`,
          ),
        });
      }
      if (link.from.kind === link.to.kind && link.from.id === link.to.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: ruleMessage('link.self', 'A context cannot be linked to itself'),
        });
      }
      const lastSeen = link.lastSeen ?? link.firstSeen;
      if (link.lastSeen && link.lastSeen < link.firstSeen) {
        ctx.addIssue({
          code: 'custom',
          path: ['lastSeen'],
          message: ruleMessage(
            'link.seen-order',
            `Last seen (${link.lastSeen}) cannot be before first seen (${link.firstSeen})`,
          ),
        });
      }
      if (link.reviewDate) {
        if (link.reviewDate < lastSeen) {
          ctx.addIssue({
            code: 'custom',
            path: ['reviewDate'],
            message: ruleMessage(
              'link.review-after-seen',
              `The review date (${link.reviewDate}) cannot be before the link was last seen (${lastSeen})`,
            ),
          });
        }
        const limit = addMonths(lastSeen, config.maxReviewMonthsAfterLastSeen);
        if (link.reviewDate > limit) {
          ctx.addIssue({
            code: 'custom',
            path: ['reviewDate'],
            message: ruleMessage(
              'link.review-date-limit',
              `The review date may be at most ${config.maxReviewMonthsAfterLastSeen} months after the link was last seen (${limit}), so that unconfirmed links do not label children for ever`,
            ),
          });
        }
      }
      link.corroborations.forEach((c, i) => {
        if (c.authorId === link.source.authorId && c.agencyId === link.source.agencyId) {
          ctx.addIssue({
            code: 'custom',
            path: ['corroborations', i, 'authorId'],
            message: ruleMessage(
              'link.corroboration-independent',
              'A corroboration must come from someone other than the original source',
            ),
          });
        }
      });
    })
    .transform((link): Link => {
      const lastSeen = link.lastSeen ?? link.firstSeen;
      const scope: LinkScope = link.from.kind === 'child' ? 'child_context' : 'context_context';
      return {
        ...link,
        scope,
        lastSeen,
        reviewDate: link.reviewDate ?? addMonths(lastSeen, config.reviewMonthsAfterLastSeen),
      };
    });
}

export const linkSchema = makeLinkSchema();

/** Why a link is or is not in the default views. */
export type DefaultViewReason =
  | 'confirmed'
  | 'unconfirmed_before_review'
  | 'unconfirmed_past_review'
  | 'suspected_false'
  | 'withdrawn';

export interface DefaultViewStatus {
  visible: boolean;
  confirmed: boolean;
  /** Past its review date: on the author's and the lead worker's review list. */
  reviewDue: boolean;
  reason: DefaultViewReason;
  explanation: string;
}

type ViewableLink = Pick<Link, 'grading' | 'reviewDate' | 'corroborations' | 'source' | 'withdrawn'>;

/** Confirmed: the grade meets the threshold, or someone other than the original source confirmed it. */
export function isConfirmed(link: ViewableLink, config: LinkConfig = LINK_CONFIG): boolean {
  if (meetsThreshold(link.grading, config.confirmation)) return true;
  return link.corroborations.some((c) => c.authorId !== link.source.authorId);
}

export function defaultViewStatus(
  link: ViewableLink,
  now: Date | IsoDate,
  config: LinkConfig = LINK_CONFIG,
): DefaultViewStatus {
  const today = toIsoDate(now);
  const reviewDue = today > link.reviewDate;
  if (link.withdrawn) {
    return {
      visible: false,
      confirmed: false,
      reviewDue: false,
      reason: 'withdrawn',
      explanation: `Withdrawn on ${link.withdrawn.on}: ${link.withdrawn.reason}`,
    };
  }
  if (config.hiddenIntelligenceAssessments.includes(link.grading.intelligence)) {
    return {
      visible: false,
      confirmed: false,
      reviewDue,
      reason: 'suspected_false',
      explanation: 'Graded as suspected to be false: kept on the record, not shown as a connection.',
    };
  }
  const confirmed = isConfirmed(link, config);
  if (confirmed) {
    return {
      visible: true,
      confirmed,
      reviewDue,
      reason: 'confirmed',
      explanation: reviewDue
        ? `Confirmed; its review date (${link.reviewDate}) has passed, so check it is still current.`
        : 'Confirmed by its grade or by a second source.',
    };
  }
  if (reviewDue) {
    return {
      visible: false,
      confirmed,
      reviewDue,
      reason: 'unconfirmed_past_review',
      explanation: `Not confirmed by its grade or a second source, and its review date (${link.reviewDate}) has passed: no longer shown by default so that it does not label the child.`,
    };
  }
  return {
    visible: true,
    confirmed,
    reviewDue,
    reason: 'unconfirmed_before_review',
    explanation: `Unconfirmed: shown as unverified until ${link.reviewDate} unless it is confirmed.`,
  };
}

/** Whether the link appears in default views (child's connections, network, MACE group view) today. */
export function isInDefaultView(
  link: ViewableLink,
  now: Date | IsoDate,
  config: LinkConfig = LINK_CONFIG,
): boolean {
  return defaultViewStatus(link, now, config).visible;
}
