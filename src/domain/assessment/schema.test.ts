import { describe, expect, it } from 'vitest';
import { evidenceSummary } from './evidence.ts';
import { evidence, IDS, maceInput, parse, rafInput, uuid } from './fixtures.ts';
import { RAF_2025_1 } from './instruments/raf.ts';
import { createInstrumentRegistry, getInstrument, SHIPPED_INSTRUMENTS } from './instruments/registry.ts';
import { type InstrumentInput, instrumentSchema } from './instruments/schema.ts';
import type { Problem } from './rules.ts';
import {
  type AssessmentInput,
  type AssessmentValidation,
  evidenceOf,
  factorsOf,
  validateAgainstInstrument,
  validateAssessment,
} from './schema.ts';
import { missingVoices } from './voices.ts';

type Answers = AssessmentInput['answers'];

function problems(result: AssessmentValidation): Problem[] {
  if (result.ok) throw new Error('expected the assessment to be refused');
  return result.problems;
}

function refusedBy(input: unknown, rule: string, path?: string): Problem {
  const found = problems(validateAssessment(input)).find(
    (p) => p.rule === rule && (path === undefined || p.path === path),
  );
  expect(found, `expected a problem ${rule} at ${path ?? '(any)'}`).toBeDefined();
  const problem = found as Problem;
  if (rule !== 'shape') expect(problem.message).toContain(`[${rule}]`);
  return problem;
}

const withAnswers = (answers: Answers, base = rafInput()) => ({
  ...base,
  answers: { ...base.answers, ...answers },
});

describe('a completed RAF assessment', () => {
  it('is accepted, and keeps the practitioner’s level as chosen', () => {
    const result = validateAssessment(rafInput());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) {
      expect(result.assessment.judgement.level).toBe('significant');
      expect(result.instrument.version).toBe('2025.1');
      expect(result.warnings).toEqual([]);
    }
  });

  it('is accepted for the MACE risk assessment too', () => {
    const result = validateAssessment(maceInput());
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });
});

describe('version pinning', () => {
  // A partnership publishes 2025.2: a new required prompt, a prompt removed, and its own continuum words.
  const next: InstrumentInput = structuredClone(RAF_2025_1);
  next.version = '2025.2';
  const dev = next.sections.find((s) => s.id === 'developmental_needs');
  if (!dev) throw new Error('fixture');
  dev.prompts = dev.prompts.filter((p) => p.id !== 'dev.disability');
  dev.prompts.push({
    id: 'dev.online_detail',
    text: 'What is known about online contact?',
    answer: { type: 'long_text' },
    required: true,
  });
  next.continuum = {
    source: 'local configuration',
    levels: [
      { id: 'no_concern', label: 'No concern now', description: 'Nothing significant now.' },
      { id: 'some_concern', label: 'Some concern', description: 'Some concern.' },
      { id: 'serious_concern', label: 'Serious concern', description: 'Serious concern.' },
    ],
  };
  const before = structuredClone(instrumentSchema.parse(RAF_2025_1));
  const registry = createInstrumentRegistry([...SHIPPED_INSTRUMENTS, next]);

  it('checks an old assessment against the version it pinned, not the newest', () => {
    const result = validateAssessment(rafInput(), registry.get);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(registry.latest('raf')?.version).toBe('2025.2');
  });

  it('applies the new version only to assessments that pin it', () => {
    const pinnedNew = { ...rafInput(), instrumentVersion: '2025.2' };
    const found = problems(validateAssessment(pinnedNew, registry.get));
    expect(found.map((p) => p.rule)).toEqual(
      expect.arrayContaining(['answer-matches-prompt', 'required-prompt-answered', 'level-on-continuum']),
    );
    expect(found.find((p) => p.path === 'answers.dev.disability')?.message).toMatch(
      /no prompt "dev.disability"/,
    );
  });

  it('never checks an assessment against a version other than the one it pins', () => {
    const a = parse(rafInput());
    const check = validateAgainstInstrument(
      a,
      registry.get('raf', '2025.2') as NonNullable<ReturnType<typeof registry.get>>,
    );
    expect(check.ok).toBe(false);
    expect(check.problems[0]?.rule).toBe('instrument-pinned');
  });

  it('leaves the old version unchanged when a new one is published', () => {
    expect(registry.get('raf', '2025.1')).toEqual(before);
    expect(getInstrument('raf', '2025.1')).toEqual(before);
  });

  it('refuses an assessment against an instrument version that does not exist, naming the rule', () => {
    const p = refusedBy(
      { ...rafInput(), instrumentVersion: '2099.1' },
      'instrument-version-exists',
      'instrumentVersion',
    );
    expect(p.message).toMatch(/no instrument "raf" version "2099.1"/);
    refusedBy({ ...rafInput(), instrumentId: 'seraf' }, 'instrument-version-exists');
  });
});

describe('no level without a rationale', () => {
  const judged = (judgement: unknown) => ({ ...rafInput(), judgement });

  it.each([
    ['empty', ''],
    ['blank', '   \n '],
    ['a placeholder', 'n/a'],
    ['"see above"', 'See above'],
  ])('refuses a level with a rationale that is %s', (_name, rationale) => {
    refusedBy(judged({ level: 'moderate', rationale }), 'level-needs-rationale', 'judgement.rationale');
  });

  it('refuses a level with no rationale at all', () => {
    const p = refusedBy(judged({ level: 'moderate' }), 'level-needs-rationale', 'judgement.rationale');
    expect(p.message).toMatch(/Judgement, not scores/);
  });

  it('refuses an assessment without a level', () => {
    refusedBy(judged({ level: '', rationale: 'Clear reasons.' }), 'level-required', 'judgement.level');
    refusedBy({ ...rafInput(), judgement: undefined }, 'shape', 'judgement');
  });

  it('refuses a level that is not on the pinned continuum', () => {
    const p = refusedBy(
      judged({ level: 'high', rationale: 'Reasons.' }),
      'level-on-continuum',
      'judgement.level',
    );
    expect(p.message).toMatch(/no_significant_risk, mild, moderate, significant, severe/);
  });
});

describe('harm', () => {
  it('is suspected, known or none identified', () => {
    expect(validateAssessment({ ...rafInput(), harm: { status: 'none_identified' } }).ok).toBe(true);
    expect(validateAssessment({ ...rafInput(), harm: { status: 'high_risk' } }).ok).toBe(false);
  });

  it('needs the kind of exploitation and a description when suspected or known', () => {
    refusedBy(
      { ...rafInput(), harm: { status: 'known', kinds: [], description: 'Raped at the flat.' } },
      'harm-described',
      'harm.kinds',
    );
    refusedBy(
      { ...rafInput(), harm: { status: 'suspected', kinds: ['criminal'], description: ' ' } },
      'harm-described',
      'harm.description',
    );
  });

  it('does not wait for a disclosure or for evidence to record suspicion', () => {
    const result = validateAssessment({
      ...rafInput(),
      harm: { status: 'suspected', kinds: ['criminal'], description: 'Seen carrying packages for Person A.' },
    });
    expect(result.ok).toBe(true);
  });

  it('prompts, without blocking, when known harm sits at the lowest level', () => {
    const result = validateAssessment({
      ...rafInput(),
      harm: { status: 'known', kinds: ['sexual'], description: 'Abused at the flat.' },
      judgement: {
        level: 'no_significant_risk',
        rationale: 'Now living out of area, no contact for six months.',
      },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.assessment.judgement.level).toBe('no_significant_risk');
      expect(result.warnings[0]).toMatch(/a child who is being harmed is a victim/);
    }
  });
});

describe('factors and evidence', () => {
  const factor = (over: Record<string, unknown>) => ({
    id: 'f-x',
    kind: 'risk',
    domain: 'developmental_needs',
    description: 'Given cannabis by older males.',
    evidence: [evidence(9)],
    ...over,
  });
  const devRisk = (f: Record<string, unknown>) =>
    withAnswers({ 'dev.risk_factors': { type: 'factor_list', factors: [f] } } as unknown as Answers);

  it('gives every factor one of the three domains', () => {
    refusedBy(devRisk(factor({ domain: undefined })), 'factor-in-domain');
    refusedBy(devRisk(factor({ domain: 'school' })), 'factor-in-domain');
  });

  it('keeps each factor in the domain and kind its prompt names', () => {
    refusedBy(
      devRisk(factor({ domain: 'parenting_capacity' })),
      'factor-in-domain',
      'answers.dev.risk_factors.factors.0.domain',
    );
    refusedBy(
      devRisk(factor({ kind: 'protective' })),
      'factor-in-domain',
      'answers.dev.risk_factors.factors.0.kind',
    );
  });

  it('lets the practitioner choose the domain where the prompt names none (MACE)', () => {
    const input = maceInput();
    const answers = {
      ...input.answers,
      'mace.risk_factors': { type: 'factor_list', factors: [factor({ domain: 'parenting_capacity' })] },
    } as unknown as Answers;
    expect(validateAssessment({ ...input, answers }).ok).toBe(true);
  });

  it('needs evidence for every factor', () => {
    refusedBy(devRisk(factor({ evidence: [] })), 'factor-has-evidence');
  });

  it('needs a verification status on every link, and keeps unverified evidence unverified', () => {
    const link = { chronologyEntryId: uuid(77), source: { agency: 'School' } };
    expect(validateAssessment(devRisk(factor({ evidence: [link] }))).ok).toBe(false);
    const result = validateAssessment(
      devRisk(factor({ evidence: [{ ...link, verification: 'unverified' }] })),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      const f = factorsOf(result.assessment).find((x) => x.id === 'f-x');
      expect(f?.evidence[0]?.verification).toBe('unverified');
      expect(evidenceSummary(f?.evidence ?? []).label).toBe('Unverified: 1 of 1 not verified');
    }
  });

  it('refuses the same factor id twice', () => {
    const input = withAnswers({
      'dev.risk_factors': { type: 'factor_list', factors: [factor({}), factor({ description: 'Another.' })] },
    } as unknown as Answers);
    refusedBy(input, 'factor-ids-unique');
  });

  it('lists factors and evidence across the assessment', () => {
    const a = parse(rafInput());
    expect(factorsOf(a).map((f) => `${f.promptId}:${f.id}`)).toEqual([
      'dev.risk_factors:f-missing',
      'dev.protective_factors:f-tutor',
      'parenting.protective_factors:f-mum',
      'env.risk_factors:f-person-a',
    ]);
    expect(evidenceOf(a)).toHaveLength(4);
  });
});

describe('evidence summary', () => {
  it('says how well a claim is supported, worst status first', () => {
    expect(evidenceSummary([]).status).toBe('none');
    expect(evidenceSummary([evidence(1), evidence(2)]).label).toBe('Verified');
    const mixed = evidenceSummary([evidence(1), evidence(2, 'unverified'), evidence(3, 'disputed')]);
    expect(mixed.status).toBe('disputed');
    expect(mixed.label).toBe('Disputed: 1 of 3 disputed; 1 of 3 not verified');
  });
});

describe('answers match the pinned prompts', () => {
  it('refuses an answer to a prompt the version does not have', () => {
    refusedBy(
      withAnswers({ 'dev.score': { type: 'text', value: '12' } }),
      'answer-matches-prompt',
      'answers.dev.score',
    );
  });

  it('refuses an answer of the wrong type', () => {
    refusedBy(
      withAnswers({ 'dev.missing': { type: 'text', value: 'yes' } }),
      'answer-matches-prompt',
      'answers.dev.missing.type',
    );
  });

  it('refuses a choice the prompt does not offer', () => {
    refusedBy(
      withAnswers({ 'context.reason': { type: 'choice', value: 'high_score' } }),
      'answer-matches-prompt',
    );
  });

  it('refuses an indicator reference that is not the prompt’s', () => {
    refusedBy(
      withAnswers({ 'dev.missing': { type: 'yes_no_unknown', value: 'yes', indicatorRef: 'v-in-care' } }),
      'answer-matches-prompt',
      'answers.dev.missing.indicatorRef',
    );
  });

  it('refuses when a required prompt is not answered', () => {
    const { 'context.reason': _omit, ...rest } = rafInput().answers;
    refusedBy({ ...rafInput(), answers: rest }, 'required-prompt-answered', 'answers.context.reason');
    const mace = maceInput();
    refusedBy(
      { ...mace, answers: { ...mace.answers, 'mace.tasks': { type: 'long_text', value: '  ' } } },
      'required-prompt-answered',
      'answers.mace.tasks',
    );
  });

  it('needs the child’s own words on a child voice prompt', () => {
    const mace = maceInput();
    const answers = {
      ...mace.answers,
      'mace.young_person.safety': {
        type: 'voice',
        voice: { status: 'given', words: 'Feels safe', inTheirOwnWords: false },
      },
    } as Answers;
    refusedBy({ ...mace, answers }, 'child-voice-own-words');
  });
});

describe('voices', () => {
  const voices = rafInput().voices;
  const withVoices = (v: Record<string, unknown>) => ({ ...rafInput(), voices: { ...voices, ...v } });

  it('records the reason a voice was not obtained', () => {
    refusedBy(
      withVoices({ child: { status: 'not_obtained' } }),
      'missing-voice-reason',
      'voices.child.reason',
    );
    refusedBy(withVoices({ child: { status: 'not_obtained', reason: 'n/a' } }), 'missing-voice-reason');
    refusedBy(
      withVoices({ agencies: [{ status: 'not_obtained', agency: 'Health', reason: '' }] }),
      'missing-voice-reason',
    );
    const ok = validateAssessment(
      withVoices({
        child: {
          status: 'not_obtained',
          reason: 'Amy was not ready to talk this week.',
          nextAttemptBy: '2026-03-09',
        },
      }),
    );
    expect(ok.ok).toBe(true);
  });

  it('keeps the child’s words as their own, never paraphrased', () => {
    const given = { status: 'given', howExpressed: 'spoken', on: '2026-02-27' };
    refusedBy(withVoices({ child: { ...given, words: 'I want to go home.' } }), 'child-voice-own-words');
    refusedBy(
      withVoices({ child: { ...given, inTheirOwnWords: false, words: 'I want to go home.' } }),
      'child-voice-own-words',
    );
    refusedBy(
      withVoices({ child: { ...given, inTheirOwnWords: true, words: 'YP states she is happy at home.' } }),
      'child-voice-own-words',
    );
    const quoting = validateAssessment(
      withVoices({
        child: { ...given, inTheirOwnWords: true, words: 'She said I could stay there whenever.' },
      }),
    );
    expect(quoting.ok).toBe(true);
  });

  it('needs parents or carers considered, even if only to say why they were not asked', () => {
    refusedBy(withVoices({ parentsCarers: [] }), 'parents-carers-considered');
    const notSafe = validateAssessment(
      withVoices({
        parentsCarers: [
          {
            status: 'not_obtained',
            person: 'Father',
            relationship: 'Father',
            reason: 'Not safe to ask: linked to Person A.',
          },
        ],
      }),
    );
    expect(notSafe.ok).toBe(true);
  });

  it('shows missing voices, including involved agencies nobody asked', () => {
    const a = parse(rafInput());
    const missing = missingVoices(a.voices, [
      { name: 'Police' },
      { name: 'School nursing' },
      { name: 'Northfield Academy' },
    ]);
    expect(missing.map((m) => [m.who, m.reason])).toEqual([
      ['Police', 'Intelligence check requested on 25 February; not returned yet.'],
      ['School nursing', null],
    ]);
  });
});

describe('the completed-by and pinned fields', () => {
  it('are required', () => {
    for (const field of [
      'instrumentId',
      'instrumentVersion',
      'completedAt',
      'completedBy',
      'childId',
    ] as const) {
      const input: Record<string, unknown> = { ...rafInput() };
      delete input[field];
      expect(validateAssessment(input).ok, field).toBe(false);
    }
    expect(IDS.child).toMatch(/^0{8}-/);
  });
});
