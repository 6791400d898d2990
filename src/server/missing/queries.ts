/**
 * Queries: everything recorded about a child's episodes in a few reads, and the episodes presented with
 * their clocks. Visibility is decided before these run (`openChild`), or in SQL for lists.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import { clockStatus, interviewForEpisode } from '../../domain/missing/index.ts';
import { contextVisible, linkVisible } from '../contexts/visibility.ts';
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

/**
 * The place and person-of-concern records a set of episodes names, as far as the viewer may see them
 * (the contexts capability's `contextVisible`, in SQL): a record they may not see is simply absent, and
 * the presenters then show the words recorded with the mention and nothing of the record.
 */
export async function loadContextNames(
  db: Db,
  bundle: Pick<EpisodeBundle, 'episodes' | 'mentions'>,
  viewer: Viewer,
): Promise<Names['contexts']> {
  const ids = [
    ...new Set(
      [
        ...bundle.mentions.map((m) => m.context_id),
        ...bundle.episodes.map((e) => e.missing_from_place_id),
      ].filter((id): id is string => typeof id === 'string'),
    ),
  ];
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; kind: string; display_name: string }>`
    SELECT c.id, c.kind, c.display_name FROM contexts c
    WHERE c.id = ANY(${ids}::uuid[]) AND ${contextVisible(viewer, 'c')}`.execute(db);
  return new Map(rows.map((r) => [r.id, { kind: r.kind, name: r.display_name }]));
}

/** The contexts links recorded from these mentions that the viewer may see (`linkVisible`, in SQL). */
export async function loadVisibleLinks(
  db: Db,
  bundle: Pick<EpisodeBundle, 'mentions'>,
  viewer: Viewer,
): Promise<Set<string>> {
  const ids = bundle.mentions.flatMap((m) => (m.context_link_id ? [m.context_link_id] : []));
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT l.id FROM context_links l WHERE l.id = ANY(${ids}::uuid[]) AND ${linkVisible(viewer, 'l')}`.execute(
    db,
  );
  return new Set(rows.map((r) => r.id));
}

/** Names of the agencies, users and (as far as the viewer may see them) context records a set of records refers to. */
export async function loadNames(db: Db, bundle: EpisodeBundle, viewer: Viewer): Promise<Names> {
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
    contexts: await loadContextNames(db, bundle, viewer),
    links: await loadVisibleLinks(db, bundle, viewer),
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
