/**
 * What an episode sets off, written in the same transaction as the episode (seed 004; issue 7 §3):
 *
 * - a chronology entry, with the recorder's agency as its source;
 * - a re-analysis task for the child's lead worker, because going missing is a significant change;
 * - a MACE triage nomination for repeat episodes and for episodes with harm or a crime while missing.
 *
 * Which of these are due is the domain's decision (`chronologyEntry`, `reanalysisDue`, `triageReasons`).
 */
import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access/types.ts';
import type { ChronologyKind, VerificationStatus } from '../../domain/children/case-record.ts';
import {
  chronologyEntry,
  formatDuration,
  formatLondonDate,
  type MissingConfig,
  type MissingEpisode,
  reanalysisDue,
  type TriageReason,
  triageReasons,
} from '../../domain/missing/index.ts';
import { addChronologyEntry, addTask } from '../children/store.ts';
import type { DB } from '../db/schema.ts';

/**
 * The chronology kind for missing episodes. The database accepts it from migration 0006; the shared list
 * of kinds in `src/domain/children/case-record.ts` does not name it yet, hence the widening here.
 */
export const MISSING_KIND: ChronologyKind = 'missing_episode';

/** Working days the lead worker has to repeat the risk analysis after an episode. */
export const REANALYSIS_WORKING_DAYS = 5;
export const REANALYSIS_TASK_KIND = 'missing_reanalysis';

/**
 * Unverified unless the police confirmed it: an episode recorded by a police officer with the police
 * reference is the police's own record. Anyone else's report is what they were told, shown as
 * unverified until someone checks it with the police (the chronology's verification change).
 */
export function verificationOf(episode: MissingEpisode, viewer: Viewer): VerificationStatus {
  return viewer.agencyType === 'police' && episode.policeReference ? 'verified' : 'unverified';
}

export async function addEpisodeToChronology(
  trx: Transaction<DB>,
  viewer: Viewer,
  episode: MissingEpisode,
  config: MissingConfig,
  stage: 'reported' | 'returned',
): Promise<string> {
  const draft = chronologyEntry(episode, config);
  const returned = stage === 'returned' && episode.returned;
  const duration =
    returned && episode.returned
      ? formatDuration(episode.returned.at.getTime() - (episode.lastSeenAt ?? episode.reportedAt).getTime())
      : null;
  return addChronologyEntry(trx, {
    childId: episode.childId,
    kind: MISSING_KIND,
    title: returned ? `Found or returned after being missing for ${duration}` : draft.title,
    summary: draft.summary,
    source: draft.source,
    occurredAt: returned && episode.returned ? episode.returned.at : draft.occurredAt,
    authorUserId: viewer.userId,
    sourceAgencyId: viewer.agencyId,
    verification: verificationOf(episode, viewer),
    sensitivity: 'standard',
    recordType: draft.recordType,
    recordId: draft.recordId,
  });
}

export async function leadWorkerOf(trx: Transaction<DB>, childId: string) {
  return trx
    .selectFrom('child_professionals as cp')
    .innerJoin('users as u', 'u.id', 'cp.user_id')
    .select(['u.id', 'u.name'])
    .where('cp.child_id', '=', childId)
    .where('cp.kind', '=', 'lead_worker')
    .where('cp.ended_at', 'is', null)
    .executeTakeFirst();
}

/** The re-analysis task, for the lead worker (or, with none allocated, the person who recorded it). */
export async function addReanalysisTask(trx: Transaction<DB>, viewer: Viewer, episode: MissingEpisode) {
  const due = reanalysisDue(episode);
  const lead = await leadWorkerOf(trx, episode.childId);
  const assignee =
    lead ??
    (await trx
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', '=', viewer.userId)
      .executeTakeFirstOrThrow());
  const title = `Repeat the risk analysis: went missing on ${formatLondonDate(episode.reportedAt)}`;
  const id = await addTask(trx, {
    childId: episode.childId,
    referralId: null,
    kind: REANALYSIS_TASK_KIND,
    title,
    assignedTo: assignee.id,
    dueInWorkingDays: REANALYSIS_WORKING_DAYS,
    createdBy: viewer.userId,
  });
  const task = await trx.selectFrom('tasks').select('due_at').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, title, reason: due.reason, dueAt: new Date(task.due_at), assignedTo: assignee };
}

/**
 * Puts the child on the next MACE triage list for each reason the domain gives. A reason already
 * recorded for this episode is not recorded twice (a return can add harm that was not known before).
 */
export async function nominateForTriage(
  trx: Transaction<DB>,
  viewer: Viewer,
  episode: MissingEpisode,
  config: MissingConfig,
  configVersion: string,
): Promise<TriageReason[]> {
  const siblings = await trx
    .selectFrom('missing_episodes')
    .select(['id', 'child_id', 'reported_at', 'harm_while_missing', 'crime_while_missing'])
    .where('child_id', '=', episode.childId)
    .execute();
  const childEpisodes = siblings.map((e) => ({
    id: e.id,
    childId: e.child_id,
    reportedAt: new Date(e.reported_at),
    harmWhileMissing: e.harm_while_missing as MissingEpisode['harmWhileMissing'],
    crimeWhileMissing: e.crime_while_missing as MissingEpisode['crimeWhileMissing'],
  }));
  const reasons = triageReasons(episode, childEpisodes, config);
  for (const reason of reasons) {
    const details =
      reason.code === 'repeat_episodes'
        ? { episodeIds: reason.episodeIds, count: reason.count, rule: reason.rule }
        : { answer: reason.answer };
    await trx
      .insertInto('missing_triage_nominations')
      .values({
        child_id: episode.childId,
        episode_id: episode.id,
        reason_code: reason.code,
        reason: reason.message,
        details: JSON.stringify(details),
        config_version: configVersion,
        created_by: viewer.userId,
      })
      .onConflict((oc) => oc.columns(['episode_id', 'reason_code']).doNothing())
      .execute();
  }
  return reasons;
}

/** The episode's nominations as stored, oldest first. */
export async function nominationsOf(trx: Transaction<DB>, episodeIds: readonly string[]) {
  if (episodeIds.length === 0) return [];
  return trx
    .selectFrom('missing_triage_nominations')
    .selectAll()
    .where('episode_id', 'in', [...episodeIds])
    .orderBy('created_at')
    .orderBy(sql`reason_code`)
    .execute();
}
