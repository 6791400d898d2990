import { describe, expect, it } from 'vitest';
import { maceInput, uuid } from './fixtures.ts';
import {
  MACE_RISK_ASSESSMENT_2025_1,
  MACE_RISK_ASSESSMENT_2025_2,
} from './instruments/mace-risk-assessment.ts';
import { getInstrument, latestInstrument, MACE_RISK_ASSESSMENT_ID } from './instruments/registry.ts';
import { instrumentSchema, promptsById } from './instruments/schema.ts';
import type { Problem } from './rules.ts';
import { type AssessmentInput, contextRefsOf, validateAssessment } from './schema.ts';

type Answers = AssessmentInput['answers'];

const PERSON = uuid(9001);
const PLACE = uuid(9002);

/** A MACE risk assessment pinned to 2025.2, with its connections linked to context records. */
function mace2(answers: Answers = {}): AssessmentInput {
  const base = maceInput();
  const { 'mace.connections.persons': _free, ...rest } = base.answers;
  return {
    ...base,
    instrumentVersion: '2025.2',
    answers: {
      ...rest,
      'mace.connections.persons': {
        type: 'context_refs',
        refs: [{ contextId: PERSON, kind: 'person_of_concern', note: 'Collects her from school by car.' }],
      },
      'mace.connections.places': {
        type: 'context_refs',
        refs: [{ contextId: PLACE, kind: 'place' }],
      },
      'mace.connections.not_yet_recorded': {
        type: 'long_text',
        value: 'A second man, not yet identified, seen at the flat.',
      },
      ...answers,
    },
  };
}

function problems(input: unknown): Problem[] {
  const result = validateAssessment(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
}

describe('MACE risk assessment 2025.2: connections link context records', () => {
  const v2 = instrumentSchema.parse(MACE_RISK_ASSESSMENT_2025_2);
  const prompts = promptsById(v2);

  it('links persons of concern, places, peer groups, online spaces and vehicles, with a note for the rest', () => {
    const kinds = (id: string) => {
      const spec = prompts.get(id)?.answer;
      return spec?.type === 'context_refs' ? spec.kinds : null;
    };
    expect(kinds('mace.connections.persons')).toEqual(['person_of_concern']);
    expect(kinds('mace.connections.places')).toEqual(['place', 'business']);
    expect(kinds('mace.connections.peers')).toEqual(['peer_group']);
    expect(kinds('mace.connections.online')).toEqual(['online_space']);
    expect(kinds('mace.connections.vehicles')).toEqual(['vehicle']);
    expect(prompts.get('mace.connections.not_yet_recorded')?.answer.type).toBe('long_text');
  });

  it('differs from 2025.1 only in its connections', () => {
    const v1 = instrumentSchema.parse(MACE_RISK_ASSESSMENT_2025_1);
    const without = (i: typeof v1) => ({
      ...i,
      version: '',
      sections: i.sections.filter((s) => s.id !== 'connections'),
    });
    expect(without(v2)).toEqual(without(v1));
  });

  it('is the newest version, for new assessments; 2025.1 is still published', () => {
    expect(latestInstrument(MACE_RISK_ASSESSMENT_ID)?.version).toBe('2025.2');
    expect(getInstrument(MACE_RISK_ASSESSMENT_ID, '2025.1')).toBeDefined();
  });

  it('accepts an assessment whose connections are references', () => {
    const result = validateAssessment(mace2());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) {
      expect(contextRefsOf(result.assessment).map((r) => [r.promptId, r.contextId])).toEqual([
        ['mace.connections.persons', PERSON],
        ['mace.connections.places', PLACE],
      ]);
    }
  });

  it('refuses a record of a kind the prompt does not link', () => {
    const found = problems(
      mace2({
        'mace.connections.vehicles': {
          type: 'context_refs',
          refs: [{ contextId: PLACE, kind: 'place' }],
        },
      }),
    ).find((p) => p.path === 'answers.mace.connections.vehicles.refs.0.kind');
    expect(found?.rule).toBe('answer-matches-prompt');
    expect(found?.message).toContain('[answer-matches-prompt]');
  });

  it('refuses an id that is not an id, an unknown kind, and the same record twice', () => {
    const bad = (refs: unknown[]) =>
      problems(mace2({ 'mace.connections.persons': { type: 'context_refs', refs } as never }));
    expect(bad([{ contextId: 'Tyrell', kind: 'person_of_concern' }]).length).toBeGreaterThan(0);
    expect(bad([{ contextId: PERSON, kind: 'boyfriend' }]).length).toBeGreaterThan(0);
    expect(
      bad([
        { contextId: PERSON, kind: 'person_of_concern' },
        { contextId: PERSON, kind: 'person_of_concern' },
      ]).length,
    ).toBeGreaterThan(0);
    // A name is never stored with the reference.
    expect(
      bad([{ contextId: PERSON, kind: 'person_of_concern', name: 'Tyrell Vance' }]).length,
    ).toBeGreaterThan(0);
  });
});

describe('version pinning with context references', () => {
  it('an assessment pinned to 2025.1 still validates, with its free-text connections', () => {
    const input = maceInput();
    expect(input.instrumentVersion).toBe('2025.1');
    expect(input.answers['mace.connections.persons']?.type).toBe('long_text');
    const result = validateAssessment(input);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.instrument.version).toBe('2025.1');
  });

  it('refuses a context_refs answer on a 2025.1 long_text prompt', () => {
    const input = maceInput({
      answers: {
        ...maceInput().answers,
        'mace.connections.persons': {
          type: 'context_refs',
          refs: [{ contextId: PERSON, kind: 'person_of_concern' }],
        },
      },
    });
    const found = problems(input).find((p) => p.path === 'answers.mace.connections.persons.type');
    expect(found?.rule).toBe('answer-matches-prompt');
    expect(found?.message).toContain('takes long_text, not context_refs');
  });

  it('refuses 2025.1’s free text on a 2025.2 context_refs prompt', () => {
    const found = problems(
      mace2({ 'mace.connections.persons': { type: 'long_text', value: 'Person A, adult man.' } }),
    ).find((p) => p.path === 'answers.mace.connections.persons.type');
    expect(found?.rule).toBe('answer-matches-prompt');
  });
});
