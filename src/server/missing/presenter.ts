/**
 * Presenters: stored rows, with the domain's answers (clock, duration, pattern), in the API's shapes.
 * The response schemas in `schemas.ts` strip anything not chosen here.
 */
import type { z } from 'zod';
import {
  type ClockStatus,
  episodeDurationMs,
  formatDuration,
  HARM_ANSWER_NAMES,
  INTERVIEW_STATUS_NAMES,
  type InterviewStatus,
  type MissingConfig,
  type MissingEpisode,
  optionLabel,
  SHARE_RECIPIENT_NAMES,
} from '../../domain/missing/index.ts';
import type * as S from './schemas.ts';
import { type InterviewRow, type MentionRow, offererOf, personOf } from './store.ts';

export interface Names {
  agencies: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
  /** Context records the viewer may see, by id (`loadContextNames`); any other id is never presented. */
  contexts: ReadonlyMap<string, { kind: string; name: string }>;
  /** Contexts links recorded from mentions that the viewer may see. */
  links?: ReadonlySet<string>;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined) => (d ? iso(d) : null);

function ref(names: ReadonlyMap<string, string>, id: string | null | undefined) {
  return id ? { id, name: names.get(id) ?? '' } : null;
}

export function presentPerson(value: unknown, names: Names): z.infer<typeof S.PersonRef> {
  const p = personOf(value);
  return {
    name: p.name,
    role: p.role ?? null,
    agency: ref(names.agencies, p.agencyId),
    userId: p.userId ?? null,
  };
}

export function presentOfferer(value: unknown, names: Names): z.infer<typeof S.Offerer> {
  const o = offererOf(value);
  return { ...presentPerson(o, names), providerId: o.providerId ?? null, placementId: o.placementId ?? null };
}

export function presentClock(clock: ClockStatus, extraWarnings: string[] = []): z.infer<typeof S.Clock> {
  return {
    state: clock.state,
    dueAt: isoOrNull(clock.dueAt),
    remainingMs: 'remainingMs' in clock ? clock.remainingMs : null,
    overdueMs: 'overdueMs' in clock ? clock.overdueMs : null,
    offeredAt: 'offeredAt' in clock ? iso(clock.offeredAt) : null,
    outcome: clock.state === 'not_held' ? clock.outcome : null,
    summary: clock.summary,
    warnings: [...clock.warnings, ...extraWarnings],
    basis: clock.basis,
    configVersion: clock.configVersion,
  };
}

/** The context record an id names, if the viewer may see it; otherwise nothing of it. */
export function presentContext(
  id: string | null | undefined,
  names: Names,
): z.infer<typeof S.ContextRef> | null {
  const found = id ? names.contexts.get(id) : undefined;
  if (!id || !found) return null;
  return {
    id,
    kind: found.kind === 'person_of_concern' ? 'person_of_concern' : 'place',
    name: found.name,
  };
}

export function presentMention(m: MentionRow, names: Names): z.infer<typeof S.Mention> {
  const context = presentContext(m.context_id, names);
  return {
    id: m.id,
    episodeId: m.episode_id,
    interviewId: m.interview_id,
    kind: m.kind as 'place' | 'person',
    role: m.role as 'found_at' | 'found_with' | 'was_at' | 'was_with',
    requested: m.requested as 'existing' | 'new_of_concern' | 'not_linked',
    name: m.name,
    address: m.address,
    description: m.description,
    note: m.note,
    contextId: context ? context.id : null,
    context,
    contextLinkId:
      context && m.context_link_id && names.links?.has(m.context_link_id) ? m.context_link_id : null,
    linkedAt: isoOrNull(m.linked_at),
    recordedAt: iso(m.recorded_at),
  };
}

type Factor = { id: string; label: string };
const factors = (ids: readonly string[], list: readonly Factor[]) =>
  ids.map((id) => ({ id, label: optionLabel(list, id) }));

export function presentInterview(
  row: InterviewRow,
  context: {
    config: MissingConfig;
    mentions: readonly MentionRow[];
    statuses: readonly { status: string; recorded_at: Date | string; recorded_by: string }[];
    names: Names;
  },
): z.infer<typeof S.Interview> {
  const { config, names } = context;
  const mine = context.mentions
    .filter((m) => m.interview_id === row.id)
    .sort((a, b) => a.position - b.position);
  const actions = (row.actions as Record<string, unknown>[]).map((a) => ({
    description: String(a.description ?? ''),
    ownerName: typeof a.ownerName === 'string' ? a.ownerName : null,
    ownerAgencyId: typeof a.ownerAgencyId === 'string' ? a.ownerAgencyId : null,
    dueDate: typeof a.dueDate === 'string' ? a.dueDate : null,
  }));
  const sharing = (row.sharing as Record<string, unknown>[]).map((s) => {
    const withWhom = String(s.with ?? 'other') as keyof typeof SHARE_RECIPIENT_NAMES;
    return {
      with: withWhom,
      withName: SHARE_RECIPIENT_NAMES[withWhom] ?? withWhom,
      agencyId: typeof s.agencyId === 'string' ? s.agencyId : null,
      sharedAt: String(s.sharedAt ?? ''),
      summary: String(s.summary ?? ''),
    };
  });
  return {
    id: row.id,
    episodeId: row.episode_id,
    childId: row.child_id,
    configVersion: row.config_version,
    status: row.status as InterviewStatus,
    statusName: INTERVIEW_STATUS_NAMES[row.status as InterviewStatus] ?? row.status,
    offer: row.offered_at
      ? { offeredAt: iso(row.offered_at), offeredBy: presentOfferer(row.offered_by, names) }
      : null,
    reason: row.reason,
    notHeldDecision:
      row.not_held_decided_at && row.not_held_reason
        ? {
            decidedAt: iso(row.not_held_decided_at),
            decidedBy: presentPerson(row.not_held_decided_by, names),
            reason: row.not_held_reason,
          }
        : null,
    completedAt: isoOrNull(row.completed_at),
    conductedBy: row.conducted_by ? presentOfferer(row.conducted_by, names) : null,
    pushFactors: factors(row.push_factors, config.pushFactors),
    pushFactorsOther: row.push_factors_other,
    pullFactors: factors(row.pull_factors, config.pullFactors),
    pullFactorsOther: row.pull_factors_other,
    whatHappened: row.what_happened,
    childsAccount: row.childs_account,
    whereTheyWere: mine.filter((m) => m.kind === 'place').map((m) => presentMention(m, names)),
    whoWith: mine.filter((m) => m.kind === 'person').map((m) => presentMention(m, names)),
    actions,
    sharing,
    independenceWarnings: row.independence_warnings as z.infer<typeof S.IndependenceWarning>[],
    statusHistory: context.statuses.map((s) => ({
      status: s.status,
      statusName: INTERVIEW_STATUS_NAMES[s.status as InterviewStatus] ?? s.status,
      recordedAt: iso(s.recorded_at),
      recordedBy: ref(names.users, s.recorded_by) ?? { id: s.recorded_by, name: '' },
    })),
    recordedBy: ref(names.users, row.recorded_by) ?? { id: row.recorded_by, name: '' },
    recordedAt: iso(row.recorded_at),
    updatedAt: iso(row.updated_at),
  };
}

export function presentEpisode(
  episode: MissingEpisode,
  context: {
    config: MissingConfig;
    configVersion: string;
    clock: z.infer<typeof S.Clock>;
    mentions: readonly MentionRow[];
    interviews: z.infer<typeof S.Interview>[];
    triage: z.infer<typeof S.TriageNomination>[];
    recorded: { by: string; agencyId: string; at: Date | string };
    names: Names;
    mayManage: boolean;
  },
): z.infer<typeof S.Episode> {
  const { config, names } = context;
  const mine = context.mentions
    .filter((m) => m.episode_id === episode.id && m.interview_id === null)
    .sort((a, b) => a.position - b.position);
  const where = mine.find((m) => m.role === 'found_at');
  const duration = episodeDurationMs(episode);
  const placement = episode.missingFrom.placement;
  const safe = episode.safeAndWellCheck;
  return {
    id: episode.id,
    childId: episode.childId,
    configVersion: context.configVersion,
    reportedAt: iso(episode.reportedAt),
    lastSeenAt: isoOrNull(episode.lastSeenAt),
    reportedBy: presentPerson(episode.reportedBy, names),
    missingFrom: {
      kind: episode.missingFrom.kind,
      label: optionLabel(config.missingFrom, episode.missingFrom.kind),
      description: episode.missingFrom.description ?? null,
      placeId: presentContext(episode.missingFrom.placeId, names)?.id ?? null,
      place: presentContext(episode.missingFrom.placeId, names),
      placement: placement
        ? {
            name: placement.name ?? null,
            placementId: placement.placementId ?? null,
            providerId: placement.providerId ?? null,
            agency: ref(names.agencies, placement.agencyId),
          }
        : null,
    },
    protocolCategory: {
      id: episode.protocolCategory,
      label: optionLabel(config.protocolCategories.categories, episode.protocolCategory),
    },
    policeReference: episode.policeReference ?? null,
    policeRiskGrade: episode.policeRiskGrade
      ? {
          id: episode.policeRiskGrade,
          label: optionLabel(config.policeRiskGrades.grades, episode.policeRiskGrade),
        }
      : null,
    returned: episode.returned
      ? {
          at: iso(episode.returned.at),
          how: { id: episode.returned.how, label: optionLabel(config.howReturned, episode.returned.how) },
          where: where ? presentMention(where, names) : null,
          whoWith: mine.filter((m) => m.role === 'found_with').map((m) => presentMention(m, names)),
          notes: episode.returned.notes ?? null,
        }
      : null,
    durationMs: duration,
    durationText: duration === null ? null : formatDuration(duration),
    harmWhileMissing: { id: episode.harmWhileMissing, label: HARM_ANSWER_NAMES[episode.harmWhileMissing] },
    crimeWhileMissing: { id: episode.crimeWhileMissing, label: HARM_ANSWER_NAMES[episode.crimeWhileMissing] },
    harmDetails: episode.harmDetails ?? null,
    safeAndWellCheck: safe
      ? { at: iso(safe.at), by: presentPerson(safe.by, names), notes: safe.notes ?? null }
      : null,
    clock: context.clock,
    interviews: context.interviews,
    triage: context.triage,
    recordedBy: ref(names.users, context.recorded.by) ?? { id: context.recorded.by, name: '' },
    recordedAgency: ref(names.agencies, context.recorded.agencyId) ?? {
      id: context.recorded.agencyId,
      name: '',
    },
    recordedAt: iso(context.recorded.at),
    permissions: {
      recordReturn: context.mayManage,
      recordInterview: context.mayManage && Boolean(episode.returned),
    },
  };
}
