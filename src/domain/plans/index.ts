/**
 * Safety and support plans: sections, objectives with owners, agencies, dates and statuses; the rule
 * that disruption is never empty when harm is suspected or known; the check for objectives aimed at the
 * child's behaviour; the plain-language plan and the young person's response. See docs/assessment.md.
 */
export * from './child-focused-objectives.ts';
export * from './plain-language.ts';
export * from './plain-language-glossary.ts';
export * from './schema.ts';
