/**
 * "Record this as a link": a place or person of concern named in a return or a return interview, and
 * linked there to an existing context record, becomes a graded link on the child's network. The link is
 * made by the contexts capability's own service (`createLinkIn`), so every rule of a link applies (who may
 * record one, the nature's ends, the grading, the label the recorder may give) and it is audited there.
 * This module only works out what the missing record already says (who, which record, when, the nature)
 * and remembers the link on the mention, so the same mention is not recorded twice.
 */
import { decide } from '../../domain/access/policy.ts';
import { londonDate } from '../../domain/missing/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { openChild, transact } from '../children/access.ts';
import type { Ctx } from '../children/record.ts';
import { createLinkIn } from '../contexts/links.ts';
import { loadContext } from '../contexts/queries.ts';
import { AppError, notFound } from '../errors.ts';
import { presentOne } from './episodes.ts';
import type { MentionLinkBody } from './schemas.ts';

/** The nature a mention's role gives the link, read from the child; `was_at` is chosen by the person. */
export const ROLE_NATURES = {
  found_at: ['found_at'],
  found_with: ['seen_with'],
  was_with: ['seen_with'],
  was_at: ['stayed_at', 'taken_to', 'frequents'],
} as const satisfies Record<string, readonly string[]>;

function refuse(path: string, message: string, code: 'validation_failed' | 'conflict' = 'validation_failed') {
  return new AppError(code, `${path}: ${message}`, [{ path, message }]);
}

export async function linkMention({ db, actor, viewer }: Ctx, mentionId: string, body: MentionLinkBody) {
  return transact(db, actor, async (trx) => {
    const mention = await trx
      .selectFrom('missing_mentions')
      .selectAll()
      .where('id', '=', mentionId)
      .forUpdate()
      .executeTakeFirst();
    if (!mention) throw notFound('place or person mentioned');
    // A child the caller may not read is 404, as if the mention did not exist.
    const access = await openChild(trx, viewer, mention.child_id);
    if (access.mergedInto)
      throw refuse('mentionId', `this child's record was merged into ${access.mergedInto}; use that record`);
    const context = mention.context_id ? await loadContext(trx, viewer, mention.context_id) : null;
    if (!mention.context_id || !context) {
      throw refuse(
        'mentionId',
        'this entry is not linked to a place or person of concern you can see: record the place or person in Contexts first, then link the entry to it',
      );
    }
    if (context.merged_into)
      throw refuse(
        'mentionId',
        `the record it names was merged into ${context.merged_into}: use that record`,
      );
    if (mention.context_link_id)
      throw refuse(
        'mentionId',
        'this entry is already recorded as a link on the child’s network',
        'conflict',
      );

    const natures: readonly string[] = ROLE_NATURES[mention.role as keyof typeof ROLE_NATURES] ?? [];
    const nature = body.nature ?? (natures.length === 1 ? natures[0] : undefined);
    if (!nature || !natures.includes(nature)) {
      throw refuse(
        'nature',
        natures.length === 1
          ? `an entry of this kind is linked as "${natures[0]}"`
          : `choose how the child was there: ${natures.join(', ')}`,
      );
    }

    const episode = await trx
      .selectFrom('missing_episodes')
      .select(['reported_at', 'last_seen_at', 'returned_at'])
      .where('id', '=', mention.episode_id)
      .executeTakeFirstOrThrow();
    const returned = episode.returned_at ? new Date(episode.returned_at) : new Date();
    // Where the child was found is seen on the day of the return; anything else, while they were missing.
    const lastSeen = londonDate(returned);
    const firstSeen =
      mention.role === 'found_at'
        ? lastSeen
        : londonDate(new Date(episode.last_seen_at ?? episode.reported_at));

    const linkId = await createLinkIn(
      trx,
      { actor, viewer },
      {
        from: { kind: 'child', id: mention.child_id },
        to: { kind: context.kind, id: context.id },
        nature,
        firstSeen,
        lastSeen,
        source: {
          agencyId: viewer.agencyId,
          authorId: viewer.userId,
          reference: mention.interview_id
            ? 'Return interview record in Lantern'
            : 'Missing episode record in Lantern',
        },
        grading: body.grading,
        sensitivity: body.sensitivity,
        ...(body.reviewDate ? { reviewDate: body.reviewDate } : {}),
        ...(body.note ? { note: body.note } : {}),
      },
    );
    await trx
      .updateTable('missing_mentions')
      .set({ context_link_id: linkId })
      .where('id', '=', mention.id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'missing.mention_linked',
      recordType: 'missing_episode',
      recordId: mention.episode_id,
      childId: mention.child_id,
      fields: ['context_link_id'],
      details: { mentionId: mention.id, contextId: context.id, linkId, nature },
    });
    const mayManage = decide(viewer, 'missing.manage', { child: access.rel }).allowed;
    const episodeView = await presentOne(trx, viewer, mention.episode_id, mayManage);
    return { linkId, episode: episodeView };
  });
}
