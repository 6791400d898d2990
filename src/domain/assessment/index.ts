/**
 * Assessment as structured professional judgement: versioned instruments (RAF, MACE risk assessment),
 * completed assessments pinned to their instrument version, re-analysis triggers, comparison, the
 * level-over-time chart, MACE rules and sign-off. No score decides. See docs/assessment.md.
 */
export * from './chart.ts';
export * from './compare.ts';
export * from './evidence.ts';
export * from './indicative.ts';
export * from './instruments/continuum.ts';
export {
  MACE_RISK_ASSESSMENT_2025_1,
  MACE_RISK_ASSESSMENT_2025_2,
} from './instruments/mace-risk-assessment.ts';
export { RAF_2025_1 } from './instruments/raf.ts';
export * from './instruments/registry.ts';
export * from './instruments/schema.ts';
export * from './mace.ts';
export * from './reanalysis.ts';
export * from './rules.ts';
export * from './schema.ts';
export * from './signoff.ts';
export * from './vocabulary.ts';
export * from './voices.ts';
