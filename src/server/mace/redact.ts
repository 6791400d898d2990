/**
 * The meeting record as one person may see it, and saving it without losing what they may not see.
 * A MACE chair in Children's Services may not read police intelligence: the record they edit holds
 * only the labelled parts the access policy (`canSeeLabel`) lets them see, and a save keeps the
 * parts withheld from them exactly as they were.
 *
 * DANGER: this decides which labelled parts of a meeting a chair's screen shows.
 */
import type { Kysely, Transaction } from 'kysely';
import { canSeeLabel } from '../../domain/access/policy.ts';
import {
  type ChildRelationship,
  NO_RELATIONSHIP,
  type SensitivityLabel,
  type Viewer,
} from '../../domain/access/types.ts';
import type { Meeting } from '../../domain/mace/index.ts';
import { relationshipTo } from '../children/access.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type CanSee = (label: SensitivityLabel, itemId: string | undefined) => boolean;

/** What the viewer may see on each item: their relationship to its child, as a member of the meeting. */
export async function labelCheck(db: Db, viewer: Viewer, meeting: Meeting): Promise<CanSee> {
  const rels = new Map<string, ChildRelationship>();
  for (const item of meeting.agenda) {
    const childId = item.kind === 'child' ? item.childId : undefined;
    const found = childId ? await relationshipTo(db, viewer, childId) : null;
    rels.set(item.id, { ...(found?.rel ?? NO_RELATIONSHIP), isMeetingMember: true, breakGlass: false });
  }
  const base: ChildRelationship = { ...NO_RELATIONSHIP, isMeetingMember: true };
  return (label, itemId) =>
    label === 'standard' || canSeeLabel(viewer, label, (itemId && rels.get(itemId)) || base);
}

/** The record without the parts the viewer may not see, and how many were withheld. */
export function visibleRecord(m: Meeting, canSee: CanSee): { record: Meeting; withheld: number } {
  let withheld = 0;
  const keep = <T>(list: readonly T[], ok: (x: T) => boolean) =>
    list.filter((x) => {
      const seen = ok(x);
      if (!seen) withheld++;
      return seen;
    });
  const record: Meeting = {
    ...m,
    agenda: keep(m.agenda, (a) => (a.kind === 'context' ? canSee(a.context.sensitivity, a.id) : true)).map(
      (a) => ({
        ...a,
        linkedContexts: keep(a.linkedContexts, (c) => canSee(c.sensitivity, a.id)),
      }),
    ),
    informationShared: keep(m.informationShared, (s) => canSee(s.sensitivity, s.itemId)),
    minutes: m.minutes.map((x) => ({
      ...x,
      restricted: keep(x.restricted, (r) => canSee(r.sensitivity, x.itemId)),
    })),
    decisions: keep(m.decisions, (d) => canSee(d.sensitivity, d.itemId)),
    actions: keep(m.actions, (a) => canSee(a.sensitivity, a.itemId)),
  };
  return { record, withheld };
}

/** The saved record: what the viewer sent, with every part withheld from them put back as it was. */
export function withWithheld(
  before: Meeting,
  incoming: Record<string, unknown>,
  canSee: CanSee,
): Record<string, unknown> {
  const hidden = <T>(list: readonly T[], ok: (x: T) => boolean) => list.filter((x) => !ok(x));
  const json = <T>(x: T) => JSON.parse(JSON.stringify(x)) as T;
  const list = (key: string) =>
    Array.isArray(incoming[key]) ? (incoming[key] as Record<string, unknown>[]) : [];

  const hiddenItems = hidden(before.agenda, (a) =>
    a.kind === 'context' ? canSee(a.context.sensitivity, a.id) : true,
  );
  const agenda = list('agenda').map((a) => {
    const was = before.agenda.find((b) => b.id === a.id);
    if (!was) return a;
    const links = hidden(was.linkedContexts, (c) => canSee(c.sensitivity, was.id));
    return links.length === 0
      ? a
      : { ...a, linkedContexts: [...((a.linkedContexts as unknown[]) ?? []), ...json(links)] };
  });

  const minutes = list('minutes');
  for (const m of before.minutes) {
    const restricted = hidden(m.restricted, (r) => canSee(r.sensitivity, m.itemId));
    if (restricted.length === 0) continue;
    const target = minutes.find((x) => x.itemId === m.itemId);
    if (target) target.restricted = [...((target.restricted as unknown[]) ?? []), ...json(restricted)];
    else minutes.push({ itemId: m.itemId, shareable: '', restricted: json(restricted) });
  }
  const sentActionIds = new Set(list('actions').map((a) => a.id));
  return {
    ...incoming,
    agenda: [...agenda, ...json(hiddenItems)],
    informationShared: [
      ...list('informationShared'),
      ...json(hidden(before.informationShared, (s) => canSee(s.sensitivity, s.itemId))),
    ],
    minutes,
    decisions: [
      ...list('decisions'),
      ...json(hidden(before.decisions, (d) => canSee(d.sensitivity, d.itemId))),
    ],
    actions: [
      ...list('actions'),
      ...json(
        hidden(before.actions, (a) => canSee(a.sensitivity, a.itemId)).filter(
          (a) => !sentActionIds.has(a.id),
        ),
      ),
    ],
  };
}
