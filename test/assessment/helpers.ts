/** Shared set-up for the assessment and plan tests. People and places are fictional (Fernbridge). */
import { expect } from 'vitest';
import { childBody, count, createChild, daysAgo, type People, people } from '../children/fixtures.ts';
import type { Client, Harness } from '../support/harness.ts';

export interface World {
  p: People;
  csc: Client;
  manager: Client;
  police: Client;
  childId: string;
  /** A standard, unverified chronology entry the lead worker can see. */
  entryId: string;
  /** A chronology entry labelled police intelligence. */
  intelEntryId: string;
}

/**
 * A child whose lead worker is a children's services practitioner, with a standard (unverified) entry and
 * a police intelligence entry in the chronology. The police practitioner is an involved professional.
 */
export async function world(
  h: Harness,
  name = { givenName: 'Amelia', familyName: 'Thornbury' },
): Promise<World> {
  const p = await people(h);
  const csc = await h.signedIn(p.csc);
  const manager = await h.signedIn(p.cscManager);
  const police = await h.signedIn(p.police);
  const childId = (await createChild(csc, childBody({ ...name, knownAs: [] }))).id;
  for (const [user, kind] of [
    [p.csc, 'lead_worker'],
    [p.police, 'involved_professional'],
  ] as const) {
    const res = await manager.post(`/api/children/${childId}/professionals`, { userId: user.id, kind });
    expect(res.status, res.text).toBe(201);
  }
  const entry = await csc.post(`/api/children/${childId}/chronology`, {
    occurredAt: `${daysAgo(3)}T15:30:00Z`,
    title: 'Seen getting into a grey car near school',
    summary: 'A teacher saw her get into a grey hatchback driven by an adult man.',
    source: 'Head of year, Fernbridge Academy',
    verification: 'unverified',
  });
  expect(entry.status, entry.text).toBe(201);
  const intel = await police.post(`/api/children/${childId}/chronology`, {
    occurredAt: `${daysAgo(2)}T10:00:00Z`,
    title: 'Intelligence: vehicle linked to a known address',
    summary: 'The grey hatchback is linked to a flat on Quarry Lane.',
    source: 'Police intelligence log',
    verification: 'verified',
    sensitivity: 'police_intelligence',
  });
  expect(intel.status, intel.text).toBe(201);
  return { p, csc, manager, police, childId, entryId: entry.json.id, intelEntryId: intel.json.id };
}

const empty = { type: 'factor_list', factors: [] };

/** A complete Risk Analysis Framework draft, valid against raf@2025.1. */
export function rafDraft(entryId: string, overrides: Record<string, unknown> = {}) {
  return {
    answers: {
      'context.reason': { type: 'choice', value: 'first_analysis' },
      'dev.missing': { type: 'yes_no_unknown', value: 'yes', indicatorRef: 's-missing' },
      'dev.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-car',
            kind: 'risk',
            domain: 'developmental_needs',
            description: 'Collected near school by an adult man in a grey car.',
            indicatorRef: 's-older-controlling',
            evidence: [{ chronologyEntryId: entryId }],
          },
        ],
      },
      'dev.protective_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-tutor',
            kind: 'protective',
            domain: 'developmental_needs',
            description: 'Talks to her form tutor, whom she trusts.',
            evidence: [{ chronologyEntryId: entryId }],
          },
        ],
      },
      'parenting.risk_factors': empty,
      'parenting.protective_factors': empty,
      'env.risk_factors': empty,
      'env.protective_factors': empty,
    },
    analysis: 'An adult man is targeting Amelia near school; she goes with him in his car.',
    balance: 'Her tutor is a protective factor but does not balance the harm from the man in the car.',
    needsToChange: 'The man’s access to Amelia is disrupted; she has a safe adult to call at any hour.',
    judgement: {
      level: 'significant',
      rationale: 'An adult is targeting her and there is no disruption yet.',
    },
    harm: {
      status: 'suspected',
      kinds: ['sexual'],
      description: 'The man in the grey car is suspected of sexually exploiting her.',
    },
    voices: {
      child: {
        status: 'not_obtained',
        reason: 'She did not want to talk this week; her worker will try again on Friday.',
      },
      parentsCarers: [
        {
          status: 'given',
          person: 'Jo Thornbury',
          relationship: 'Mother',
          view: 'Wants her daughter safe and home at night.',
        },
      ],
      agencies: [],
    },
    ...overrides,
  };
}

/** Starts, saves and completes an assessment; returns its id. */
export async function completeRaf(c: Client, childId: string, body: Record<string, unknown>) {
  const started = await c.post(`/api/children/${childId}/assessments`, {
    instrumentId: 'raf',
    instrumentVersion: '2025.1',
  });
  expect(started.status, started.text).toBe(201);
  const id = started.json.id as string;
  const saved = await c.request('PUT', `/api/children/${childId}/assessments/${id}`, body);
  expect(saved.status, saved.text).toBe(200);
  const done = await c.post(`/api/children/${childId}/assessments/${id}/complete`);
  expect(done.status, done.text).toBe(200);
  return id;
}

/** Row counts of every table assessment and planning write, to prove a refusal changed nothing. */
export async function snapshot(h: Harness) {
  const out: Record<string, number> = {};
  for (const t of [
    'assessments',
    'assessment_sign_offs',
    'assessment_settings',
    'plans',
    'plan_objectives',
    'plan_versions',
    'plan_objective_tasks',
    'plain_language_plans',
    'young_person_responses',
    'tasks',
    'chronology_entries',
  ]) {
    out[t] = await count(h, t);
  }
  const updated = await h.db
    .selectFrom('assessments')
    .select((eb) => eb.fn.max('updated_at').as('u'))
    .executeTakeFirst();
  out.lastAssessmentUpdate = updated?.u ? new Date(updated.u as Date).getTime() : 0;
  return out;
}

/** The rule ids a refusal names, from its field messages. */
export function rules(res: { json: { error?: { fields?: { message: string }[]; message?: string } } }) {
  const fields = res.json.error?.fields ?? [];
  return [...new Set(fields.map((f) => /^\[([a-z0-9-]+)\]/.exec(f.message)?.[1] ?? 'shape'))];
}

/** A complete MACE risk assessment draft against mace-risk-assessment@2025.2, with these connections. */
export function maceDraft(entryId: string, connections: Record<string, unknown> = {}) {
  const raf = rafDraft(entryId);
  return {
    ...raf,
    answers: {
      'mace.exploitation': { type: 'choice', value: 'sexual' },
      'mace.statutory_plan': { type: 'choice', value: 'child_in_need' },
      'mace.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'm-car',
            kind: 'risk',
            domain: 'family_and_environment',
            description: 'Collected near school by an adult man in a grey car.',
            evidence: [{ chronologyEntryId: entryId }],
          },
        ],
      },
      'mace.protective_factors': { type: 'factor_list', factors: [] },
      'mace.tasks': {
        type: 'long_text',
        value: 'Police: warning notice to the driver. Licensing: visit the takeaway.',
      },
      ...connections,
    },
  };
}

/** A `context_refs` answer. */
export const refs = (...items: { contextId: string; kind: string; note?: string }[]) => ({
  type: 'context_refs',
  refs: items,
});
