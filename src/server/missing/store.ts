/**
 * Rows in and out: writing episodes, interviews and the places and people mentioned, and turning rows
 * back into the domain's records so its rules (clock, independence, triggers, pattern) run on them.
 */
import type { Selectable, Transaction } from 'kysely';
import type {
  MissingEpisode,
  MissingEpisodeData,
  ReturnInterview,
  ReturnInterviewData,
} from '../../domain/missing/index.ts';
import type { DB, MissingEpisodeTable, MissingInterviewTable, MissingMentionTable } from '../db/schema.ts';

export type EpisodeRow = Selectable<MissingEpisodeTable>;
export type InterviewRow = Selectable<MissingInterviewTable>;
export type MentionRow = Selectable<MissingMentionTable>;

type Role = 'found_at' | 'found_with' | 'was_at' | 'was_with';
type Requested = 'existing' | 'new_of_concern' | 'not_linked';

export interface NewMention {
  kind: 'place' | 'person';
  role: Role;
  requested: Requested;
  name?: string | undefined;
  address?: string | undefined;
  description?: string | undefined;
  note?: string | undefined;
  contextId?: string | undefined;
}

const json = (value: unknown) => JSON.stringify(value ?? null);
const jsonOrNull = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
const optional = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

// ---- Episodes -------------------------------------------------------------------------------------

export async function insertEpisode(
  trx: Transaction<DB>,
  e: MissingEpisodeData,
  meta: { configVersion: string; userId: string; agencyId: string; interviewDueAt: Date | null },
): Promise<string> {
  const row = await trx
    .insertInto('missing_episodes')
    .values({
      child_id: e.childId,
      config_version: meta.configVersion,
      reported_at: e.reportedAt,
      last_seen_at: e.lastSeenAt ?? null,
      reported_by: json(e.reportedBy),
      missing_from_kind: e.missingFrom.kind,
      missing_from_description: e.missingFrom.description ?? null,
      missing_from_place_id: e.missingFrom.placeId ?? null,
      placement: jsonOrNull(e.missingFrom.placement),
      protocol_category: e.protocolCategory,
      police_reference: e.policeReference ?? null,
      police_risk_grade: e.policeRiskGrade ?? null,
      returned_at: e.returned?.at ?? null,
      returned_how: e.returned?.how ?? null,
      returned_notes: e.returned?.notes ?? null,
      interview_due_at: meta.interviewDueAt,
      harm_while_missing: e.harmWhileMissing,
      crime_while_missing: e.crimeWhileMissing,
      harm_details: e.harmDetails ?? null,
      safe_and_well_at: e.safeAndWellCheck?.at ?? null,
      safe_and_well: e.safeAndWellCheck
        ? json({ by: e.safeAndWellCheck.by, notes: e.safeAndWellCheck.notes })
        : null,
      recorded_by: meta.userId,
      recorded_agency_id: meta.agencyId,
      return_recorded_by: e.returned ? meta.userId : null,
      return_recorded_at: e.returned ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes what is known at or after the return onto a stored episode. */
export async function updateReturn(
  trx: Transaction<DB>,
  id: string,
  e: MissingEpisodeData,
  meta: { userId: string; interviewDueAt: Date },
): Promise<void> {
  if (!e.returned) throw new Error('updateReturn needs a return');
  await trx
    .updateTable('missing_episodes')
    .set({
      returned_at: e.returned.at,
      returned_how: e.returned.how,
      returned_notes: e.returned.notes ?? null,
      interview_due_at: meta.interviewDueAt,
      police_reference: e.policeReference ?? null,
      harm_while_missing: e.harmWhileMissing,
      crime_while_missing: e.crimeWhileMissing,
      harm_details: e.harmDetails ?? null,
      safe_and_well_at: e.safeAndWellCheck?.at ?? null,
      safe_and_well: e.safeAndWellCheck
        ? json({ by: e.safeAndWellCheck.by, notes: e.safeAndWellCheck.notes })
        : null,
      return_recorded_by: meta.userId,
      return_recorded_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Where the child was found and who with, as mention entries. */
export function returnMentions(returned: MissingEpisodeData['returned']): NewMention[] {
  if (!returned) return [];
  const out: NewMention[] = [];
  const where = returned.where;
  if (where && (where.placeId || where.description)) {
    out.push({
      kind: 'place',
      role: 'found_at',
      requested: where.placeId ? 'existing' : 'not_linked',
      description: where.description,
      contextId: where.placeId,
    });
  }
  for (const person of returned.whoWith) {
    out.push({
      kind: 'person',
      role: 'found_with',
      requested: person.personId ? 'existing' : 'not_linked',
      description: person.description,
      contextId: person.personId,
    });
  }
  return out;
}

/** The places and people an interview names, as mention entries. */
export function interviewMentions(i: ReturnInterviewData): NewMention[] {
  const places = i.whereTheyWere.map((p): NewMention => {
    if (p.link === 'existing_place')
      return { kind: 'place', role: 'was_at', requested: 'existing', contextId: p.placeId, note: p.note };
    if (p.link === 'new_place_of_concern')
      return {
        kind: 'place',
        role: 'was_at',
        requested: 'new_of_concern',
        name: p.name,
        address: p.address,
        description: p.description,
      };
    return { kind: 'place', role: 'was_at', requested: 'not_linked', description: p.description };
  });
  const people = i.whoWith.map((p): NewMention => {
    if (p.link === 'existing_person')
      return { kind: 'person', role: 'was_with', requested: 'existing', contextId: p.personId, note: p.note };
    if (p.link === 'new_person_of_concern')
      return {
        kind: 'person',
        role: 'was_with',
        requested: 'new_of_concern',
        name: p.name,
        description: p.description,
      };
    return { kind: 'person', role: 'was_with', requested: 'not_linked', description: p.description };
  });
  return [...places, ...people];
}

function mentionValues(
  m: NewMention,
  position: number,
  meta: { childId: string; episodeId: string; interviewId: string | null; userId: string },
) {
  return {
    child_id: meta.childId,
    episode_id: meta.episodeId,
    interview_id: meta.interviewId,
    kind: m.kind,
    role: m.role,
    requested: m.requested,
    name: m.name ?? null,
    address: m.address ?? null,
    description: m.description ?? null,
    note: m.note ?? null,
    context_id: m.contextId ?? null,
    linked_at: m.contextId ? new Date() : null,
    linked_by: m.contextId ? meta.userId : null,
    position,
    recorded_by: meta.userId,
  };
}

export async function insertMentions(
  trx: Transaction<DB>,
  mentions: NewMention[],
  meta: { childId: string; episodeId: string; interviewId: string | null; userId: string },
): Promise<void> {
  if (mentions.length === 0) return;
  await trx
    .insertInto('missing_mentions')
    .values(mentions.map((m, position) => mentionValues(m, position, meta)))
    .execute();
}

/**
 * Replaces the places and people from one source (the return, or one interview) with `next`, as a form
 * sends them all again. An entry linked to a context record that comes back (same kind, role and record)
 * is kept, with its id, when it was linked and any contexts link recorded from it; only its words and
 * place in the list change. An entry linked to a record the viewer may not see is kept as it is: they
 * could neither see it nor send it back, so leaving it out is not a decision to remove it.
 */
export async function replaceMentions(
  trx: Transaction<DB>,
  next: NewMention[],
  meta: { childId: string; episodeId: string; interviewId: string | null; userId: string },
  visibleContexts: ReadonlySet<string>,
): Promise<void> {
  let q = trx.selectFrom('missing_mentions').selectAll().where('episode_id', '=', meta.episodeId);
  q =
    meta.interviewId === null
      ? q.where('interview_id', 'is', null)
      : q.where('interview_id', '=', meta.interviewId);
  const old = await q.orderBy('position').execute();
  const hidden = (m: MentionRow) => m.context_id !== null && !visibleContexts.has(m.context_id);
  const reusable = old.filter((m) => m.context_id !== null && !hidden(m));
  const kept = new Set<string>();
  const inserts: ReturnType<typeof mentionValues>[] = [];
  for (const [position, m] of next.entries()) {
    const same = m.contextId
      ? reusable.find(
          (o) => !kept.has(o.id) && o.kind === m.kind && o.role === m.role && o.context_id === m.contextId,
        )
      : undefined;
    if (!same) {
      inserts.push(mentionValues(m, position, meta));
      continue;
    }
    kept.add(same.id);
    await trx
      .updateTable('missing_mentions')
      .set({
        requested: m.requested,
        name: m.name ?? null,
        address: m.address ?? null,
        description: m.description ?? null,
        note: m.note ?? null,
        position,
      })
      .where('id', '=', same.id)
      .execute();
  }
  const gone = old.filter((o) => !kept.has(o.id) && !hidden(o)).map((o) => o.id);
  if (gone.length > 0) await trx.deleteFrom('missing_mentions').where('id', 'in', gone).execute();
  // Entries kept unseen go after the ones sent, in their old order.
  for (const [n, o] of old.filter(hidden).entries()) {
    await trx
      .updateTable('missing_mentions')
      .set({ position: next.length + n })
      .where('id', '=', o.id)
      .execute();
  }
  if (inserts.length > 0) await trx.insertInto('missing_mentions').values(inserts).execute();
}

// ---- Interviews -----------------------------------------------------------------------------------

export function interviewValues(i: ReturnInterviewData) {
  return {
    status: i.status,
    offered_at: i.offer?.offeredAt ?? null,
    offered_by: i.offer ? jsonOrNull(i.offer.offeredBy) : null,
    reason: i.reason ?? null,
    not_held_decided_at: i.notHeldDecision?.decidedAt ?? null,
    not_held_decided_by: i.notHeldDecision ? json(i.notHeldDecision.decidedBy) : null,
    not_held_reason: i.notHeldDecision?.reason ?? null,
    completed_at: i.completedAt ?? null,
    conducted_by: jsonOrNull(i.conductedBy),
    push_factors: i.pushFactors,
    push_factors_other: i.pushFactorsOther ?? null,
    pull_factors: i.pullFactors,
    pull_factors_other: i.pullFactorsOther ?? null,
    what_happened: i.whatHappened ?? null,
    childs_account: i.childsAccount ?? null,
    actions: json(i.actions),
    sharing: json(i.sharing.map((s) => ({ ...s, sharedAt: s.sharedAt.toISOString() }))),
  };
}

// ---- Rows back to the domain ----------------------------------------------------------------------

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj | null =>
  typeof value === 'object' && value !== null ? (value as Obj) : null;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function personOf(value: unknown) {
  const o = asObj(value) ?? {};
  return {
    name: str(o.name) ?? '',
    role: str(o.role),
    agencyId: str(o.agencyId),
    userId: str(o.userId),
  };
}

export function offererOf(value: unknown) {
  const o = asObj(value) ?? {};
  return { ...personOf(o), providerId: str(o.providerId), placementId: str(o.placementId) };
}

const date = (value: Date | string) => new Date(value);

/** A stored episode as the domain's record, with where found and who with from its mentions. */
export function toDomainEpisode(row: EpisodeRow, mentions: readonly MentionRow[]): MissingEpisode {
  const mine = mentions.filter((m) => m.episode_id === row.id && m.interview_id === null);
  const where = mine.find((m) => m.role === 'found_at');
  const placement = asObj(row.placement);
  const safe = asObj(row.safe_and_well);
  return {
    id: row.id,
    childId: row.child_id,
    reportedAt: date(row.reported_at),
    lastSeenAt: row.last_seen_at ? date(row.last_seen_at) : undefined,
    reportedBy: personOf(row.reported_by),
    missingFrom: {
      kind: row.missing_from_kind,
      placement: placement
        ? {
            name: str(placement.name),
            placementId: str(placement.placementId),
            providerId: str(placement.providerId),
            agencyId: str(placement.agencyId),
          }
        : undefined,
      placeId: optional(row.missing_from_place_id),
      description: optional(row.missing_from_description),
    },
    protocolCategory: row.protocol_category,
    policeReference: optional(row.police_reference),
    policeRiskGrade: optional(row.police_risk_grade),
    returned:
      row.returned_at && row.returned_how
        ? {
            at: date(row.returned_at),
            how: row.returned_how,
            notes: optional(row.returned_notes),
            where: where
              ? {
                  placeId: optional(where.context_id),
                  description: optional(where.description ?? where.name),
                }
              : undefined,
            whoWith: mine
              .filter((m) => m.role === 'found_with')
              .map((m) => ({ personId: optional(m.context_id), description: m.description ?? m.name ?? '' })),
          }
        : undefined,
    harmWhileMissing: row.harm_while_missing as MissingEpisode['harmWhileMissing'],
    crimeWhileMissing: row.crime_while_missing as MissingEpisode['crimeWhileMissing'],
    harmDetails: optional(row.harm_details),
    safeAndWellCheck:
      row.safe_and_well_at && safe
        ? { at: date(row.safe_and_well_at), by: personOf(safe.by), notes: str(safe.notes) }
        : undefined,
  };
}

/** What the clock and the independence check need from a stored interview. */
export function toDomainInterview(row: InterviewRow): Pick<
  ReturnInterview,
  'status' | 'reason' | 'offer' | 'notHeldDecision' | 'conductedBy'
> & {
  id: string;
  episodeId: string;
} {
  return {
    id: row.id,
    episodeId: row.episode_id,
    status: row.status as ReturnInterview['status'],
    reason: optional(row.reason),
    offer: row.offered_at
      ? { offeredAt: date(row.offered_at), offeredBy: offererOf(row.offered_by) }
      : undefined,
    notHeldDecision:
      row.not_held_decided_at && row.not_held_reason
        ? {
            decidedAt: date(row.not_held_decided_at),
            decidedBy: personOf(row.not_held_decided_by),
            reason: row.not_held_reason,
          }
        : undefined,
    conductedBy: row.conducted_by ? offererOf(row.conducted_by) : undefined,
  };
}

/**
 * A parsed record back in the shape a client sends (times as ISO strings), so it can be checked again
 * by a schema that needs its episode (`returnInterviewSchema(config, episode)`).
 */
export function asInput(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(asInput);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, asInput(v)]),
    );
  }
  return value;
}
