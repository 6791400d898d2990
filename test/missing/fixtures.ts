/** Builders for the missing episode tests. People and places are fictional (Fernbridge). */
import { expect } from 'vitest';
import { childBody, count, createChild } from '../children/fixtures.ts';
import type { Client, Harness, TestUser } from '../support/harness.ts';

export const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
export const daysAgoAt = (n: number) => hoursAgo(n * 24);

export function episodeBody(childId: string, overrides: Record<string, unknown> = {}) {
  return {
    childId,
    reportedAt: hoursAgo(30),
    lastSeenAt: hoursAgo(32),
    reportedBy: { name: 'Sam Carter', role: 'Residential support worker' },
    missingFrom: { kind: 'home', description: 'Family home, Kestrel Row' },
    protocolCategory: 'missing',
    policeReference: 'FB-2026-0412',
    policeRiskGrade: 'medium',
    ...overrides,
  };
}

export function returnBody(overrides: Record<string, unknown> = {}) {
  return {
    returned: {
      at: hoursAgo(20),
      how: 'found_by_police',
      where: { description: 'Bus station, Mill Road' },
      whoWith: [{ description: 'An adult man in his twenties, known as "Dee"' }],
    },
    ...overrides,
  };
}

export function offerBody(episodeId: string, overrides: Record<string, unknown> = {}) {
  return {
    episodeId,
    status: 'offered',
    offer: {
      offeredAt: hoursAgo(10),
      offeredBy: { name: 'Jess Whitcombe', role: 'Return interview worker' },
    },
    ...overrides,
  };
}

/** A child with `lead` as lead worker, allocated by a children's social care manager. */
export async function childWithLead(
  creator: Client,
  manager: Client,
  lead: TestUser,
  name: { givenName: string; familyName: string },
) {
  const child = await createChild(creator, childBody({ ...name, knownAs: [], dateOfBirth: '2010-04-11' }));
  const res = await manager.post(`/api/children/${child.id}/professionals`, {
    userId: lead.id,
    kind: 'lead_worker',
  });
  expect(res.status, res.text).toBe(201);
  return child.id;
}

/** Row counts of everything a missing-episode request can write. */
export async function missingSnapshot(h: Harness) {
  const tables = [
    'missing_episodes',
    'missing_interviews',
    'missing_interview_statuses',
    'missing_mentions',
    'missing_triage_nominations',
    'chronology_entries',
    'tasks',
  ] as const;
  const out = {} as Record<(typeof tables)[number], number>;
  for (const t of tables) out[t] = await count(h, t);
  return out;
}
