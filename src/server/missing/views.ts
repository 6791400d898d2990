/**
 * The read side: a child's episodes with their clocks, pattern and network; the return interviews due
 * across the children a viewer may see; and the partnership's share of interviews offered in time.
 */
import { type Kysely, sql } from 'kysely';
import { decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import {
  endOfLondonDay,
  interviewsDue,
  partnershipShare,
  pattern,
  startOfLondonDay,
} from '../../domain/missing/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { childVisibleTo, openChild, transact } from '../children/access.ts';
import { displayName } from '../children/presenter.ts';
import type { Ctx } from '../children/record.ts';
import { loadPerson } from '../children/record-queries.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { CURRENT_CONFIG, configFor } from './config.ts';
import { presentClock, presentMention } from './presenter.ts';
import { loadEpisodes, loadNames, presentEpisodes } from './queries.ts';
import { toDomainInterview } from './store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** A child's episodes, oldest first, with their clocks, the pattern and the places and people named. */
export async function childMissing({ db, actor, viewer }: Ctx, childId: string) {
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, childId);
    const person = await loadPerson(trx, childId);
    const bundle = await loadEpisodes(trx, { childId });
    const names = await loadNames(trx, bundle, viewer);
    const mayManage = decide(viewer, 'missing.manage', { child: access.rel }).allowed && !access.mergedInto;
    const presented = presentEpisodes(bundle, names, new Date(), mayManage);
    const p = pattern(presented.map((x) => x.episode));
    const whereFound = new Map(presented.map((x) => [x.episode.id, x.view.returned?.where]));
    await appendAudit(trx, actor, {
      action: 'missing.read',
      recordType: 'child',
      recordId: childId,
      childId,
      fields: ['missing_episodes', 'return_interviews'],
      details: { episodes: bundle.episodes.length, interviews: bundle.interviews.length },
    });
    const mentions = bundle.mentions.map((m) => presentMention(m, names));
    // A place the viewer may not see is grouped under a key that does not carry its id.
    const hiddenKeys = new Map<string, string>();
    const keyFor = (key: string) => {
      const id = key.startsWith('place:') ? key.slice('place:'.length) : null;
      if (!id || names.contexts.has(id)) return key;
      if (!hiddenKeys.has(id)) hiddenKeys.set(id, `place:not-shown-${hiddenKeys.size + 1}`);
      return hiddenKeys.get(id) as string;
    };
    return {
      child: { id: childId, name: person ? displayName(person) : '' },
      episodes: presented.map((x) => x.view),
      pattern: {
        ...p,
        whereFound: p.whereFound.map((w) => ({ ...w, key: keyFor(w.key) })),
        timeline: p.timeline.map((t) => {
          const where = whereFound.get(t.episodeId);
          return {
            episodeId: t.episodeId,
            reportedAt: iso(t.reportedAt),
            returnedAt: t.returnedAt ? iso(t.returnedAt) : null,
            durationMs: t.durationMs,
            whereFound: where ? (where.description ?? where.name) : null,
          };
        }),
      },
      network: {
        places: mentions.filter((m) => m.kind === 'place'),
        people: mentions.filter((m) => m.kind === 'person'),
      },
      permissions: { recordEpisode: mayManage },
      configVersion: CURRENT_CONFIG.version,
    };
  });
}

/** One episode, for the return and interview forms. */
export async function oneEpisode({ db, actor, viewer }: Ctx, episodeId: string) {
  return transact(db, actor, async (trx) => {
    const row = await trx
      .selectFrom('missing_episodes')
      .select(['id', 'child_id'])
      .where('id', '=', episodeId)
      .executeTakeFirst();
    if (!row) throw notFound('missing episode');
    const access = await openChild(trx, viewer, row.child_id);
    const person = await loadPerson(trx, row.child_id);
    const bundle = await loadEpisodes(trx, { episodeIds: [episodeId] });
    const names = await loadNames(trx, bundle, viewer);
    const mayManage = decide(viewer, 'missing.manage', { child: access.rel }).allowed && !access.mergedInto;
    const [one] = presentEpisodes(bundle, names, new Date(), mayManage);
    if (!one) throw notFound('missing episode');
    await appendAudit(trx, actor, {
      action: 'missing.read',
      recordType: 'missing_episode',
      recordId: episodeId,
      childId: row.child_id,
      fields: ['missing_episode', 'return_interviews'],
    });
    return { child: { id: row.child_id, name: person ? displayName(person) : '' }, episode: one.view };
  });
}

/**
 * Returns still waiting for an interview to be offered or a decision recorded, across the children the
 * viewer may see (filtered in SQL), most overdue first. `mine`: only children the viewer carries.
 */
export async function dueInterviews({ db, actor, viewer }: Ctx, scope: 'mine' | 'all') {
  return transact(db, actor, async (trx) => {
    const carries = (v: Viewer) =>
      sql<boolean>`EXISTS (SELECT 1 FROM child_professionals cp WHERE cp.child_id = e.child_id AND cp.ended_at IS NULL
      AND cp.kind IN ('lead_worker', 'co_worker') AND cp.user_id = ${v.userId})`;
    let q = trx
      .selectFrom('missing_episodes as e')
      .innerJoin('people as p', 'p.id', 'e.child_id')
      .leftJoin('child_professionals as lw', (join) =>
        join
          .onRef('lw.child_id', '=', 'e.child_id')
          .on('lw.kind', '=', 'lead_worker')
          .on('lw.ended_at', 'is', null),
      )
      .leftJoin('users as lu', 'lu.id', 'lw.user_id')
      .select([
        'e.id',
        'e.child_id',
        'e.config_version',
        'e.reported_at',
        'e.returned_at',
        'p.given_name',
        'p.family_name',
        'lu.id as lead_id',
        'lu.name as lead_name',
        carries(viewer).as('yours'),
      ])
      .where('e.returned_at', 'is not', null)
      .where('p.merged_into', 'is', null)
      // DANGER: this line keeps children the viewer may not see out of the list.
      .where(childVisibleTo(viewer, 'e.child_id'))
      // The domain's clock stops at an offer, or at a recorded decision that one will not or cannot be held;
      // only returns with neither can be due or overdue, so only those are loaded.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('missing_interviews as i')
              .select('i.id')
              .whereRef('i.episode_id', '=', 'e.id')
              .where((i) =>
                i.or([i('i.offered_at', 'is not', null), i('i.status', 'in', ['not_held', 'not_possible'])]),
              ),
          ),
        ),
      );
    if (scope === 'mine') q = q.where(carries(viewer));
    const rows = await q.orderBy('e.interview_due_at').limit(500).execute();

    const byVersion = new Map<string, typeof rows>();
    for (const r of rows) byVersion.set(r.config_version, [...(byVersion.get(r.config_version) ?? []), r]);
    const now = new Date();
    const clocks = [...byVersion].flatMap(([version, group]) => {
      const { config, warning } = configFor(version);
      const episodes = group.map((r) => ({
        id: r.id,
        childId: r.child_id,
        returned: r.returned_at ? { at: new Date(r.returned_at) } : null,
      }));
      return interviewsDue(episodes, [], now, config).map((c) => ({ ...c, warning }));
    });
    clocks.sort((a, b) => (a.clock.dueAt?.getTime() ?? 0) - (b.clock.dueAt?.getTime() ?? 0));
    const rowOf = new Map(rows.map((r) => [r.id, r]));
    const items = clocks.flatMap((c) => {
      const r = rowOf.get(c.episodeId);
      if (!r?.returned_at) return [];
      return [
        {
          episodeId: r.id,
          child: { id: r.child_id, name: `${r.given_name} ${r.family_name}` },
          returnedAt: iso(r.returned_at),
          reportedAt: iso(r.reported_at),
          clock: presentClock(c.clock, c.warning ? [c.warning] : []),
          leadWorker: r.lead_id ? { id: r.lead_id, name: r.lead_name ?? '' } : null,
          yours: r.yours === true,
        },
      ];
    });
    if (items.length > 0) {
      await appendAudit(trx, actor, {
        action: 'missing.interviews_due_listed',
        recordType: 'missing_episode',
        fields: ['child_name', 'returned_at', 'interview_clock'],
        details: { scope, childIds: [...new Set(items.map((i) => i.child.id))] },
      });
    }
    return items;
  });
}

/** The partnership's share of return interviews offered within the deadline, small numbers suppressed. */
export async function interviewStats(
  db: Kysely<DB>,
  period: { from?: string | undefined; to?: string | undefined },
) {
  // Every return counts, including those on a record later merged into another: they happened.
  let q = db
    .selectFrom('missing_episodes as e')
    .select(['e.id', 'e.returned_at', 'e.config_version'])
    .where('e.returned_at', 'is not', null);
  if (period.from) q = q.where('e.returned_at', '>=', startOfLondonDay(period.from));
  if (period.to) q = q.where('e.returned_at', '<=', endOfLondonDay(period.to));
  const episodes = await q.execute();
  const interviews =
    episodes.length === 0
      ? []
      : await db
          .selectFrom('missing_interviews')
          .selectAll()
          .where(
            'episode_id',
            'in',
            episodes.map((e) => e.id),
          )
          .orderBy('recorded_at')
          .execute();
  const share = partnershipShare(
    episodes.map((e) => ({ id: e.id, returned: e.returned_at ? { at: new Date(e.returned_at) } : null })),
    interviews.map(toDomainInterview),
    { now: new Date(), config: CURRENT_CONFIG },
  );
  const older = episodes.some((e) => e.config_version !== CURRENT_CONFIG.version);
  return {
    period: { from: period.from ?? null, to: period.to ?? null },
    ...share,
    note: older
      ? `${share.note} Some returns were recorded under an earlier configuration; all are measured against the current deadline.`
      : share.note,
  };
}
