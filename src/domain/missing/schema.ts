/**
 * What the API accepts for a missing episode and a return interview, with the rules that refuse bad
 * input. Every refusal names the field and the rule, in words a practitioner can act on.
 *
 * Times arrive as ISO 8601 with an offset ("2026-03-28T10:00:00Z"): a time without one is ambiguous
 * around the clock changes, so it is refused. Parsing turns them into UTC Dates.
 *
 * The lists (where from, how returned, police gradings, push and pull factors) come from the
 * configuration, so the schemas are built from it; the shipped configuration gives the default schemas.
 */
import { z } from 'zod';
import { MISSING_CONFIG, type MissingConfig } from './config.ts';
import { formatLondon } from './london.ts';

const uuid = z.uuid({ message: 'must be a valid id' });
const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** An instant with an explicit offset, parsed to a UTC Date. */
export const instant = z.iso
  .datetime({ offset: true, message: 'must be a date and time with an offset, like 2026-03-28T10:00:00Z' })
  .transform((s) => new Date(s));

const isoDate = z.iso.date({ message: 'must be a date like 2026-03-31' });
/** An id from one of the configured lists; checked against the list by the rules below. */
const optionId = z.string().max(60);

/** Whether harm, or a crime, happened while the child was missing. "Not known yet" is always allowed. */
export const HARM_ANSWERS = ['known', 'suspected', 'none_known', 'not_known_yet'] as const;
export type HarmAnswer = (typeof HARM_ANSWERS)[number];
export const HARM_ANSWER_NAMES = {
  known: 'Yes: known to have happened',
  suspected: 'Suspected',
  none_known: 'None known',
  not_known_yet: 'Not known yet',
} as const satisfies Record<HarmAnswer, string>;

/** Someone who reported, offered, decided or interviewed: a name and, where known, their agency. */
const personRef = z.strictObject({
  name: text(200),
  role: optionalText(200),
  agencyId: uuid.optional(),
  userId: uuid.optional(),
});

/** Who offered (or held) the interview, with what identifies their placement or provider, if any. */
const offerer = personRef.extend({
  providerId: uuid.optional(),
  placementId: uuid.optional(),
});

const placement = z.strictObject({
  name: optionalText(200),
  placementId: uuid.optional(),
  /** The organisation running the placement (a provider or the local authority's own service). */
  providerId: uuid.optional(),
  /** The agency in Lantern the placement belongs to. */
  agencyId: uuid.optional(),
});

/**
 * a < b, for two valid Dates only. Zod still runs these rules when a time failed its format check (the
 * raw string is passed on); that failure is already reported, so the comparison stays silent.
 */
function isBefore(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date && a.getTime() < b.getTime();
}

function isKnown(ids: readonly { id: string }[], value: string): boolean {
  return ids.some((o) => o.id === value);
}

function listOf(ids: readonly { id: string }[]): string {
  return ids.map((o) => o.id).join(', ');
}

// ---------------------------------------------------------------------------------------------------
// Missing episode
// ---------------------------------------------------------------------------------------------------

export function missingEpisodeSchema(config: MissingConfig = MISSING_CONFIG) {
  return z
    .strictObject({
      childId: uuid,
      /** When the child was reported missing. */
      reportedAt: instant,
      /** When the child was last seen, if before the report. Duration runs from here when known. */
      lastSeenAt: instant.optional(),
      reportedBy: personRef,
      missingFrom: z.strictObject({
        kind: optionId,
        placement: placement.optional(),
        placeId: uuid.optional(),
        description: optionalText(500),
      }),
      protocolCategory: optionId,
      policeReference: optionalText(100),
      /** The police's own grading of the report: recorded as given, never Lantern's judgement. */
      policeRiskGrade: optionId.optional(),
      returned: z
        .strictObject({
          at: instant,
          where: z.strictObject({ placeId: uuid.optional(), description: optionalText(500) }).optional(),
          whoWith: z
            .array(z.strictObject({ personId: uuid.optional(), description: text(500) }))
            .max(50)
            .default([]),
          how: optionId,
          notes: optionalText(4000),
        })
        .optional(),
      harmWhileMissing: z.enum(HARM_ANSWERS).default('not_known_yet'),
      crimeWhileMissing: z.enum(HARM_ANSWERS).default('not_known_yet'),
      harmDetails: optionalText(4000),
      safeAndWellCheck: z.strictObject({ at: instant, by: personRef, notes: optionalText(4000) }).optional(),
    })
    .superRefine((e, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });

      if (e.lastSeenAt && isBefore(e.reportedAt, e.lastSeenAt)) {
        issue(
          ['lastSeenAt'],
          `lastSeenAt (${formatLondon(e.lastSeenAt)}) is after reportedAt (${formatLondon(e.reportedAt)}): ` +
            'a child is last seen before, or when, they are reported missing',
        );
      }
      if (e.returned && isBefore(e.returned.at, e.reportedAt)) {
        issue(
          ['returned', 'at'],
          `returned.at (${formatLondon(e.returned.at)}) is before reportedAt (${formatLondon(e.reportedAt)}): ` +
            'a child cannot be found or return before being reported missing; check both times',
        );
      }
      if (!isKnown(config.missingFrom, e.missingFrom.kind)) {
        issue(
          ['missingFrom', 'kind'],
          `missingFrom.kind "${e.missingFrom.kind}" is not one of the configured places a child goes missing ` +
            `from (${listOf(config.missingFrom)})`,
        );
      }
      const fromOption = config.missingFrom.find((o) => o.id === e.missingFrom.kind);
      if (e.missingFrom.placement && fromOption && !fromOption.placement) {
        issue(
          ['missingFrom', 'placement'],
          `missingFrom.placement is only recorded when the child went missing from a care placement, ` +
            `not from "${fromOption.label}"`,
        );
      }
      if (!isKnown(config.protocolCategories.categories, e.protocolCategory)) {
        issue(
          ['protocolCategory'],
          `protocolCategory "${e.protocolCategory}" is not a category in the local protocol ` +
            `(${listOf(config.protocolCategories.categories)})`,
        );
      }
      if (e.policeRiskGrade !== undefined && !isKnown(config.policeRiskGrades.grades, e.policeRiskGrade)) {
        issue(
          ['policeRiskGrade'],
          `policeRiskGrade "${e.policeRiskGrade}" is not a grading in the national police scheme ` +
            `(${config.policeRiskGrades.grades.map((g) => g.label.toLowerCase()).join(', ')}; ` +
            'College of Policing APP, missing persons)',
        );
      }
      if (e.returned && !isKnown(config.howReturned, e.returned.how)) {
        issue(
          ['returned', 'how'],
          `returned.how "${e.returned.how}" is not one of the configured ways a child is found or returns ` +
            `(${listOf(config.howReturned)})`,
        );
      }
      if (e.safeAndWellCheck) {
        if (!e.returned) {
          issue(
            ['safeAndWellCheck'],
            'safeAndWellCheck needs the return recorded first: the police check happens after the child is found',
          );
        } else if (isBefore(e.safeAndWellCheck.at, e.returned.at)) {
          issue(
            ['safeAndWellCheck', 'at'],
            `safeAndWellCheck.at (${formatLondon(e.safeAndWellCheck.at)}) is before returned.at ` +
              `(${formatLondon(e.returned.at)}): the check happens after the child is found or returns`,
          );
        }
      }
    });
}

export const missingEpisodeInputSchema = missingEpisodeSchema();
/** What a client sends (times as ISO strings). */
export type MissingEpisodeInput = z.input<typeof missingEpisodeInputSchema>;
/** What parsing gives (times as Dates, defaults filled in). */
export type MissingEpisodeData = z.output<typeof missingEpisodeInputSchema>;
/** A stored episode. */
export type MissingEpisode = MissingEpisodeData & { id: string };

// ---------------------------------------------------------------------------------------------------
// Return interview
// ---------------------------------------------------------------------------------------------------

export const INTERVIEW_STATUSES = [
  'offered',
  'accepted',
  'declined',
  'not_possible',
  'not_held',
  'completed',
] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export const INTERVIEW_STATUS_NAMES = {
  offered: 'Offered, waiting for a reply',
  accepted: 'Accepted',
  declined: 'Declined by the child',
  not_possible: 'Not possible',
  not_held: 'Decision not to hold one',
  completed: 'Completed',
} as const satisfies Record<InterviewStatus, string>;

/** Statuses that only make sense once an interview has been offered. */
const NEEDS_OFFER: readonly InterviewStatus[] = ['offered', 'accepted', 'declined', 'completed'];

export const SHARE_RECIPIENTS = ['childrens_services', 'police', 'other'] as const;
export const SHARE_RECIPIENT_NAMES = {
  childrens_services: "Children's services",
  police: 'Police',
  other: 'Other agency',
} as const satisfies Record<(typeof SHARE_RECIPIENTS)[number], string>;

/** A place the child was while missing: an existing place, a new place of concern, or words only. */
const placeLink = z.discriminatedUnion('link', [
  z.strictObject({ link: z.literal('existing_place'), placeId: uuid, note: optionalText(1000) }),
  z.strictObject({
    link: z.literal('new_place_of_concern'),
    name: text(200),
    address: optionalText(300),
    description: optionalText(1000),
  }),
  z.strictObject({ link: z.literal('not_linked'), description: text(1000) }),
]);

/** Someone the child was with: an existing person, a new person of concern, or words only. */
const personLink = z.discriminatedUnion('link', [
  z.strictObject({ link: z.literal('existing_person'), personId: uuid, note: optionalText(1000) }),
  z.strictObject({
    link: z.literal('new_person_of_concern'),
    /** A name, nickname or handle, if the child gave one. */
    name: optionalText(200),
    description: text(1000),
  }),
  z.strictObject({ link: z.literal('not_linked'), description: text(1000) }),
]);

/** The episode an interview belongs to, for the rules that compare the two. */
export interface InterviewEpisodeContext {
  returned?: { at: Date } | null;
}

export function returnInterviewSchema(
  config: MissingConfig = MISSING_CONFIG,
  episode?: InterviewEpisodeContext,
) {
  return z
    .strictObject({
      episodeId: uuid,
      status: z.enum(INTERVIEW_STATUSES),
      offer: z
        .strictObject({
          offeredAt: instant,
          /** Optional in shape only, so that its absence is refused with a reason rather than "Required". */
          offeredBy: offerer.optional(),
        })
        .optional(),
      /** Why the child declined (in their words, or that they gave none), or why it was not possible. */
      reason: optionalText(2000),
      notHeldDecision: z
        .strictObject({ decidedAt: instant, decidedBy: personRef, reason: optionalText(2000) })
        .optional(),
      completedAt: instant.optional(),
      conductedBy: offerer.optional(),
      pushFactors: z.array(optionId).max(50).default([]),
      pushFactorsOther: optionalText(2000),
      pullFactors: z.array(optionId).max(50).default([]),
      pullFactorsOther: optionalText(2000),
      whatHappened: optionalText(10_000),
      /** The child's account in their own words. Never required: nothing waits for a disclosure. */
      childsAccount: optionalText(10_000),
      whereTheyWere: z.array(placeLink).max(50).default([]),
      whoWith: z.array(personLink).max(50).default([]),
      actions: z
        .array(
          z.strictObject({
            description: text(1000),
            ownerName: optionalText(200),
            ownerAgencyId: uuid.optional(),
            dueDate: isoDate.optional(),
          }),
        )
        .max(50)
        .default([]),
      sharing: z
        .array(
          z.strictObject({
            with: z.enum(SHARE_RECIPIENTS),
            agencyId: uuid.optional(),
            sharedAt: instant,
            summary: text(4000),
          }),
        )
        .max(20)
        .default([]),
    })
    .superRefine((r, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      const statusName = `"${r.status}"`;

      if (r.offer && !r.offer.offeredBy) {
        issue(
          ['offer', 'offeredBy'],
          'offer.offeredBy is required: an offer must say who made it (name and agency), ' +
            'so that its independence from the placement can be checked',
        );
      }
      if (NEEDS_OFFER.includes(r.status) && !r.offer) {
        issue(
          ['offer'],
          `offer is required when status is ${statusName}: record when it was offered and by whom`,
        );
      }
      if ((r.status === 'declined' || r.status === 'not_possible') && !r.reason) {
        issue(
          ['reason'],
          r.status === 'declined'
            ? 'reason is required when the child declines: record what they said, or that they gave no reason'
            : 'reason is required when an interview is not possible: record why and what was tried',
        );
      }
      if (r.status === 'not_held' && !r.notHeldDecision) {
        issue(
          ['notHeldDecision'],
          'notHeldDecision is required when status is "not_held": a decision not to hold a return ' +
            'interview is recorded with who decided, when and why',
        );
      }
      if (r.notHeldDecision && !r.notHeldDecision.reason) {
        issue(
          ['notHeldDecision', 'reason'],
          'notHeldDecision.reason is required: a decision not to hold a return interview must say why',
        );
      }
      if (r.notHeldDecision && r.status !== 'not_held') {
        issue(
          ['notHeldDecision'],
          `notHeldDecision is only recorded when status is "not_held", not ${statusName}`,
        );
      }
      if (r.status === 'completed' && !r.completedAt) {
        issue(['completedAt'], 'completedAt is required when status is "completed"');
      }
      if (r.completedAt && r.status !== 'completed') {
        issue(['completedAt'], `completedAt is only recorded when status is "completed", not ${statusName}`);
      }
      if (r.completedAt && r.offer && isBefore(r.completedAt, r.offer.offeredAt)) {
        issue(
          ['completedAt'],
          `completedAt (${formatLondon(r.completedAt)}) is before offer.offeredAt ` +
            `(${formatLondon(r.offer.offeredAt)}): an interview is completed after it is offered`,
        );
      }
      r.pushFactors.forEach((f, i) => {
        if (!isKnown(config.pushFactors, f)) {
          issue(
            ['pushFactors', i],
            `pushFactors: "${f}" is not in the configured list of push factors (version ${config.version}); ` +
              'describe anything else in pushFactorsOther',
          );
        }
      });
      r.pullFactors.forEach((f, i) => {
        if (!isKnown(config.pullFactors, f)) {
          issue(
            ['pullFactors', i],
            `pullFactors: "${f}" is not in the configured list of pull factors (version ${config.version}); ` +
              'describe anything else in pullFactorsOther',
          );
        }
      });
      for (const field of ['pushFactors', 'pullFactors'] as const) {
        if (new Set(r[field]).size !== r[field].length)
          issue([field], `${field} lists the same factor twice`);
      }

      if (!episode) return;
      const returnedAt = episode.returned?.at;
      if (!returnedAt) {
        issue(
          ['episodeId'],
          'the episode has no return recorded: record when and where the child was found or returned ' +
            'before the return interview',
        );
        return;
      }
      if (r.offer && isBefore(r.offer.offeredAt, returnedAt)) {
        issue(
          ['offer', 'offeredAt'],
          `offer.offeredAt (${formatLondon(r.offer.offeredAt)}) is before the child was found or returned ` +
            `(${formatLondon(returnedAt)}): a return interview is offered after the return`,
        );
      }
      if (r.completedAt && isBefore(r.completedAt, returnedAt)) {
        issue(
          ['completedAt'],
          `completedAt (${formatLondon(r.completedAt)}) is before the child was found or returned ` +
            `(${formatLondon(returnedAt)}): a return interview is completed after the return`,
        );
      }
    });
}

export const returnInterviewInputSchema = returnInterviewSchema();
/** What a client sends (times as ISO strings). */
export type ReturnInterviewInput = z.input<typeof returnInterviewInputSchema>;
/** What parsing gives (times as Dates, defaults filled in). */
export type ReturnInterviewData = z.output<typeof returnInterviewInputSchema>;
/** A stored interview. */
export type ReturnInterview = ReturnInterviewData & { id: string };
