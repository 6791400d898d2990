/**
 * Disruption (capability C6): the measures of seed 004 Appendix 2 as data, their eligibility rules and
 * interpreter, and the disruption record with its status lifecycle and expiry work list. Pure domain.
 */
export * from './conditions.ts';
export * from './eligibility.ts';
export * from './measures.ts';
export * from './schema.ts';
