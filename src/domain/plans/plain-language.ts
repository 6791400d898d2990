/**
 * The young person's version of their plan: generated from the plan in short sentences, in the second
 * person ("We will…", "You said…"), without jargon, saying who will do what by when — then edited by
 * the worker who knows the young person, because no generator knows how they talk. Young people ask to
 * "be informed & involved in … plans" and to be told outcomes (seed 002 "Young people want…"); the plan
 * must be understood and the young person must have "had time and space to question it" (seed 001
 * Table 4.1).
 *
 * What is left out on purpose: details of disruption the lead worker has not marked as safe to share
 * (seed 003 Rec 22), and anything about other children (seed 001 Table 4.1 Q3).
 */
import { z } from 'zod';
import { IsoDate, IsoDateTime, isMeaningful, ruleText, text, Uuid } from '../assessment/common.ts';
import { type Rule, refusal } from '../assessment/rules.ts';
import { looksReported } from '../assessment/voices.ts';
import { compileGlossary, type GlossaryEntry, PLAIN_LANGUAGE_GLOSSARY } from './plain-language-glossary.ts';
import { type Goal, type Objective, PLAN_SECTIONS, type Plan, type PlanSection } from './schema.ts';

export const PLAIN_SECTION_KEYS = ['intro', ...PLAN_SECTIONS, 'your_say'] as const;
export type PlainSectionKey = (typeof PLAIN_SECTION_KEYS)[number];

/** Headings in the young person's version, addressed to them. */
export const PLAIN_HEADINGS = {
  intro: 'Your plan',
  keeping_safe_now: 'Keeping you safe now',
  disruption_and_investigation: 'Stopping the people who harm young people',
  support_and_therapeutic_help: 'Help and support for you',
  family: 'Your family',
  education: 'School, college or work',
  health: 'Your health',
  criminal_justice_support: 'If there is a police investigation or a court case',
  other_children_affected: 'Other young people',
  young_persons_goals: 'What you want',
  your_say: 'Your questions and what you think',
} as const satisfies Record<PlainSectionKey, string>;

export const plainSectionSchema = z.strictObject({
  key: z.enum(PLAIN_SECTION_KEYS),
  heading: text(200),
  /** The text the young person sees: generated, then edited by the worker. */
  text: z.string().max(20000),
  /** What the generator wrote, kept so a reviewer can see what was changed. */
  generatedText: z.string().max(20000),
  edited: z.boolean(),
});
export type PlainSection = z.infer<typeof plainSectionSchema>;

export const plainLanguagePlanSchema = z.strictObject({
  planId: Uuid,
  planVersion: z.number().int().min(1),
  generatedAt: IsoDateTime,
  sections: z.array(plainSectionSchema).min(1),
  editedAt: IsoDateTime.optional(),
  editedBy: text(200).optional(),
});
export type PlainLanguagePlan = z.infer<typeof plainLanguagePlanSchema>;

export interface PlainLanguageOptions {
  /** The name the young person likes to be called; replaced with "you" in the plan's own words. */
  readonly childName: string;
  /** Other names for the young person in the plan (full name, known-as), also replaced with "you". */
  readonly otherNames?: readonly string[];
  /** How to refer to the lead worker, e.g. "Sam, your worker". */
  readonly leadWorker?: string;
  readonly generatedAt: string;
  readonly glossary?: readonly GlossaryEntry[];
  /** What the young person said about the previous version, if any, to show back to them. */
  readonly previousResponse?: YoungPersonResponse;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-03-14" → "14 March 2026". */
export function plainDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Plain words that bring their own article or determiner. */
const DETERMINER = /^(?:a|an|the|your|our|some|this|that)\s/i;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const atSentenceStart = (text: string, index: number) =>
  /(?:^|[.!?]["”’]?\s+|\n\s*|•\s+)$/.test(text.slice(0, index));

/**
 * Rewrites professional text for the young person: their name becomes "you" or "your", and jargon is
 * replaced with plain words. It cannot turn every sentence around; the worker edits the result.
 */
export function toPlainLanguage(
  input: string,
  options: Pick<PlainLanguageOptions, 'childName' | 'otherNames' | 'glossary'>,
): string {
  let out = input.trim();
  const names = [...(options.otherNames ?? []), options.childName]
    .map((n) => n.trim())
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const name of names) {
    const n = escapeRegExp(name);
    out = out.replace(new RegExp(`(?<![\\w-])${n}[’']s(?![\\w-])`, 'g'), (_m, i: number, s: string) =>
      atSentenceStart(s, i) ? 'Your' : 'your',
    );
    out = out.replace(new RegExp(`(?<![\\w-])${n}(?![\\w-])`, 'g'), (_m, i: number, s: string) =>
      atSentenceStart(s, i) ? 'You' : 'you',
    );
  }
  const glossary = compileGlossary(options.glossary ?? PLAIN_LANGUAGE_GLOSSARY);
  out = out.replace(
    glossary.regex,
    (matched: string, article: string | undefined, term: string, i: number, s: string) => {
      const entry = glossary.lookup(term);
      if (!entry) return matched;
      let plain = entry.plain;
      // "the CAWN" → "a police warning…", not "the a police warning…"; "a RHI" → "a chat…".
      if (article && !DETERMINER.test(plain)) {
        const a = article.toLowerCase() === 'the' ? article : /^[aeiou]/i.test(plain) ? 'an' : 'a';
        plain = `${a.toLowerCase()} ${plain}`;
      }
      return atSentenceStart(s, i) ? capitalise(plain) : plain;
    },
  );
  return out;
}

/** Jargon left in a text (for example after the worker's edits), with the plain words to use. */
export function jargonIn(
  input: string,
  glossary: readonly GlossaryEntry[] = PLAIN_LANGUAGE_GLOSSARY,
): { term: string; plain: string }[] {
  const compiled = compileGlossary(glossary);
  const found: { term: string; plain: string }[] = [];
  for (const m of input.matchAll(compiled.regex)) {
    const term = m[2] ?? '';
    const entry = compiled.lookup(term);
    if (entry && !found.some((f) => f.term === term)) found.push({ term, plain: entry.plain });
  }
  return found;
}

/** Verbs a plan's aims usually start with; an aim that starts with one reads as "We will …". */
const ACTION_VERBS = new Set(
  'agree apply arrange ask book bring build check complete contact continue explain find follow gather get give help hold identify introduce invite issue keep let link look make meet monitor offer plan provide put record refer report request review search see seek set share show speak stop support take talk tell update visit work write'.split(
    ' ',
  ),
);

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?”"]$/.test(t) ? t : `${t}.`;
}

function weWill(aim: string): string {
  const first = aim.split(/\s+/)[0]?.toLowerCase() ?? '';
  return ACTION_VERBS.has(first)
    ? sentence(`We will ${aim.charAt(0).toLowerCase()}${aim.slice(1)}`)
    : sentence(capitalise(aim));
}

const STATUS_SENTENCE: Record<Objective['status']['status'], string> = {
  not_started: '',
  in_progress: 'This has started.',
  done: 'This is done.',
  no_longer_needed: '',
};

function who(o: Objective | Goal): string {
  return `${o.owner.name} from ${o.agency.name}`;
}

function objectiveLine(o: Objective, opts: PlainLanguageOptions): string {
  const aim = toPlainLanguage(o.aim, opts);
  return [
    `- ${weWill(aim)}`,
    `${who(o)} will do this by ${plainDate(o.dueDate)}.`,
    STATUS_SENTENCE[o.status.status],
  ]
    .filter(Boolean)
    .join(' ');
}

function goalLine(g: Goal, opts: PlainLanguageOptions): string {
  const said = g.inTheirOwnWords
    ? `You said: “${g.aim.trim()}”`
    : `Your goal: ${sentence(toPlainLanguage(g.aim, opts))}`;
  return [
    `- ${said}`,
    `${who(g)} will help with this by ${plainDate(g.dueDate)}.`,
    STATUS_SENTENCE[g.status.status],
  ]
    .filter(Boolean)
    .join(' ');
}

const live = <T extends Objective | Goal>(objectives: readonly T[]) =>
  objectives.filter((o) => o.status.status !== 'no_longer_needed');

function sectionText(plan: Plan, key: PlanSection, opts: PlainLanguageOptions): string | null {
  const worker = opts.leadWorker ?? 'Your worker';
  if (key === 'young_persons_goals') {
    const goals = live(plan.sections.young_persons_goals.objectives);
    return goals.length === 0 ? null : goals.map((g) => goalLine(g, opts)).join('\n');
  }
  const objectives = live(plan.sections[key].objectives as Objective[]);
  if (key === 'other_children_affected') {
    return objectives.length === 0
      ? null
      : 'We are also checking that other young people are safe. That is our job, not yours.';
  }
  if (key === 'disruption_and_investigation') {
    if (objectives.length === 0 && plan.harmStatus === 'none_identified') return null;
    const lead =
      plan.harmStatus === 'known'
        ? 'The police and other services are working to stop the people who have harmed you.'
        : plan.harmStatus === 'suspected'
          ? 'The police and other services are working to stop the people we are worried may be harming you.'
          : 'The police and other services are working to stop people who harm young people.';
    const shared = objectives.filter((o) => o.shareWithYoungPerson === true);
    const lines = [lead, ...shared.map((o) => objectiveLine(o, opts))];
    if (shared.length < objectives.length) {
      lines.push(
        `Some of this work we cannot tell you about yet, to keep you and other people safe. ${capitalise(worker)} will tell you what they can.`,
      );
    }
    return lines.join('\n');
  }
  const shared = objectives.filter((o) => o.shareWithYoungPerson !== false);
  if (shared.length === 0) return null;
  const lines = shared.map((o) => objectiveLine(o, opts));
  if (key === 'criminal_justice_support') {
    lines.unshift(
      'If there is a police investigation or a court case, you will have support before, during and after it. You can choose how you give evidence, and you can change your mind.',
    );
  }
  return lines.join('\n');
}

/** Generates the young person's version of a plan. Every section starts unedited. */
export function generatePlainLanguagePlan(plan: Plan, options: PlainLanguageOptions): PlainLanguagePlan {
  const sections: PlainSection[] = [];
  const push = (key: PlainSectionKey, body: string) =>
    sections.push({ key, heading: PLAIN_HEADINGS[key], text: body, generatedText: body, edited: false });

  push(
    'intro',
    [
      `This is your plan, ${options.childName.trim()}. It says what we will do to keep you safe and to help with the things you want.`,
      'What has happened is not your fault.',
      `We will look at this plan again with you by ${plainDate(plan.reviewDate)}.`,
    ].join('\n'),
  );
  for (const key of PLAN_SECTIONS) {
    const body = sectionText(plan, key, options);
    if (body) push(key, body);
  }
  const say = [
    'You can ask us about anything in this plan, and tell us if something is wrong or missing.',
    'We will write down what you say, in your words. If we do not do what you ask, we will tell you why.',
  ];
  const previous = options.previousResponse;
  if (previous?.said.status === 'in_their_words')
    say.push(`Last time you said: “${previous.said.words.trim()}”`);
  if (previous && previous.viewsFollowed !== 'yes' && previous.whyNot) {
    say.push(`We did not do everything you asked. This is why: ${sentence(previous.whyNot)}`);
  }
  push('your_say', say.join('\n'));

  return { planId: plan.id, planVersion: plan.version, generatedAt: options.generatedAt, sections };
}

export class PlainLanguageError extends Error {
  override readonly name = 'PlainLanguageError';
}

/** The worker's edit of one section: the generated text is kept beside it. */
export function editPlainLanguageSection(
  doc: PlainLanguagePlan,
  key: PlainSectionKey,
  newText: string,
  edit: { readonly by: string; readonly at: string },
): PlainLanguagePlan {
  if (!doc.sections.some((s) => s.key === key)) {
    throw new PlainLanguageError(`The plain-language plan has no "${key}" section.`);
  }
  return {
    ...doc,
    sections: doc.sections.map((s) =>
      s.key === key ? { ...s, text: newText, edited: newText !== s.generatedText } : s,
    ),
    editedAt: edit.at,
    editedBy: edit.by,
  };
}

export interface PlainLanguageIssue {
  readonly key: PlainSectionKey;
  readonly kind: 'jargon' | 'long_sentence' | 'empty';
  readonly detail: string;
}

/** Sentences longer than this are flagged for the worker to shorten. */
export const LONG_SENTENCE_WORDS = 25;

/** What to look at before the young person sees it: jargon, long sentences, emptied sections. Never blocking. */
export function plainLanguageIssues(
  doc: PlainLanguagePlan,
  glossary: readonly GlossaryEntry[] = PLAIN_LANGUAGE_GLOSSARY,
): PlainLanguageIssue[] {
  const issues: PlainLanguageIssue[] = [];
  for (const s of doc.sections) {
    if (s.text.trim().length === 0) {
      issues.push({ key: s.key, kind: 'empty', detail: 'This section is empty.' });
      continue;
    }
    for (const j of jargonIn(s.text, glossary)) {
      issues.push({ key: s.key, kind: 'jargon', detail: `"${j.term}": try "${j.plain}".` });
    }
    for (const raw of s.text.split(/(?<=[.!?][”"’]?)\s+|\n+/)) {
      const words = raw.trim().split(/\s+/).filter(Boolean).length;
      if (words > LONG_SENTENCE_WORDS) {
        issues.push({
          key: s.key,
          kind: 'long_sentence',
          detail: `${words} words: "${raw.trim().slice(0, 60)}…"`,
        });
      }
    }
  }
  return issues;
}

export const YOUNG_PERSON_RULES = {
  wordsVerbatim: {
    id: 'young-person-words-verbatim',
    statement:
      'What the young person said about their plan is recorded in their own words, quoted, not summarised.',
    source: 'seed 001 Table 4.1 Q2; seed 002 "Young people want… to be heard"',
  },
  timeToQuestion: {
    id: 'time-to-question',
    statement:
      'The young person has time and space to question their plan; if they have not had it yet, a date is set to give it.',
    source:
      'seed 001 Table 4.1 Q2 ("Make sure the young person understands their plan and has had time and space to question it")',
  },
  whyNotFollowed: {
    id: 'views-not-followed-reason',
    statement:
      'When the young person’s views were not followed, or only partly, the record says why, so they can be told.',
    source:
      'seed 002 "Young people want… Explanation: to be informed of the outcome"; PRODUCT §3 "Young person at the centre"',
  },
} as const satisfies Record<string, Rule>;

const YP = YOUNG_PERSON_RULES;

export const youngPersonResponseSchema = z
  .strictObject({
    planId: Uuid,
    planVersion: z.number().int().min(1),
    /** When they saw the plain-language plan. */
    sawItOn: IsoDate,
    howShared: z.enum(['in_person', 'with_an_advocate', 'they_read_it', 'other']),
    hadTimeToQuestion: z.boolean(),
    /** When they will have time to question it, if they have not yet. */
    followUpBy: IsoDate.optional(),
    said: z.discriminatedUnion('status', [
      z.strictObject({
        status: z.literal('in_their_words'),
        words: ruleText(YP.wordsVerbatim, 8000, 'What they said is').refine((w) => !looksReported(w), {
          error: refusal(YP.wordsVerbatim, 'These read as a summary. Quote their words exactly.'),
          params: { rule: YP.wordsVerbatim.id },
        }),
      }),
      /** Saying nothing is their right, and is recorded as such. */
      z.strictObject({ status: z.literal('chose_not_to_say') }),
    ]),
    viewsFollowed: z.enum(['yes', 'partly', 'no']),
    whyNot: z.string().trim().max(4000).optional(),
    recordedBy: z.strictObject({ name: text(200), userId: Uuid.optional() }),
    recordedAt: IsoDateTime,
  })
  .superRefine((r, ctx) => {
    if (r.viewsFollowed !== 'yes' && !isMeaningful(r.whyNot ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['whyNot'],
        message: refusal(
          YP.whyNotFollowed,
          `Their views were ${r.viewsFollowed === 'no' ? 'not' : 'only partly'} followed.`,
        ),
        params: { rule: YP.whyNotFollowed.id },
      });
    }
    if (!r.hadTimeToQuestion && !r.followUpBy) {
      ctx.addIssue({
        code: 'custom',
        path: ['followUpBy'],
        message: refusal(YP.timeToQuestion, 'They have not had time to question the plan yet.'),
        params: { rule: YP.timeToQuestion.id },
      });
    }
  });
export type YoungPersonResponse = z.infer<typeof youngPersonResponseSchema>;
