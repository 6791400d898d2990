/**
 * Everything the contexts screens need to offer choices and explain them, from the domain's data:
 * kinds, link natures, the 3×5×2 grading in plain English, labels (with those this viewer may give),
 * review periods, and the caveat that goes with counts.
 */
import { z } from 'zod';
import { decide } from '../../domain/access/policy.ts';
import { SENSITIVITY_LABEL_NAMES, SENSITIVITY_LABELS, type Viewer } from '../../domain/access/types.ts';
import {
  BUSINESS_SECTOR_NAMES,
  BUSINESS_SECTORS,
  CONTEXT_KIND_INFO,
  CONTEXT_KINDS,
  DEFAULT_CONFIRMATION_THRESHOLD,
  DEFAULT_MINIMUM_GRADE,
  GRADING_SCHEME,
  HANDLING_CODE_INFO,
  HANDLING_CODES,
  INTELLIGENCE_ASSESSMENT_INFO,
  INTELLIGENCE_ASSESSMENTS,
  LINK_CONFIG,
  LINK_NATURES,
  MOST_LINKED_CAVEAT,
  ONLINE_PLATFORM_NAMES,
  ONLINE_PLATFORMS,
  ONLINE_SPACE_KINDS,
  PLACE_KIND_NAMES,
  PLACE_KINDS,
  SOURCE_EVALUATION_INFO,
  SOURCE_EVALUATIONS,
} from '../../domain/contexts/index.ts';
import { labelsOnContexts } from './visibility.ts';

const Option = z.object({ id: z.string(), name: z.string() });
const Grade = z.object({ id: z.string(), name: z.string(), explanation: z.string() });

export const Reference = z.object({
  kinds: z.array(Option.extend({ description: z.string() })),
  placeKinds: z.array(Option),
  platforms: z.array(Option),
  onlineSpaceKinds: z.array(z.string()),
  businessSectors: z.array(Option),
  natures: z.array(
    z.object({
      id: z.string(),
      scope: z.string(),
      label: z.string(),
      inverseLabel: z.string(),
      from: z.array(z.string()),
      to: z.array(z.string()),
      description: z.string(),
      connectsChildren: z.boolean(),
    }),
  ),
  grading: z.object({
    name: z.string(),
    source: z.string(),
    sourceEvaluations: z.array(Grade),
    intelligenceAssessments: z.array(Grade),
    handlingCodes: z.array(Grade),
    confirmation: z.string(),
  }),
  sensitivity: z.array(Option.extend({ usable: z.boolean() })),
  reviewMonths: z.number(),
  maxReviewMonths: z.number(),
  defaultMinimumGrade: z.object({ source: z.string(), intelligence: z.string() }),
  caveat: z.object({ text: z.string(), source: z.string() }),
  permissions: z.object({ record: z.boolean(), groupView: z.boolean(), decideMerges: z.boolean() }),
});

export function contextReference(viewer: Viewer): z.infer<typeof Reference> {
  const usable = labelsOnContexts(viewer);
  const confirmation = DEFAULT_CONFIRMATION_THRESHOLD;
  return {
    kinds: CONTEXT_KINDS.map((id) => ({ id, ...CONTEXT_KIND_INFO[id] })),
    placeKinds: PLACE_KINDS.map((id) => ({ id, name: PLACE_KIND_NAMES[id] })),
    platforms: ONLINE_PLATFORMS.map((id) => ({ id, name: ONLINE_PLATFORM_NAMES[id] })),
    onlineSpaceKinds: [...ONLINE_SPACE_KINDS],
    businessSectors: BUSINESS_SECTORS.map((id) => ({ id, name: BUSINESS_SECTOR_NAMES[id] })),
    natures: LINK_NATURES.map((n) => ({
      id: n.id,
      scope: n.scope,
      label: n.label,
      inverseLabel: n.inverseLabel,
      from: [...n.from],
      to: [...n.to],
      description: n.description,
      connectsChildren: n.connectsChildren,
    })),
    grading: {
      name: GRADING_SCHEME.name,
      source: GRADING_SCHEME.source,
      sourceEvaluations: SOURCE_EVALUATIONS.map((id) => ({ id, ...SOURCE_EVALUATION_INFO[id] })),
      intelligenceAssessments: INTELLIGENCE_ASSESSMENTS.map((id) => ({
        id,
        ...INTELLIGENCE_ASSESSMENT_INFO[id],
      })),
      handlingCodes: HANDLING_CODES.map((id) => ({ id, ...HANDLING_CODE_INFO[id] })),
      confirmation: `A link counts as confirmed when its source is ${confirmation.sourceEvaluations.join(' or ')} and its intelligence ${confirmation.intelligenceAssessments.join(' or ')}, or when someone other than the original source has corroborated it. An unconfirmed link is shown as unverified until its review date, then drops out of the default views (it stays on the record).`,
    },
    sensitivity: SENSITIVITY_LABELS.map((id) => ({
      id,
      name: SENSITIVITY_LABEL_NAMES[id],
      usable: usable.includes(id),
    })),
    reviewMonths: LINK_CONFIG.reviewMonthsAfterLastSeen,
    maxReviewMonths: LINK_CONFIG.maxReviewMonthsAfterLastSeen,
    defaultMinimumGrade: DEFAULT_MINIMUM_GRADE,
    caveat: MOST_LINKED_CAVEAT,
    permissions: {
      record: decide(viewer, 'context.manage').allowed,
      groupView: decide(viewer, 'context.read').allowed,
      decideMerges: decide(viewer, 'context.manage').allowed,
    },
  };
}
