/**
 * Contexts and connections (capability C5): persons of concern, places, peer groups, online spaces,
 * vehicles and businesses; graded, sourced links between them and children; matching across agencies;
 * and the MACE group view. Pure domain: no I/O.
 */
export * from './dates.ts';
export {
  type EvaluationSet,
  evaluateMatching,
  generateEvaluationSet,
  type MatchingEvaluation,
} from './evaluation.ts';
export * from './grading.ts';
export * from './groups.ts';
export * from './kinds.ts';
export * from './link.ts';
export * from './matching.ts';
export * from './merge.ts';
export * from './normalise.ts';
export * from './records.ts';
export * from './rules.ts';
export { jaro, jaroWinkler, tokenNameSimilarity, trigramSimilarity } from './similarity.ts';
