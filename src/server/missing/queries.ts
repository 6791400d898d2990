/**
 * Queries: everything recorded about a child's episodes in a few reads, and the episodes presented with
 * their clocks. Visibility is decided before these run (`openChild`), or in SQL for lists.
 */
import type { Kysely, Transaction } from 'kysely';
import { clockStatus, interviewForEpisode } from '../../domain/missing/index.ts';
import type { DB } from '../db/schema.ts';
import { configFor } from './config.ts';
import { nominationsOf } from './follow-ons.ts';
import { type Names, presentClock, presentEpisode, presentInterview } from './presenter.ts';
import {
  type EpisodeRow,
  type InterviewRow,
  type MentionRow,
  personOf,
  toDomainEpisode,
  toDomainInterview,
} from './store.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface EpisodeBundle {
  episodes: EpisodeRow[];
  interviews: InterviewRow[];
  mentions: MentionRow[];
  statuses: { interview_id: string; status: string; recorded_at: Date; recorded_by: string }[];
  nominations: Awaited<ReturnType<typeof nominationsOf>>;
}

/** Every episode of one child (oldest first), or the named episodes, with what hangs off them. */
export async function loadEpisodes(
  trx: Transaction<DB>,
  where: { childId: string } | { episodeIds: string[] },
): Promise<EpisodeBundle> {
  let q = trx.selectFrom('missing_episodes').selectAll();
  q =
    'childId' in where
      ? q.where('child_id', '=', where.childId)
      : q.where(
          'id',
          'in',
          where.episodeIds.length ? where.episodeIds : ['00000000-0000-0000-0000-000000000000'],
        );
  const episodes = await q.orderBy('reported_at').orderBy('recorded_at').execute();
  const ids = episodes.map((e) => e.id);
  if (ids.length === 0) return { episodes, interviews: [], mentions: [], statuses: [], nominations: [] };
  const [interviews, mentions, nominations] = await Promise.all([
    trx
      .selectFrom('missing_interviews')
      .selectAll()
      .where('episode_id', 'in', ids)
      .orderBy('recorded_at')
      .execute(),
    trx
      .selectFrom('missing_mentions')
      .selectAll()
      .where('episode_id', 'in', ids)
      .orderBy('position')
      .execute(),
    nominationsOf(trx, ids),
  ]);
  const statuses =
    interviews.length === 0
      ? []
      : await trx
          .selectFrom('missing_interview_statuses')
          .select(['interview_id', 'status', 'recorded_at', 'recorded_by'])
          .where(
            'interview_id',
            'in',
            interviews.map((i) => i.id),
          )
          .orderBy('recorded_at')
          .execute();
  return {
    episodes,
    interviews,
    mentions,
    nominations,
    statuses: statuses.map((s) => ({ ...s, recorded_at: new Date(s.recorded_at) })),
  };
}

/** Names of the agencies and users a set of records refers to. */
export async function loadNames(db: Db, bundle: EpisodeBundle): Promise<Names> {
  const userIds = new Set<string>();
  const agencyIds = new Set<string>();
  const person = (value: unknown) => {
    const p = personOf(value);
    if (p.agencyId) agencyIds.add(p.agencyId);
  };
  for (const e of bundle.episodes) {
    userIds.add(e.recorded_by);
    agencyIds.add(e.recorded_agency_id);
    person(e.reported_by);
    person((e.placement as Record<string, unknown> | null) ?? {});
    person((e.safe_and_well as { by?: unknown } | null)?.by);
  }
  for (const i of bundle.interviews) {
    userIds.add(i.recorded_by);
    for (const value of [i.offered_by, i.conducted_by, i.not_held_decided_by]) person(value);
  }
  for (const s of bundle.statuses) userIds.add(s.recorded_by);
  const [agencies, users] = await Promise.all([
    agencyIds.size === 0
      ? []
      : db
          .selectFrom('agencies')
          .select(['id', 'name'])
          .where('id', 'in', [...agencyIds])
          .execute(),
    userIds.size === 0
      ? []
      : db
          .selectFrom('users')
          .select(['id', 'name'])
          .where('id', 'in', [...userIds])
          .execute(),
  ]);
  return {
    agencies: new Map(agencies.map((a) => [a.id, a.name])),
    users: new Map(users.map((u) => [u.id, u.name])),
  };
}

/** Each episode in the bundle, presented with its clock, interviews and triage nominations. */
export function presentEpisodes(bundle: EpisodeBundle, names: Names, now: Date, mayManage: boolean) {
  const domainInterviews = bundle.interviews.map(toDomainInterview);
  return bundle.episodes.map((row) => {
    const { config, warning } = configFor(row.config_version);
    const episode = toDomainEpisode(row, bundle.mentions);
    const clock = clockStatus(
      { ...episode, interview: interviewForEpisode(row.id, domainInterviews) },
      now,
      config,
    );
    const interviews = bundle.interviews
      .filter((i) => i.episode_id === row.id)
      .map((i) =>
        presentInterview(i, {
          config: configFor(i.config_version).config,
          mentions: bundle.mentions,
          statuses: bundle.statuses.filter((s) => s.interview_id === i.id),
          names,
        }),
      );
    const triage = bundle.nominations
      .filter((n) => n.episode_id === row.id)
      .map((n) => ({
        id: n.id,
        episodeId: n.episode_id,
        code: n.reason_code as 'repeat_episodes' | 'harm_while_missing' | 'crime_while_missing',
        reason: n.reason,
        createdAt: new Date(n.created_at).toISOString(),
        consumedAt: n.consumed_at ? new Date(n.consumed_at).toISOString() : null,
      }));
    return {
      episode,
      view: presentEpisode(episode, {
        config,
        configVersion: row.config_version,
        clock: presentClock(clock, warning ? [warning] : []),
        mentions: bundle.mentions,
        interviews,
        triage,
        recorded: { by: row.recorded_by, agencyId: row.recorded_agency_id, at: row.recorded_at },
        names,
        mayManage,
      }),
    };
  });
}
