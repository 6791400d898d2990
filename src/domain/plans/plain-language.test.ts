import { describe, expect, it } from 'vitest';
import { problemsFromZod } from '../assessment/rules.ts';
import { planInput } from './fixtures.ts';
import {
  editPlainLanguageSection,
  generatePlainLanguagePlan,
  jargonIn,
  PLAIN_HEADINGS,
  PlainLanguageError,
  type PlainLanguagePlan,
  plainDate,
  plainLanguageIssues,
  plainLanguagePlanSchema,
  toPlainLanguage,
  type YoungPersonResponse,
  youngPersonResponseSchema,
} from './plain-language.ts';
import { compileGlossary, PLAIN_LANGUAGE_GLOSSARY } from './plain-language-glossary.ts';
import { planSchema } from './schema.ts';

const plan = planSchema.parse(planInput());
const options = {
  childName: 'Amy',
  otherNames: ['Amy Reed'],
  leadWorker: 'Sam, your worker',
  generatedAt: '2026-03-04T09:00:00Z',
};
const doc = generatePlainLanguagePlan(plan, options);
const section = (d: PlainLanguagePlan, key: string) => d.sections.find((s) => s.key === key);

describe('the plain-language plan', () => {
  it('is a valid, editable document generated from the plan', () => {
    expect(plainLanguagePlanSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ planId: plan.id, planVersion: 1, generatedAt: '2026-03-04T09:00:00Z' });
    for (const s of doc.sections) {
      expect(s.edited).toBe(false);
      expect(s.text).toBe(s.generatedText);
      expect(s.heading).toBe(PLAIN_HEADINGS[s.key]);
    }
  });

  it('speaks to the young person, and says it is not their fault', () => {
    expect(section(doc, 'intro')?.text).toBe(
      [
        'This is your plan, Amy. It says what we will do to keep you safe and to help with the things you want.',
        'What has happened is not your fault.',
        'We will look at this plan again with you by 1 June 2026.',
      ].join('\n'),
    );
  });

  it('says who will do what by when, in short sentences and the second person', () => {
    expect(section(doc, 'keeping_safe_now')?.text).toBe(
      '- We will keep you safe when missing: agree how she can reach her mum or Sam at any hour, and offer a chat after you come back, to check you are OK after each time you were missing. Sam Okafor from Children’s Services will do this by 14 March 2026. This has started.',
    );
    expect(section(doc, 'support_and_therapeutic_help')?.text).toBe(
      '- We will offer you a specialist worker she can meet weekly, at times and places she chooses. Lee Grant from Safe Steps (voluntary sector) will do this by 20 March 2026. This is done.',
    );
    expect(section(doc, 'family')?.text).toMatch(
      /^- We will refer your mum to parent support, separately from your support\./,
    );
  });

  it('replaces jargon with plain words and leaves none behind', () => {
    for (const s of doc.sections) expect(jargonIn(s.text), s.key).toEqual([]);
  });

  it('points the worker at sentences still too long to read easily', () => {
    // The plan's first objective is one long sentence: the generator cannot shorten it, the worker can.
    expect(plainLanguageIssues(doc).map((i) => [i.key, i.kind])).toEqual([
      ['keeping_safe_now', 'long_sentence'],
    ]);
  });

  it('shares only the disruption work marked as safe to share, and says there is more', () => {
    const text = section(doc, 'disruption_and_investigation')?.text ?? '';
    expect(text.split('\n')[0]).toBe(
      'The police and other services are working to stop the people we are worried may be harming you.',
    );
    expect(text).toMatch(/We will stop the use of the flat: licensing and housing checks, police visits\./);
    expect(text).not.toMatch(/warning|Person A/);
    expect(text).toMatch(
      /Some of this work we cannot tell you about yet, to keep you and other people safe\. Sam, your worker will tell you what they can\./,
    );
  });

  it('says the harm has happened when it is known', () => {
    const known = generatePlainLanguagePlan(planSchema.parse(planInput({ harmStatus: 'known' })), options);
    expect(section(known, 'disruption_and_investigation')?.text).toMatch(
      /^The police and other services are working to stop the people who have harmed you\./,
    );
  });

  it('never lists other children, and says their safety is the adults’ job', () => {
    expect(section(doc, 'other_children_affected')?.text).toBe(
      'We are also checking that other young people are safe. That is our job, not yours.',
    );
    expect(JSON.stringify(doc)).not.toMatch(/Child B|Child C/);
  });

  it('quotes the young person’s own goals as they said them', () => {
    expect(section(doc, 'young_persons_goals')?.text).toBe(
      '- You said: “I want to go to college to do hair and beauty.” Sam Okafor from Children’s Services will help with this by 1 May 2026.',
    );
  });

  it('leaves out objectives no longer needed and sections with nothing to say', () => {
    expect(section(doc, 'health')).toBeUndefined();
    expect(section(doc, 'education')).toBeUndefined();
    expect(section(doc, 'criminal_justice_support')).toBeUndefined();
  });

  it('explains support through a court case when there is any', () => {
    const withCourt = planInput();
    withCourt.sections.criminal_justice_support = {
      objectives: [
        {
          id: 'o-isva',
          aim: 'Introduce Amy to a ChISVA before the ABE interview',
          owner: { name: 'DC Priya Shah' },
          agency: { name: 'Police' },
          dueDate: '2026-03-18',
          status: { status: 'not_started' },
        },
      ],
    };
    const text = section(
      generatePlainLanguagePlan(planSchema.parse(withCourt), options),
      'criminal_justice_support',
    )?.text;
    expect(text).toMatch(
      /^If there is a police investigation or a court case, you will have support before, during and after it\. You can choose how you give evidence, and you can change your mind\./,
    );
    expect(text).toMatch(
      /We will introduce you to a support worker who helps you if you report what happened or there is a court case before a video interview with the police\./,
    );
  });

  it('ends with their say, and shows back what they said last time and why it was not followed', () => {
    expect(section(doc, 'your_say')?.text).toMatch(/You can ask us about anything in this plan/);
    const previous: YoungPersonResponse = youngPersonResponseSchema.parse(
      response({
        viewsFollowed: 'no',
        whyNot: 'We have to tell the police about the flat, to keep you safe',
      }),
    );
    const next = generatePlainLanguagePlan(plan, { ...options, previousResponse: previous });
    expect(section(next, 'your_say')?.text).toMatch(
      /Last time you said: “I don’t want the police at school\.”/,
    );
    expect(section(next, 'your_say')?.text).toMatch(
      /We did not do everything you asked\. This is why: We have to tell the police about the flat, to keep you safe\./,
    );
  });
});

describe('editing the plain-language plan', () => {
  const edited = editPlainLanguageSection(
    doc,
    'keeping_safe_now',
    'If you go missing, text Sam or your mum any time. We will always come.',
    {
      by: 'Sam Okafor',
      at: '2026-03-04T10:00:00Z',
    },
  );

  it('keeps the generated text beside the worker’s words', () => {
    const s = section(edited, 'keeping_safe_now');
    expect(s?.text).toBe('If you go missing, text Sam or your mum any time. We will always come.');
    expect(s?.generatedText).toBe(section(doc, 'keeping_safe_now')?.text);
    expect(s?.edited).toBe(true);
    expect(edited).toMatchObject({ editedBy: 'Sam Okafor', editedAt: '2026-03-04T10:00:00Z' });
    expect(section(doc, 'keeping_safe_now')?.edited).toBe(false);
    expect(plainLanguagePlanSchema.safeParse(edited).success).toBe(true);
  });

  it('points out jargon, long sentences and emptied sections left by an edit', () => {
    const base = editPlainLanguageSection(doc, 'keeping_safe_now', 'Text Sam any time.', {
      by: 'x',
      at: '2026-03-04T10:00:00Z',
    });
    expect(plainLanguageIssues(base)).toEqual([]);
    const jargon = editPlainLanguageSection(
      doc,
      'family',
      'Your mum will go to the MACE meeting and the strategy meeting.',
      { by: 'x', at: '2026-03-04T10:00:00Z' },
    );
    expect(
      plainLanguageIssues(jargon)
        .filter((i) => i.key === 'family')
        .map((i) => [i.key, i.kind, i.detail]),
    ).toEqual([
      [
        'family',
        'jargon',
        '"MACE meeting": try "a meeting where different services work together to keep young people safe".',
      ],
      ['family', 'jargon', '"strategy meeting": try "a meeting of the people working to keep you safe".'],
    ]);
    const long = editPlainLanguageSection(doc, 'family', `${'word '.repeat(30)}end.`, {
      by: 'x',
      at: '2026-03-04T10:00:00Z',
    });
    expect(plainLanguageIssues(long).find((i) => i.key === 'family')).toMatchObject({
      kind: 'long_sentence',
    });
    const empty = editPlainLanguageSection(doc, 'family', ' ', { by: 'x', at: '2026-03-04T10:00:00Z' });
    expect(plainLanguageIssues(empty).find((i) => i.key === 'family')).toMatchObject({ kind: 'empty' });
  });

  it('refuses to edit a section the document does not have', () => {
    expect(() =>
      editPlainLanguageSection(doc, 'health', 'x', { by: 'x', at: '2026-03-04T10:00:00Z' }),
    ).toThrow(PlainLanguageError);
  });
});

describe('toPlainLanguage', () => {
  const plain = (s: string) => toPlainLanguage(s, { childName: 'Amy', otherNames: ['Amy Reed'] });

  it('turns the young person’s name into "you" and "your"', () => {
    expect(plain('Amy’s school will tell Amy Reed. Amy can call Sam.')).toBe(
      'Your school will tell you. You can call Sam.',
    );
    expect(plain("Ask Amy's mum")).toBe('Ask your mum');
    expect(plain('Keep Amy safe when missing: Amy can call Sam')).toBe(
      'Keep you safe when missing: you can call Sam',
    );
    expect(plain('Amy-Leigh and Amyra are other children')).toBe('Amy-Leigh and Amyra are other children');
  });

  it('replaces jargon, keeping capitals at the start of a sentence', () => {
    expect(plain('MACE will review the CAWN.')).toBe(
      'A meeting where different services work together to keep young people safe will review a police warning telling an adult to stay away from you.',
    );
    expect(plain('Refer to the NRM and CAMHS')).toBe(
      'Refer to a way of getting you extra protection and support and the mental health service for young people',
    );
  });

  it('does not double an article before a plain phrase that brings its own', () => {
    expect(plain('Introduce Amy to a ChISVA before the ABE interview')).toBe(
      'Introduce you to a support worker who helps you if you report what happened or there is a court case before a video interview with the police',
    );
    expect(plain('Send an RHI')).toBe('Send a chat after you come back, to check you are OK');
    expect(plain('Read the intelligence report')).toBe('Read the information report');
  });

  it('matches acronyms only in capitals, and leaves everyday words alone', () => {
    expect(plain('The cin')).toBe('The cin');
    expect(plain('Update the CIN plan')).toBe('Update the child in need plan');
    expect(plain('Amy is looked after by her nan at weekends')).toBe(
      'You is looked after by her nan at weekends',
    );
    expect(plain('Police disrupted it, and the disruption plan worked')).toBe(
      'Police stopped it, and a plan to stop the people who harm young people worked',
    );
  });

  it('has no glossary term whose plain words are themselves jargon', () => {
    for (const entry of PLAIN_LANGUAGE_GLOSSARY) expect(jargonIn(entry.plain), entry.plain).toEqual([]);
    expect(compileGlossary(PLAIN_LANGUAGE_GLOSSARY).lookup('mace')).toBeUndefined();
  });

  it('writes dates in words', () => {
    expect(plainDate('2026-03-14')).toBe('14 March 2026');
    expect(plainDate('2026-12-01T00:00:00Z')).toBe('1 December 2026');
  });
});

function response(over: Record<string, unknown> = {}) {
  return {
    planId: plan.id,
    planVersion: 1,
    sawItOn: '2026-03-05',
    howShared: 'in_person',
    hadTimeToQuestion: true,
    said: { status: 'in_their_words', words: 'I don’t want the police at school.' },
    viewsFollowed: 'yes',
    recordedBy: { name: 'Sam Okafor' },
    recordedAt: '2026-03-05T16:00:00Z',
    ...over,
  };
}

describe('the young person’s response', () => {
  const rule = (input: unknown) => {
    const parsed = youngPersonResponseSchema.safeParse(input);
    return parsed.success ? null : problemsFromZod(parsed.error).map((p) => p.rule);
  };

  it('records that they saw it, had time to question it, what they said, and whether their views were followed', () => {
    expect(rule(response())).toBeNull();
    expect(rule(response({ said: { status: 'chose_not_to_say' } }))).toBeNull();
  });

  it.each(['no', 'partly'])('needs the reason when their views were %s followed', (viewsFollowed) => {
    expect(rule(response({ viewsFollowed }))).toEqual(['views-not-followed-reason']);
    expect(rule(response({ viewsFollowed, whyNot: 'tbc' }))).toEqual(['views-not-followed-reason']);
    expect(
      rule(response({ viewsFollowed, whyNot: 'Police must visit the school to keep other children safe.' })),
    ).toBeNull();
  });

  it('needs a date to give them time to question it, if they have not had it', () => {
    expect(rule(response({ hadTimeToQuestion: false }))).toEqual(['time-to-question']);
    expect(rule(response({ hadTimeToQuestion: false, followUpBy: '2026-03-09' }))).toBeNull();
  });

  it('keeps what they said verbatim', () => {
    expect(
      rule(response({ said: { status: 'in_their_words', words: 'YP said she is happy with the plan.' } })),
    ).toEqual(['young-person-words-verbatim']);
    expect(rule(response({ said: { status: 'in_their_words', words: '' } }))).toEqual([
      'young-person-words-verbatim',
    ]);
  });
});
