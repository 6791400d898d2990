/**
 * Meeting packs (before the meeting) and minutes (after it), each redacted for the person who receives
 * it (issue 5 item 6): `meetingPack` labels every part, `packFor` keeps what the recipient may see under
 * the access policy, `renderPackText` is the text the PDF holds, and `recordSending` is what is kept of
 * each copy sent. Nothing here decides who sees what.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import PDFDocument from 'pdfkit';
import type { AgencyType, ChildRelationship, Role, Viewer } from '../../domain/access/types.ts';
import {
  meetingPack,
  type PackRecipient,
  packFor,
  type RecipientPack,
  recordSending,
  renderPackText,
} from '../../domain/mace/index.ts';
import { appendAudit } from '../audit/audit.ts';
import { relationshipTo, transact } from '../children/access.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { type MaceCtx, mayAttend, mayManage, openForManaging } from './meetings.ts';
import { loadMeeting, type StoredMeeting } from './store.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type PackKind = 'pack' | 'minutes';

/** The recipient as the policy sees them, with their own relationships to the children on the agenda. */
async function recipient(db: Db, userId: string, stored: StoredMeeting): Promise<PackRecipient | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.name',
      'users.roles',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
      'agencies.type',
    ])
    .where('users.id', '=', userId)
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const viewer: Viewer = {
    userId: row.id,
    agencyId: row.agency_id,
    agencyType: row.type as AgencyType,
    roles: row.roles as Role[],
    teamIds: [],
  };
  const relationships: Record<string, Partial<ChildRelationship>> = {};
  for (const item of stored.meeting.agenda) {
    if (item.kind !== 'child') continue;
    const found = await relationshipTo(db, viewer, item.childId);
    if (found) relationships[item.childId] = found.rel;
  }
  return {
    userId: row.id,
    name: row.name,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    agencyType: row.type as AgencyType,
    roles: row.roles as Role[],
    relationships,
  };
}

function fullPack(stored: StoredMeeting, kind: PackKind) {
  const version = createHash('sha256').update(JSON.stringify(stored.meeting)).digest('hex').slice(0, 12);
  return meetingPack(stored.meeting, {
    packId: `${stored.id}/${kind}/${version}`,
    kind,
    title: stored.title,
    meetingId: stored.id,
  });
}

/** The copy one person may hold. */
export async function copyFor(
  db: Db,
  stored: StoredMeeting,
  kind: PackKind,
  userId: string,
): Promise<RecipientPack> {
  const who = await recipient(db, userId, stored);
  if (!who) throw notFound('recipient');
  return packFor(who, fullPack(stored, kind));
}

/** The PDF of a recipient's copy: exactly the text `renderPackText` gives for it, never the whole pack. */
export async function packPdf(copy: RecipientPack): Promise<Buffer> {
  const what = copy.kind === 'pack' ? 'Meeting pack' : 'Minutes';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${what}: ${copy.meeting.title}`, Author: 'Lantern', Subject: copy.meeting.typeLabel },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(9).text('OFFICIAL-SENSITIVE', { align: 'right' });
  doc.font('Helvetica').fontSize(10);
  doc.text(
    `This copy was prepared for ${copy.preparedFor.name} and holds only what they may see. Do not forward it.`,
  );
  doc.moveDown(0.5);
  for (const line of renderPackText(copy).split('\n')) {
    if (line.trim() === '') doc.moveDown(0.4);
    else doc.text(line);
  }
  doc.end();
  return done;
}

/** The viewer's own copy, as a member or as the chair; the reading is audited. */
export async function ownCopy(
  ctx: MaceCtx,
  meetingId: string,
  kind: PackKind,
): Promise<{ pdf: Buffer; copy: RecipientPack }> {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const stored = await loadMeeting(trx, meetingId);
    const allowed =
      (await mayManage(trx, ctx.viewer, stored.meeting)) || (await mayAttend(trx, ctx.viewer, meetingId));
    if (!allowed) throw notFound('meeting');
    const copy = await copyFor(trx, stored, kind, ctx.user.id);
    await appendAudit(trx, ctx.actor, {
      action: 'meeting.pack_read',
      recordType: 'meeting',
      recordId: meetingId,
      details: { kind, items: copy.items.length },
    });
    return { pdf: await packPdf(copy), copy };
  });
}

export interface SentCopy {
  recipient: { userId: string; name: string; agencyName: string };
  includedIds: string[];
  textSha256: string;
  sentAt: string;
}

/** Sends each invited person their own copy and records what each held (issue 5 item 6). */
export async function sendPack(ctx: MaceCtx, meetingId: string, kind: PackKind): Promise<SentCopy[]> {
  return transact(ctx.db, ctx.actor, async (trx) => {
    const stored = await openForManaging(trx, ctx.viewer, meetingId);
    if (kind === 'minutes' && stored.meeting.minutes.length === 0 && stored.meeting.decisions.length === 0) {
      throw new AppError(
        'conflict',
        'kind: there are no minutes or decisions to send yet: minute the meeting first',
        [{ path: 'kind', message: 'no minutes yet' }],
      );
    }
    const userIds = [
      ...new Set(stored.meeting.invitations.flatMap((i) => (i.person.personId ? [i.person.personId] : []))),
    ];
    const sent: SentCopy[] = [];
    const now = new Date();
    for (const userId of userIds) {
      const copy = await copyFor(trx, stored, kind, userId);
      const sending = recordSending(copy, now, ctx.user.id);
      await trx
        .insertInto('mace_pack_sendings')
        .values({
          meeting_id: meetingId,
          pack_id: sending.packId,
          kind,
          recipient_user_id: sending.recipientUserId,
          recipient_agency_id: sending.recipientAgencyId,
          sent_at: now,
          sent_by: ctx.user.id,
          included_ids: JSON.stringify(sending.includedIds),
          text_sha256: sending.textSha256,
        })
        .execute();
      await appendAudit(trx, ctx.actor, {
        action: 'meeting.pack_sent',
        recordType: 'meeting',
        recordId: meetingId,
        details: {
          kind,
          recipientUserId: userId,
          parts: sending.includedIds.length,
          textSha256: sending.textSha256,
        },
      });
      sent.push({
        recipient: { userId, name: copy.preparedFor.name, agencyName: copy.preparedFor.agencyName },
        includedIds: [...sending.includedIds],
        textSha256: sending.textSha256,
        sentAt: now.toISOString(),
      });
    }
    return sent;
  });
}

/** The copies sent so far, newest first. */
export async function sendings(db: Db, meetingId: string) {
  const rows = await db
    .selectFrom('mace_pack_sendings as s')
    .innerJoin('users as u', 'u.id', 's.recipient_user_id')
    .innerJoin('agencies as a', 'a.id', 's.recipient_agency_id')
    .select(['s.kind', 's.sent_at', 's.text_sha256', 'u.name', 'a.name as agency_name'])
    .where('s.meeting_id', '=', meetingId)
    .orderBy('s.sent_at', 'desc')
    .execute();
  return rows.map((r) => ({
    kind: r.kind as PackKind,
    sentAt: new Date(r.sent_at).toISOString(),
    recipientName: r.name,
    agencyName: r.agency_name,
    textSha256: r.text_sha256,
  }));
}
