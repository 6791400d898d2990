/**
 * Assessment: instruments as published, assessments pinned to their version, sign-off, re-analysis.
 * `reanalysesDueFor` is what "My work" and managers' views show as due and overdue re-analyses.
 */
export { type ReanalysisDueItem, reanalysesDueFor, reanalysisFor } from './reanalysis.ts';
export { assessmentRoutes } from './routes.ts';
