/** The access policy: who may do what with which record or field. See docs/access-matrix.md. */
export * from './actions.ts';
export * from './matrix.ts';
export * from './policy.ts';
export * from './rules.ts';
export * from './types.ts';
