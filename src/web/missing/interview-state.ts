/**
 * The return interview form's state, and the request it becomes. What is checked here is only that the
 * dates typed are real dates; every rule (an offer needs an offerer, nothing before the return, a
 * decision not to hold one needs a reason) is the server's, so the person sees the server's words.
 */
import type { FieldError } from '../api.ts';
import type { InterviewView, ReturnInterviewInput } from './api.ts';
import { type DateTimeParts, EMPTY_DATE_TIME, nowParts, partsOf, toInstant } from './datetime.tsx';
import type { ActionEntry, PersonEntry, PlaceEntry, ShareEntry } from './InterviewFields.tsx';

export interface InterviewState {
  status: string;
  offeredAt: DateTimeParts;
  offerer: { name: string; role: string; agencyId: string };
  reason: string;
  decidedAt: DateTimeParts;
  decidedBy: string;
  decisionReason: string;
  completedAt: DateTimeParts;
  push: string[];
  pushOther: string;
  pull: string[];
  pullOther: string;
  whatHappened: string;
  account: string;
  places: PlaceEntry[];
  people: PersonEntry[];
  actions: ActionEntry[];
  sharing: ShareEntry[];
}

/** Statuses that show the offer: an offer is needed for these, and may be recorded when not possible. */
export const SHOWS_OFFER = ['offered', 'accepted', 'declined', 'completed', 'not_possible'];

export function initialState(existing: InterviewView | undefined): InterviewState {
  const decision = existing?.notHeldDecision;
  return {
    status: existing?.status ?? 'offered',
    offeredAt: existing?.offer ? partsOf(existing.offer.offeredAt) : nowParts(),
    offerer: {
      name: existing?.offer?.offeredBy.name ?? '',
      role: existing?.offer?.offeredBy.role ?? '',
      agencyId: existing?.offer?.offeredBy.agency?.id ?? '',
    },
    reason: existing?.reason ?? '',
    decidedAt: decision ? partsOf(decision.decidedAt) : nowParts(),
    decidedBy: decision?.decidedBy.name ?? '',
    decisionReason: decision?.reason ?? '',
    completedAt: existing?.completedAt ? partsOf(existing.completedAt) : EMPTY_DATE_TIME,
    push: existing?.pushFactors.map((f) => f.id) ?? [],
    pushOther: existing?.pushFactorsOther ?? '',
    pull: existing?.pullFactors.map((f) => f.id) ?? [],
    pullOther: existing?.pullFactorsOther ?? '',
    whatHappened: existing?.whatHappened ?? '',
    account: existing?.childsAccount ?? '',
    // An entry linked to a record the person may not see is not in the form: the server keeps it as it is.
    places: (existing?.whereTheyWere ?? [])
      .filter((m) => m.requested !== 'existing' || m.context)
      .map((m) => ({
        link: m.context
          ? 'existing_place'
          : m.requested === 'new_of_concern'
            ? 'new_place_of_concern'
            : 'not_linked',
        name: m.name ?? '',
        address: m.address ?? '',
        description: m.description ?? '',
        picked: m.context ? { kind: m.context.kind, id: m.context.id, name: m.context.name } : null,
        note: m.note ?? '',
      })),
    people: (existing?.whoWith ?? [])
      .filter((m) => m.requested !== 'existing' || m.context)
      .map((m) => ({
        link: m.context
          ? 'existing_person'
          : m.requested === 'new_of_concern'
            ? 'new_person_of_concern'
            : 'not_linked',
        name: m.name ?? '',
        description: m.description ?? '',
        picked: m.context ? { kind: m.context.kind, id: m.context.id, name: m.context.name } : null,
        note: m.note ?? '',
      })),
    actions: (existing?.actions ?? []).map((a) => ({
      description: a.description,
      ownerName: a.ownerName ?? '',
      ownerAgencyId: a.ownerAgencyId ?? undefined,
      dueDate: a.dueDate ?? undefined,
    })),
    sharing: (existing?.sharing ?? []).map((x) => ({
      with: x.with as ShareEntry['with'],
      summary: x.summary,
      at: partsOf(x.sharedAt),
    })),
  };
}

const BASE_FIELDS: Record<string, string> = {
  status: 'Where the return interview is up to',
  'offer.offeredAt': 'When it was offered',
  'offer.offeredBy': 'Who offered it',
  'offer.offeredBy.agencyId': 'Their agency',
  offer: 'The offer',
  reason: 'Reason',
  'notHeldDecision.decidedAt': 'When it was decided',
  'notHeldDecision.decidedBy.name': 'Who decided',
  'notHeldDecision.reason': 'Why a return interview will not be held',
  notHeldDecision: 'The decision not to hold one',
  completedAt: 'When it was completed',
  pushFactors: 'Push factors',
  pushFactorsOther: 'Other push factors',
  pullFactors: 'Pull factors',
  pullFactorsOther: 'Other pull factors',
  whatHappened: 'What happened while the child was missing',
  childsAccount: 'The child’s account',
  episodeId: 'The episode',
};

export const label = (field: string) => BASE_FIELDS[field] ?? field;

/** The fields on the page, in order, with their labels: the server's errors are shown against them. */
export function fieldNames(s: InterviewState): Record<string, string> {
  const f: Record<string, string> = { ...BASE_FIELDS };
  s.places.forEach((_, i) => {
    f[`whereTheyWere.${i}.placeId`] = `Place ${i + 1}`;
    f[`whereTheyWere.${i}.note`] = `Place ${i + 1} note`;
    f[`whereTheyWere.${i}.name`] = `Place ${i + 1} name`;
    f[`whereTheyWere.${i}.description`] = `Place ${i + 1} description`;
  });
  s.people.forEach((_, i) => {
    f[`whoWith.${i}.personId`] = `Person ${i + 1}`;
    f[`whoWith.${i}.note`] = `Person ${i + 1} note`;
    f[`whoWith.${i}.description`] = `Person ${i + 1} description`;
  });
  s.actions.forEach((_, i) => {
    f[`actions.${i}.description`] = `Action ${i + 1}`;
  });
  s.sharing.forEach((_, i) => {
    f[`sharing.${i}.sharedAt`] = `When shared (${i + 1})`;
    f[`sharing.${i}.summary`] = `What was shared (${i + 1})`;
  });
  return f;
}

/** The request, or the dates that are not real dates. */
export function toBody(
  s: InterviewState,
  episodeId: string,
): { ok: true; body: ReturnInterviewInput } | { ok: false; problems: FieldError[] } {
  const showsOffer = SHOWS_OFFER.includes(s.status);
  const times: Record<string, ReturnType<typeof toInstant>> = {
    'offer.offeredAt': showsOffer
      ? toInstant(s.offeredAt, 'when it was offered')
      : { ok: true, iso: undefined },
    'notHeldDecision.decidedAt': toInstant(s.decidedAt, 'when it was decided'),
    completedAt: toInstant(s.completedAt, 'when it was completed'),
  };
  s.sharing.forEach((x, i) => {
    times[`sharing.${i}.sharedAt`] = toInstant(x.at, 'when it was shared');
  });
  const problems = Object.entries(times).flatMap(([path, t]) => (t.ok ? [] : [{ path, message: t.message }]));
  if (s.status === 'completed') {
    s.places.forEach((p, i) => {
      if (p.link === 'existing_place' && !p.picked)
        problems.push({
          path: `whereTheyWere.${i}.placeId`,
          message: 'Find and choose the place, or describe it in words',
        });
    });
    s.people.forEach((p, i) => {
      if (p.link === 'existing_person' && !p.picked)
        problems.push({
          path: `whoWith.${i}.personId`,
          message: 'Find and choose the person of concern, or describe them in words',
        });
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const iso = (path: string) => {
    const t = times[path];
    return t?.ok ? t.iso : undefined;
  };
  const offeredAt = iso('offer.offeredAt');
  const completed = s.status === 'completed';
  const body = {
    episodeId,
    status: s.status,
    offer:
      showsOffer && (offeredAt || s.offerer.name.trim())
        ? {
            offeredAt,
            // No name means no offerer: the server refuses that with its reason (independence needs it).
            offeredBy: s.offerer.name.trim()
              ? {
                  name: s.offerer.name,
                  role: s.offerer.role || undefined,
                  agencyId: s.offerer.agencyId || undefined,
                }
              : undefined,
          }
        : undefined,
    reason: s.status === 'declined' || s.status === 'not_possible' ? s.reason || undefined : undefined,
    notHeldDecision:
      s.status === 'not_held'
        ? {
            decidedAt: iso('notHeldDecision.decidedAt'),
            decidedBy: { name: s.decidedBy },
            reason: s.decisionReason || undefined,
          }
        : undefined,
    completedAt: completed ? iso('completedAt') : undefined,
    ...(completed
      ? {
          pushFactors: s.push,
          pushFactorsOther: s.pushOther || undefined,
          pullFactors: s.pull,
          pullFactorsOther: s.pullOther || undefined,
          whatHappened: s.whatHappened || undefined,
          childsAccount: s.account || undefined,
          whereTheyWere: s.places.map((p) =>
            p.link === 'existing_place'
              ? { link: p.link, placeId: p.picked?.id ?? '', note: p.note || undefined }
              : p.link === 'new_place_of_concern'
                ? {
                    link: p.link,
                    name: p.name,
                    address: p.address || undefined,
                    description: p.description || undefined,
                  }
                : { link: p.link, description: p.description },
          ),
          whoWith: s.people.map((p) =>
            p.link === 'existing_person'
              ? { link: p.link, personId: p.picked?.id ?? '', note: p.note || undefined }
              : p.link === 'new_person_of_concern'
                ? { link: p.link, name: p.name || undefined, description: p.description }
                : { link: p.link, description: p.description },
          ),
          actions: s.actions.map((a) => ({
            description: a.description,
            ownerName: a.ownerName || undefined,
            ownerAgencyId: a.ownerAgencyId,
            dueDate: a.dueDate,
          })),
          sharing: s.sharing.map((x, i) => ({
            with: x.with,
            sharedAt: iso(`sharing.${i}.sharedAt`),
            summary: x.summary,
          })),
        }
      : {}),
  } as ReturnInterviewInput;
  return { ok: true, body };
}
