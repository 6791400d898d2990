/**
 * Test data for assessments: synthetic, about a fictional child ("Amy") in a fictional partnership.
 * Used by the tests beside the code; never by production code.
 */
import type { EvidenceLink } from './evidence.ts';
import { type Assessment, type AssessmentInput, assessmentSchema } from './schema.ts';

/** A valid version-4 UUID built from a number, so tests can name their ids. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const IDS = {
  child: uuid(1),
  worker: uuid(2),
  manager: uuid(3),
  plan: uuid(4),
  assessment: uuid(5),
  laterAssessment: uuid(6),
} as const;

export function evidence(n: number, verification: EvidenceLink['verification'] = 'verified'): EvidenceLink {
  return {
    chronologyEntryId: uuid(1000 + n),
    source: { agency: 'Children’s Services', by: 'Lead worker' },
    verification,
  };
}

export function rafInput(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    id: IDS.assessment,
    childId: IDS.child,
    instrumentId: 'raf',
    instrumentVersion: '2025.1',
    completedAt: '2026-03-02T10:00:00Z',
    completedBy: { userId: IDS.worker, name: 'Sam Okafor', agency: 'Children’s Services' },
    answers: {
      'context.reason': { type: 'choice', value: 'first_analysis' },
      'dev.missing': { type: 'yes_no_unknown', value: 'yes', indicatorRef: 's-missing' },
      'dev.disability': { type: 'yes_no_unknown', value: 'no', indicatorRef: 'v-disability' },
      'dev.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-missing',
            kind: 'risk',
            domain: 'developmental_needs',
            description:
              'Missing three times in February; found each time at the same flat in the town centre.',
            indicatorRef: 's-missing',
            evidence: [evidence(1)],
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
            indicatorRef: 'p-trusted-adult',
            evidence: [evidence(2, 'unverified')],
          },
        ],
      },
      'parenting.risk_factors': { type: 'factor_list', factors: [] },
      'parenting.protective_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-mum',
            kind: 'protective',
            domain: 'parenting_capacity',
            description: 'Her mum reports every missing episode at once and wants help to keep Amy safe.',
            evidence: [evidence(3)],
          },
        ],
      },
      'env.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'f-person-a',
            kind: 'risk',
            domain: 'family_and_environment',
            description:
              'An adult man (Person A) collects Amy by car near school; police intelligence links him to the flat.',
            indicatorRef: 's-older-controlling',
            evidence: [evidence(4, 'unverified')],
          },
        ],
      },
      'env.protective_factors': { type: 'factor_list', factors: [] },
    },
    analysis:
      'Amy is being targeted by an adult who collects her from near school and takes her to a flat. Her missing episodes follow contact from him.',
    balance:
      'Her mum and her tutor are strong protective factors, but they do not balance the harm from Person A.',
    judgement: {
      level: 'significant',
      rationale:
        'An adult is targeting Amy, she goes missing to the flat he is linked to, and there is no disruption yet.',
    },
    harm: {
      status: 'suspected',
      kinds: ['sexual'],
      description: 'Person A is suspected of sexually exploiting Amy at the flat.',
    },
    needsToChange:
      'Person A’s access to Amy is disrupted; Amy has a safe way to reach her mum or worker at any hour.',
    voices: {
      child: {
        status: 'given',
        inTheirOwnWords: true,
        words: 'I want to stay at my nan’s. I don’t want the police coming to school.',
        howExpressed: 'spoken',
        on: '2026-02-27',
      },
      parentsCarers: [
        {
          status: 'given',
          person: 'Jo Reed',
          relationship: 'Mother',
          view: 'Wants Amy home and safe; worried the police are not doing enough.',
        },
      ],
      agencies: [
        {
          status: 'given',
          agency: 'Northfield Academy',
          view: 'Attendance has dropped; Amy is collected by car at lunch.',
        },
        {
          status: 'not_obtained',
          agency: 'Police',
          reason: 'Intelligence check requested on 25 February; not returned yet.',
        },
      ],
    },
    ...overrides,
  };
}

export function maceInput(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  const base = rafInput();
  return {
    ...base,
    id: uuid(7),
    instrumentId: 'mace-risk-assessment',
    instrumentVersion: '2025.1',
    answers: {
      'mace.exploitation': { type: 'choice', value: 'both' },
      'mace.statutory_plan': { type: 'choice', value: 'child_in_need' },
      'mace.ind.missing': { type: 'yes_no_unknown', value: 'yes', indicatorRef: 's-missing' },
      'mace.risk_factors': {
        type: 'factor_list',
        factors: [
          {
            id: 'm-person-a',
            kind: 'risk',
            domain: 'family_and_environment',
            description: 'Person A collects Amy by car; she is found at his flat.',
            evidence: [evidence(4, 'unverified')],
          },
        ],
      },
      'mace.protective_factors': { type: 'factor_list', factors: [] },
      'mace.connections.persons': { type: 'long_text', value: 'Person A, adult man, grey hatchback.' },
      'mace.young_person.safety': {
        type: 'voice',
        voice: { status: 'given', words: 'I’m fine. He looks after me.', inTheirOwnWords: true },
      },
      'mace.tasks': { type: 'long_text', value: 'Police: CAWN to Person A. Licensing: check the flat.' },
    },
    ...overrides,
  };
}

export function parse(input: AssessmentInput): Assessment {
  return assessmentSchema.parse(input);
}
