/**
 * Test fixtures for the access policy: viewers by role and agency type, and every shape of relationship.
 * Used only by the tests beside this file; not exported from the capability's index.
 */

import {
  type AgencyType,
  type ChildRelationship,
  NO_RELATIONSHIP,
  RELATIONSHIP_FLAG,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  type Role,
  type Viewer,
} from './types.ts';

export const OWN_AGENCY_ID = 'agency-own';
export const OTHER_AGENCY_ID = 'agency-other';

export function makeViewer(roles: Role | readonly Role[], agencyType: AgencyType): Viewer {
  return {
    userId: `user-${agencyType}-${String(roles)}`,
    agencyId: OWN_AGENCY_ID,
    agencyType,
    roles: typeof roles === 'string' ? [roles] : roles,
    teamIds: ['team-1'],
  };
}

/** A relationship holding exactly the given kinds. */
export function relationship(...kinds: RelationshipKind[]): ChildRelationship {
  const rel: ChildRelationship = { ...NO_RELATIONSHIP };
  for (const kind of kinds) rel[RELATIONSHIP_FLAG[kind]] = true;
  return rel;
}

/** All 128 combinations of relationship flags, each with the kinds it holds (for readable failures). */
export const EVERY_RELATIONSHIP: readonly { kinds: RelationshipKind[]; rel: ChildRelationship }[] =
  Array.from({ length: 2 ** RELATIONSHIP_KINDS.length }, (_, bits) => {
    const kinds = RELATIONSHIP_KINDS.filter((_, i) => (bits & (1 << i)) !== 0);
    return { kinds, rel: relationship(...kinds) };
  });
