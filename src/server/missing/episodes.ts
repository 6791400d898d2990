/**
 * Recording a missing episode and the child's return. Each is one transaction: the episode, what it sets
 * off (chronology, re-analysis task, triage nomination) and the audit entry commit together or not at all.
 */
import type { Transaction } from 'kysely';
import { decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import {
  interviewDueAt,
  type MissingEpisode,
  type MissingEpisodeData,
  missingEpisodeSchema,
} from '../../domain/missing/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { visibleContextIds } from '../contexts/queries.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import {
  assertKnownAgencies,
  assertKnownUsers,
  assertNotFuture,
  assertVisibleContexts,
  type ContextRef,
  fromZod,
  type When,
} from './checks.ts';
import { CURRENT_CONFIG, configFor } from './config.ts';
import { addEpisodeToChronology, addReanalysisTask, nominateForTriage } from './follow-ons.ts';
import { loadEpisodes, loadNames, presentEpisodes } from './queries.ts';
import type { ReturnInput } from './schemas.ts';
import {
  asInput,
  insertEpisode,
  insertMentions,
  replaceMentions,
  returnMentions,
  toDomainEpisode,
  updateReturn,
} from './store.ts';

function episodeTimes(e: MissingEpisodeData): When[] {
  return [
    ['reportedAt', e.reportedAt],
    ['lastSeenAt', e.lastSeenAt],
    ['returned.at', e.returned?.at],
    ['safeAndWellCheck.at', e.safeAndWellCheck?.at],
  ];
}

/** Context ids in an episode: the place it is about, where the child was found and who with. */
function contextRefs(e: MissingEpisodeData): ContextRef[] {
  return [
    ['missingFrom.placeId', e.missingFrom.placeId, 'place'],
    ['returned.where.placeId', e.returned?.where?.placeId, 'place'],
    ...(e.returned?.whoWith ?? []).map(
      (p, i): ContextRef => [`returned.whoWith.${i}.personId`, p.personId, 'person_of_concern'],
    ),
  ];
}

async function assertReferences(
  trx: Transaction<DB>,
  viewer: Viewer,
  e: MissingEpisodeData,
  alreadyStored: ReadonlySet<string> = new Set(),
) {
  // An id already on the stored episode may stay even if the viewer cannot see it (they did not add it).
  await assertVisibleContexts(
    trx,
    viewer,
    contextRefs(e).filter(([, id]) => !id || !alreadyStored.has(id)),
  );
  await assertKnownAgencies(trx, [
    ['reportedBy.agencyId', e.reportedBy.agencyId],
    ['missingFrom.placement.agencyId', e.missingFrom.placement?.agencyId],
    ['safeAndWellCheck.by.agencyId', e.safeAndWellCheck?.by.agencyId],
  ]);
  await assertKnownUsers(trx, [
    ['reportedBy.userId', e.reportedBy.userId],
    ['safeAndWellCheck.by.userId', e.safeAndWellCheck?.by.userId],
  ]);
}

/** One episode presented as the API returns it, read inside the caller's transaction. */
export async function presentOne(
  trx: Transaction<DB>,
  viewer: Viewer,
  episodeId: string,
  mayManage: boolean,
) {
  const bundle = await loadEpisodes(trx, { episodeIds: [episodeId] });
  const names = await loadNames(trx, bundle, viewer);
  const [one] = presentEpisodes(bundle, names, new Date(), mayManage);
  if (!one) throw notFound('missing episode');
  return one.view;
}

export async function recordEpisode({ db, actor, viewer }: Ctx, input: MissingEpisodeData) {
  assertNotFuture(episodeTimes(input));
  return transact(db, actor, async (trx) => {
    const access = await openChild(trx, viewer, input.childId, 'missing.manage');
    assertNotMerged(access);
    await assertReferences(trx, viewer, input);
    const config = CURRENT_CONFIG;
    const id = await insertEpisode(trx, input, {
      configVersion: config.version,
      userId: viewer.userId,
      agencyId: viewer.agencyId,
      interviewDueAt: input.returned ? interviewDueAt(input.returned.at, config) : null,
    });
    await insertMentions(trx, returnMentions(input.returned), {
      childId: input.childId,
      episodeId: id,
      interviewId: null,
      userId: viewer.userId,
    });
    const episode: MissingEpisode = { ...input, id };
    const chronologyEntryId = await addEpisodeToChronology(trx, viewer, episode, config, 'reported');
    const task = await addReanalysisTask(trx, viewer, episode);
    const reasons = await nominateForTriage(trx, viewer, episode, config, config.version);
    await appendAudit(trx, actor, {
      action: 'missing.episode_recorded',
      recordType: 'missing_episode',
      recordId: id,
      childId: input.childId,
      fields: Object.keys(input),
      details: {
        configVersion: config.version,
        chronologyEntryId,
        reanalysisTaskId: task.id,
        triage: reasons.map((r) => r.code),
      },
    });
    const view = await presentOne(trx, viewer, id, true);
    return {
      episode: view,
      triggers: {
        chronologyEntryId,
        reanalysisTask: {
          id: task.id,
          title: task.title,
          dueAt: task.dueAt.toISOString(),
          assignedTo: { id: task.assignedTo.id, name: task.assignedTo.name },
        },
        triage: { onNextList: view.triage.length > 0, reasons: view.triage },
      },
    };
  });
}

/**
 * Records the return (or corrects what was recorded with it). The stored episode and the new details are
 * checked together by the domain's episode schema, so a return before the report is refused naming
 * `returned.at`. Once an interview is recorded the time of return is fixed: its clock was measured from it.
 */
export async function recordReturn({ db, actor, viewer }: Ctx, episodeId: string, input: ReturnInput) {
  return transact(db, actor, async (trx) => {
    const row = await trx
      .selectFrom('missing_episodes')
      .selectAll()
      .where('id', '=', episodeId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('missing episode');
    const access = await openChild(trx, viewer, row.child_id, 'missing.manage');
    assertNotMerged(access);
    const { config } = configFor(row.config_version);
    const mentions = await trx
      .selectFrom('missing_mentions')
      .selectAll()
      .where('episode_id', '=', episodeId)
      .execute();
    const stored = toDomainEpisode(row, mentions);
    const { id: _id, ...storedData } = stored;
    const merged = {
      ...storedData,
      returned: input.returned,
      harmWhileMissing: input.harmWhileMissing ?? stored.harmWhileMissing,
      crimeWhileMissing: input.crimeWhileMissing ?? stored.crimeWhileMissing,
      harmDetails: input.harmDetails ?? stored.harmDetails,
      safeAndWellCheck: input.safeAndWellCheck ?? stored.safeAndWellCheck,
      policeReference: input.policeReference ?? stored.policeReference,
    };
    const parsed = missingEpisodeSchema(config).safeParse(asInput(merged));
    if (!parsed.success) throw fromZod(parsed.error);
    const data = parsed.data;
    assertNotFuture(episodeTimes(data));
    const storedIds = new Set(
      [row.missing_from_place_id, ...mentions.map((m) => m.context_id)].filter((x): x is string => !!x),
    );
    await assertReferences(trx, viewer, data, storedIds);
    if (!data.returned) throw new Error('the return schema requires `returned`');

    const firstReturn = !row.returned_at;
    if (
      !firstReturn &&
      row.returned_at &&
      data.returned.at.getTime() !== new Date(row.returned_at).getTime()
    ) {
      const interviews = await trx
        .selectFrom('missing_interviews')
        .select('id')
        .where('episode_id', '=', episodeId)
        .executeTakeFirst();
      if (interviews) {
        throw new AppError(
          'conflict',
          'returned.at: a return interview is already recorded against this time of return; it cannot change',
          [
            {
              path: 'returned.at',
              message: 'a return interview is already recorded against this time of return',
            },
          ],
        );
      }
    }
    await updateReturn(trx, episodeId, data, {
      userId: viewer.userId,
      interviewDueAt: interviewDueAt(data.returned.at, config),
    });
    const linked = mentions.flatMap((m) => (m.interview_id === null && m.context_id ? [m.context_id] : []));
    await replaceMentions(
      trx,
      returnMentions(data.returned),
      { childId: row.child_id, episodeId, interviewId: null, userId: viewer.userId },
      await visibleContextIds(trx, viewer, linked),
    );
    const episode: MissingEpisode = { ...data, id: episodeId };
    const chronologyEntryId = firstReturn
      ? await addEpisodeToChronology(trx, viewer, episode, config, 'returned')
      : null;
    // Harm or a crime may only be known once the child is back: that too puts them on the triage list.
    const reasons = await nominateForTriage(trx, viewer, episode, config, row.config_version);
    await appendAudit(trx, actor, {
      action: firstReturn ? 'missing.return_recorded' : 'missing.return_updated',
      recordType: 'missing_episode',
      recordId: episodeId,
      childId: row.child_id,
      fields: Object.keys(input),
      details: { chronologyEntryId, triage: reasons.map((r) => r.code) },
    });
    const mayManage = decide(viewer, 'missing.manage', { child: access.rel }).allowed;
    const view = await presentOne(trx, viewer, episodeId, mayManage);
    return {
      episode: view,
      triggers: {
        chronologyEntryId,
        reanalysisTask: null,
        triage: { onNextList: view.triage.length > 0, reasons: view.triage },
      },
    };
  });
}
