/**
 * Recording a return interview: the offer, the child's answer or a decision not to hold one, and what
 * the interview heard. The domain checks the record against its episode (an offer or completion before
 * the return is refused), and warns when the offer comes from the placement the child went missing from.
 * The warning is returned and kept with the record; the record is still saved.
 */
import type { Transaction } from 'kysely';
import { decide } from '../../domain/access/policy.ts';
import type { Viewer } from '../../domain/access/types.ts';
import {
  formatLondon,
  INTERVIEW_STATUS_NAMES,
  interviewIndependenceWarnings,
  type MissingConfig,
  optionLabel,
  type ReturnInterviewData,
  returnInterviewSchema,
} from '../../domain/missing/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { assertNotMerged, openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { addChronologyEntry } from '../children/store.ts';
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
  type Ref,
} from './checks.ts';
import { CURRENT_CONFIG, configFor } from './config.ts';
import { presentOne } from './episodes.ts';
import { MISSING_KIND } from './follow-ons.ts';
import {
  asInput,
  insertMentions,
  interviewMentions,
  interviewValues,
  replaceMentions,
  toDomainEpisode,
} from './store.ts';

/** Statuses that close the question of whether an interview happens: each enters the chronology once. */
const CHRONOLOGY_STATUSES = new Set(['completed', 'declined', 'not_possible', 'not_held']);

async function assertReferences(
  trx: Transaction<DB>,
  viewer: Viewer,
  i: ReturnInterviewData,
  alreadyStored: ReadonlySet<string>,
) {
  // An id already on the stored record may stay (the viewer did not add it); every new one must name a
  // place or person of concern the viewer may see.
  const contexts: ContextRef[] = [
    ...i.whereTheyWere.map(
      (p, n): ContextRef => [`whereTheyWere.${n}.placeId`, 'placeId' in p ? p.placeId : null, 'place'],
    ),
    ...i.whoWith.map(
      (p, n): ContextRef => [
        `whoWith.${n}.personId`,
        'personId' in p ? p.personId : null,
        'person_of_concern',
      ],
    ),
  ];
  await assertVisibleContexts(
    trx,
    viewer,
    contexts.filter(([, id]) => !id || !alreadyStored.has(id)),
  );
  await assertKnownAgencies(trx, [
    ['offer.offeredBy.agencyId', i.offer?.offeredBy?.agencyId],
    ['conductedBy.agencyId', i.conductedBy?.agencyId],
    ['notHeldDecision.decidedBy.agencyId', i.notHeldDecision?.decidedBy.agencyId],
    ...i.actions.map((a, n): Ref => [`actions.${n}.ownerAgencyId`, a.ownerAgencyId]),
    ...i.sharing.map((s, n): Ref => [`sharing.${n}.agencyId`, s.agencyId]),
  ]);
  await assertKnownUsers(trx, [
    ['offer.offeredBy.userId', i.offer?.offeredBy?.userId],
    ['conductedBy.userId', i.conductedBy?.userId],
    ['notHeldDecision.decidedBy.userId', i.notHeldDecision?.decidedBy.userId],
  ]);
  assertNotFuture([
    ['offer.offeredAt', i.offer?.offeredAt],
    ['completedAt', i.completedAt],
    ['notHeldDecision.decidedAt', i.notHeldDecision?.decidedAt],
    ...i.sharing.map((s, n): [string, Date] => [`sharing.${n}.sharedAt`, s.sharedAt]),
  ]);
}

function chronologyText(i: ReturnInterviewData, config: MissingConfig) {
  const by = i.conductedBy ?? i.offer?.offeredBy;
  const who = by ? ` by ${by.name}${by.role ? ` (${by.role})` : ''}` : '';
  const list = (ids: string[], options: MissingConfig['pushFactors']) =>
    ids.map((id) => optionLabel(options, id).toLowerCase()).join('; ');
  switch (i.status) {
    case 'completed':
      return {
        title: 'Return interview completed',
        summary: [
          `Return interview completed ${i.completedAt ? formatLondon(i.completedAt) : ''}${who}.`,
          i.pushFactors.length ? `Push factors: ${list(i.pushFactors, config.pushFactors)}.` : '',
          i.pullFactors.length ? `Pull factors: ${list(i.pullFactors, config.pullFactors)}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        occurredAt: i.completedAt ?? new Date(),
      };
    case 'not_held':
      return {
        title: 'Decision not to hold a return interview',
        summary: `Decided by ${i.notHeldDecision?.decidedBy.name ?? ''}: ${i.notHeldDecision?.reason ?? ''}`,
        occurredAt: i.notHeldDecision?.decidedAt ?? new Date(),
      };
    default:
      return {
        title: `Return interview: ${INTERVIEW_STATUS_NAMES[i.status].toLowerCase()}`,
        summary: `${INTERVIEW_STATUS_NAMES[i.status]}${who}. ${i.reason ?? ''}`.trim(),
        occurredAt: i.offer?.offeredAt ?? new Date(),
      };
  }
}

/** Creates an interview record, or (with `interviewId`) replaces what an existing record says. */
export async function saveInterview(
  { db, actor, viewer }: Ctx,
  input: ReturnInterviewData,
  interviewId?: string,
) {
  return transact(db, actor, async (trx) => {
    const row = await trx
      .selectFrom('missing_episodes')
      .selectAll()
      .where('id', '=', input.episodeId)
      .executeTakeFirst();
    if (!row) throw notFound('missing episode');
    const access = await openChild(trx, viewer, row.child_id, 'missing.manage');
    assertNotMerged(access);
    const existing = interviewId
      ? await trx
          .selectFrom('missing_interviews')
          .selectAll()
          .where('id', '=', interviewId)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (interviewId && (!existing || existing.child_id !== row.child_id)) throw notFound('return interview');
    if (existing && existing.episode_id !== input.episodeId) {
      throw new AppError(
        'validation_failed',
        'episodeId: an interview stays with the episode it was made for',
        [{ path: 'episodeId', message: 'an interview stays with the episode it was made for' }],
      );
    }

    const mentions = await trx
      .selectFrom('missing_mentions')
      .selectAll()
      .where('episode_id', '=', row.id)
      .execute();
    const episode = toDomainEpisode(row, mentions);
    const episodeConfig = configFor(row.config_version).config;
    const config = existing ? configFor(existing.config_version).config : CURRENT_CONFIG;
    const parsed = returnInterviewSchema(config, episode).safeParse(asInput(input));
    if (!parsed.success) throw fromZod(parsed.error);
    const data = parsed.data;
    const stored = existing ? mentions.filter((m) => m.interview_id === existing.id && m.context_id) : [];
    await assertReferences(trx, viewer, data, new Set(stored.map((m) => m.context_id as string)));

    const warnings = interviewIndependenceWarnings(data, episode, episodeConfig).map(({ who, warning }) => ({
      who,
      ...warning,
    }));
    const values = {
      ...interviewValues(data),
      independence_warnings: JSON.stringify(warnings),
      updated_by: viewer.userId,
      updated_at: new Date(),
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await trx.updateTable('missing_interviews').set(values).where('id', '=', id).execute();
    } else {
      const inserted = await trx
        .insertInto('missing_interviews')
        .values({
          ...values,
          episode_id: row.id,
          child_id: row.child_id,
          config_version: config.version,
          recorded_by: viewer.userId,
          recorded_agency_id: viewer.agencyId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
    }
    const meta = { childId: row.child_id, episodeId: row.id, interviewId: id, userId: viewer.userId };
    if (existing) {
      const linked = stored.map((m) => m.context_id as string);
      await replaceMentions(trx, interviewMentions(data), meta, await visibleContextIds(trx, viewer, linked));
    } else {
      await insertMentions(trx, interviewMentions(data), meta);
    }
    const statusChanged = existing?.status !== data.status;
    if (statusChanged) {
      await trx
        .insertInto('missing_interview_statuses')
        .values({ interview_id: id, status: data.status, recorded_by: viewer.userId })
        .execute();
    }
    const chronologyEntryId =
      statusChanged && CHRONOLOGY_STATUSES.has(data.status)
        ? await addInterviewToChronology(trx, viewer, data, config, { childId: row.child_id, id })
        : null;
    await appendAudit(trx, actor, {
      action: existing ? 'missing.interview_updated' : 'missing.interview_recorded',
      recordType: 'missing_interview',
      recordId: id,
      childId: row.child_id,
      fields: Object.keys(input),
      details: {
        episodeId: row.id,
        status: data.status,
        independenceWarnings: warnings.map((w) => `${w.who}:${w.code}`),
        chronologyEntryId,
      },
    });
    const mayManage = decide(viewer, 'missing.manage', { child: access.rel }).allowed;
    const episodeView = await presentOne(trx, viewer, row.id, mayManage);
    const interview = episodeView.interviews.find((i) => i.id === id);
    if (!interview) throw notFound('return interview');
    return { interview, warnings, clock: episodeView.clock, episode: episodeView };
  });
}

async function addInterviewToChronology(
  trx: Transaction<DB>,
  viewer: Viewer,
  data: ReturnInterviewData,
  config: MissingConfig,
  record: { childId: string; id: string },
) {
  const text = chronologyText(data, config);
  return addChronologyEntry(trx, {
    childId: record.childId,
    kind: MISSING_KIND,
    title: text.title,
    summary: text.summary,
    source: 'Return interview record in Lantern',
    occurredAt: text.occurredAt,
    authorUserId: viewer.userId,
    sourceAgencyId: viewer.agencyId,
    // The entry records what the service did (offered, held, decided), not what anyone said happened
    // while the child was missing: that stays in the interview record, in the child's own words.
    verification: 'verified',
    sensitivity: 'standard',
    recordType: 'missing_interview',
    recordId: record.id,
  });
}
