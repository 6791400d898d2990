/**
 * The reference part of docs/contexts.md, generated from the data so the document cannot drift from
 * what the code does. A test compares the document with this output (and rewrites it when asked).
 */

import {
  DEFAULT_CONFIRMATION_THRESHOLD,
  GRADING_SCHEME,
  HANDLING_CODE_INFO,
  HANDLING_CODES,
  INTELLIGENCE_ASSESSMENT_INFO,
  INTELLIGENCE_ASSESSMENTS,
  SOURCE_EVALUATION_INFO,
  SOURCE_EVALUATIONS,
} from './grading.ts';
import {
  CONTEXT_KIND_INFO,
  CONTEXT_KINDS,
  LINK_NATURES,
  type LinkNature,
  PLACE_KIND_NAMES,
  PLACE_KINDS,
} from './kinds.ts';
import { LINK_CONFIG } from './link.ts';
import { CONTEXT_MATCH_RULES } from './matching.ts';
import { NAME_EQUIVALENTS } from './normalise.ts';

export const GENERATED_START = '<!-- BEGIN GENERATED (edit the data, not this section) -->';
export const GENERATED_END = '<!-- END GENERATED -->';

function natureRows(scope: LinkNature['scope']): string[] {
  return (LINK_NATURES as readonly LinkNature[])
    .filter((n) => n.scope === scope)
    .map(
      (n) =>
        `| \`${n.id}\` | ${n.label} | ${n.inverseLabel} | ${n.from.join(', ')} → ${n.to.join(', ')} | ${n.connectsChildren ? 'yes' : 'no'} | ${n.description} |`,
    );
}

export function renderContextsReference(): string {
  const lines: string[] = [GENERATED_START, '', '### Context kinds', ''];
  lines.push('| Kind | Name | What it is |', '|---|---|---|');
  for (const k of CONTEXT_KINDS)
    lines.push(`| \`${k}\` | ${CONTEXT_KIND_INFO[k].name} | ${CONTEXT_KIND_INFO[k].description} |`);
  lines.push(
    '',
    '### Place kinds',
    '',
    PLACE_KINDS.map((k) => `\`${k}\` (${PLACE_KIND_NAMES[k]})`).join(' · '),
    '',
  );

  const header = [
    '| Nature | Reads | Other way | Ends | Joins children in groups | Meaning |',
    '|---|---|---|---|---|---|',
  ];
  lines.push(
    '### Link natures: child ↔ context',
    '',
    'Read from the child: "[child] *transported by* [vehicle]".',
    '',
    ...header,
  );
  lines.push(...natureRows('child_context'));
  lines.push('', '### Link natures: context ↔ context', '', ...header, ...natureRows('context_context'), '');

  lines.push(`### Grading: ${GRADING_SCHEME.name}`, '', `Source: ${GRADING_SCHEME.source}.`, '');
  lines.push(
    '**Source evaluation** (how reliable the source is)',
    '',
    '| Grade | Name | In plain English |',
    '|---|---|---|',
  );
  for (const g of SOURCE_EVALUATIONS)
    lines.push(`| ${g} | ${SOURCE_EVALUATION_INFO[g].name} | ${SOURCE_EVALUATION_INFO[g].explanation} |`);
  lines.push(
    '',
    '**Intelligence assessment** (how the source knows it)',
    '',
    '| Grade | Name | In plain English |',
    '|---|---|---|',
  );
  for (const g of INTELLIGENCE_ASSESSMENTS) {
    lines.push(
      `| ${g} | ${INTELLIGENCE_ASSESSMENT_INFO[g].name} | ${INTELLIGENCE_ASSESSMENT_INFO[g].explanation} |`,
    );
  }
  lines.push(
    '',
    '**Handling code** (who it may be shared with)',
    '',
    '| Code | Name | In plain English |',
    '|---|---|---|',
  );
  for (const g of HANDLING_CODES)
    lines.push(`| ${g} | ${HANDLING_CODE_INFO[g].name} | ${HANDLING_CODE_INFO[g].explanation} |`);
  lines.push('');

  lines.push(`### Review dates and default views (configuration ${LINK_CONFIG.version})`, '');
  lines.push(
    `- Default review date: ${LINK_CONFIG.reviewMonthsAfterLastSeen} months after the link was last seen.`,
    `- Latest review date allowed: ${LINK_CONFIG.maxReviewMonthsAfterLastSeen} months after the link was last seen.`,
    `- Confirmed by its grade: source ${DEFAULT_CONFIRMATION_THRESHOLD.sourceEvaluations.join(' or ')} with intelligence ${DEFAULT_CONFIRMATION_THRESHOLD.intelligenceAssessments.join(' or ')}; otherwise confirmed when someone other than the original source corroborates it.`,
    `- Never shown by default: intelligence graded ${LINK_CONFIG.hiddenIntelligenceAssessments.join(', ')}, and withdrawn links.`,
    '',
  );

  lines.push(`### Matching weights and thresholds (version ${CONTEXT_MATCH_RULES.version})`, '');
  lines.push(
    'Points add up to a score; a candidate is proposed as **possible** from `possibleFrom` and **likely** from `likelyFrom`. Values between 0 and 1 are similarity thresholds; distances are in metres.',
    '',
  );
  for (const kind of ['person', 'place', 'vehicle'] as const) {
    lines.push(`**${kind}**`, '', '| Rule | Value |', '|---|---|');
    for (const [k, v] of Object.entries(CONTEXT_MATCH_RULES[kind])) lines.push(`| \`${k}\` | ${v} |`);
    lines.push('');
  }
  lines.push('### Name equivalents', '');
  for (const g of NAME_EQUIVALENTS) lines.push(`- ${g.join(', ')}`);
  lines.push('', GENERATED_END);
  return lines.join('\n');
}
