/**
 * Voices in an assessment: the child's wishes and feelings in their own words, the views of parents or
 * carers, and each involved agency's view. A voice is either given or recorded as not obtained with the
 * reason, so a missing voice is always visible rather than silently absent (seed 004, "How to respond":
 * "a holistic assessment will take account of the wishes and feelings of children and the views of their
 * parents/carers"; "it is important all such perspectives … are incorporated in all risk assessments").
 */
import { z } from 'zod';
import { IsoDate, ruleText, text, Uuid } from './common.ts';
import { ASSESSMENT_RULES, refusal } from './rules.ts';

const R = ASSESSMENT_RULES;

export const HOW_EXPRESSED = [
  'spoken',
  'written',
  'signed_or_communication_aid',
  'through_an_advocate',
  'drawing_or_play',
  'other',
] as const;
export const HOW_EXPRESSED_NAMES = {
  spoken: 'Said it',
  written: 'Wrote it',
  signed_or_communication_aid: 'Signed it or used a communication aid',
  through_an_advocate: 'Through an advocate, in their words',
  drawing_or_play: 'Through drawing or play, with their words about it',
  other: 'Another way',
} as const satisfies Record<(typeof HOW_EXPRESSED)[number], string>;

/**
 * Text that reads as a practitioner reporting the child ("YP states she…", "the young person said…")
 * rather than the child's own words. Kept narrow on purpose: a child quoting someone else ("she said I
 * could stay") must never be refused, so only openings a child would not use are caught.
 */
const REPORTED_SPEECH = [
  /^\s*["“']?\s*(?:the\s+)?(?:c?yp|young\s+person|child)\s+(?:said|says|states|stated|reports|reported|feels|felt|expressed|expresses|wants|wanted|disclosed|indicated|indicates)\b/i,
  /^\s*["“']?\s*(?:she|he|they)\s+(?:states|stated|reported|expressed|indicated|disclosed)\b/i,
];

export function looksReported(words: string): boolean {
  return REPORTED_SPEECH.some((re) => re.test(words));
}

const childWords = ruleText(R.childVoiceOwnWords, 8000, 'The child’s words are').refine(
  (w) => !looksReported(w),
  {
    error: refusal(
      R.childVoiceOwnWords,
      'These read as a summary of what the child said. Quote their words exactly; put your own observations in the context note.',
    ),
    params: { rule: R.childVoiceOwnWords.id },
  },
);

const notObtainedReason = ruleText(R.missingVoiceReason, 2000, 'The reason this voice was not obtained is', {
  placeholders: true,
});

export const childVoiceSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('given'),
    /** Marks the words as the child's own, quoted, not paraphrased. */
    inTheirOwnWords: z.literal(true, {
      error: refusal(R.childVoiceOwnWords, 'Mark the words as the child’s own.'),
    }),
    words: childWords,
    howExpressed: z.enum(HOW_EXPRESSED),
    on: IsoDate,
    /** The practitioner's note on how and where the child shared this; never mixed into the quote. */
    context: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    status: z.literal('not_obtained'),
    reason: notObtainedReason,
    /** When the next attempt will be made, so the gap is followed up. */
    nextAttemptBy: IsoDate.optional(),
  }),
]);

export const parentCarerVoiceSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('given'),
    person: text(200),
    relationship: text(100),
    view: ruleText(R.parentsCarersConsidered, 8000, 'The parent’s or carer’s view is'),
    inTheirOwnWords: z.boolean().default(false),
    on: IsoDate.optional(),
  }),
  z.strictObject({
    status: z.literal('not_obtained'),
    person: text(200),
    relationship: text(100),
    reason: notObtainedReason,
  }),
]);

export const agencyVoiceSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('given'),
    agency: text(200),
    agencyId: Uuid.optional(),
    givenBy: text(200).optional(),
    view: text(8000),
  }),
  z.strictObject({
    status: z.literal('not_obtained'),
    agency: text(200),
    agencyId: Uuid.optional(),
    reason: notObtainedReason,
  }),
]);

export const voicesSchema = z.strictObject({
  child: childVoiceSchema,
  parentsCarers: z
    .array(parentCarerVoiceSchema)
    .min(1, refusal(R.parentsCarersConsidered, 'No parent or carer is listed.'))
    .max(20),
  agencies: z.array(agencyVoiceSchema).max(50),
});

/** A voice answer to an instrument prompt of type `voice` (for example the young person's own view of their safety). */
export const voiceEntrySchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('given'),
    words: text(8000),
    inTheirOwnWords: z.boolean(),
    on: IsoDate.optional(),
    context: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({ status: z.literal('not_obtained'), reason: notObtainedReason }),
]);

export type ChildVoice = z.infer<typeof childVoiceSchema>;
export type ParentCarerVoice = z.infer<typeof parentCarerVoiceSchema>;
export type AgencyVoice = z.infer<typeof agencyVoiceSchema>;
export type Voices = z.infer<typeof voicesSchema>;
export type VoiceEntry = z.infer<typeof voiceEntrySchema>;

export type Whose = 'child' | 'parent_carer' | 'agency';

export interface VoiceRef {
  /** Stable key for comparing voices across assessments. */
  readonly key: string;
  readonly whose: Whose;
  /** Who: "The child", a parent's name and relationship, or the agency's name. */
  readonly who: string;
  readonly given: boolean;
  /** Why it was not obtained; null when given, or when nobody recorded anything (an involved agency not asked). */
  readonly reason: string | null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function agencyKey(agency: {
  agency?: string;
  name?: string;
  agencyId?: string;
  id?: string;
}): string {
  const id = agency.agencyId ?? agency.id;
  return `agency:${id ?? norm(agency.agency ?? agency.name ?? '')}`;
}

/** Every voice recorded in the assessment, given or not. */
export function listVoices(voices: Voices): VoiceRef[] {
  const out: VoiceRef[] = [];
  const c = voices.child;
  out.push({
    key: 'child',
    whose: 'child',
    who: 'The child',
    given: c.status === 'given',
    reason: c.status === 'not_obtained' ? c.reason : null,
  });
  for (const p of voices.parentsCarers) {
    out.push({
      key: `parent:${norm(p.person)}`,
      whose: 'parent_carer',
      who: `${p.person} (${p.relationship})`,
      given: p.status === 'given',
      reason: p.status === 'not_obtained' ? p.reason : null,
    });
  }
  for (const a of voices.agencies) {
    out.push({
      key: agencyKey(a),
      whose: 'agency',
      who: a.agency,
      given: a.status === 'given',
      reason: a.status === 'not_obtained' ? a.reason : null,
    });
  }
  return out;
}

/**
 * The voices missing from an assessment, to show beside it: every voice recorded as not obtained (with
 * its reason), and every involved agency with no view recorded at all (reason null: nobody asked).
 */
export function missingVoices(
  voices: Voices,
  involvedAgencies: readonly { name: string; id?: string }[] = [],
): VoiceRef[] {
  const listed = listVoices(voices);
  const missing = listed.filter((v) => !v.given);
  const keys = new Set(listed.map((v) => v.key));
  const byName = new Set(voices.agencies.map((a) => agencyKey({ agency: a.agency })));
  for (const agency of involvedAgencies) {
    const key = agencyKey(agency);
    if (keys.has(key) || byName.has(agencyKey({ name: agency.name }))) continue;
    missing.push({ key, whose: 'agency', who: agency.name, given: false, reason: null });
  }
  return missing;
}
