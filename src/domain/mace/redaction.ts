/**
 * Meeting packs and minutes, redacted for the agency that receives them (issue 5 item 6): "a school's
 * copy holds no police intelligence". The pack is plain data with a sensitivity label on every part;
 * `packFor` keeps what the recipient may see under the one access policy, as a member of the meeting;
 * `renderPackText` gives the text a PDF of it holds, so the PDF is built from it and tested by
 * extracting its text; `recordSending` is what the audit keeps of each copy sent.
 *
 * DANGER: this decides what leaves Lantern in a pack. Every part must carry its label: a part wrongly
 * labelled standard goes to every agency at the meeting. The decision itself is `canSeeLabel` (through
 * `visibleItems`) in the access policy; nothing here grants more, with one exception written out below:
 * the shareable minutes, which the meeting agreed every member may read.
 */
import { createHash } from 'node:crypto';
import { decide, visibleItems } from '../access/policy.ts';
import {
  AGENCY_TYPE_LABELS,
  type AgencyType,
  type ChildRelationship,
  NO_RELATIONSHIP,
  type Role,
  SENSITIVITY_LABEL_NAMES,
  type SensitivityLabel,
  type Viewer,
} from '../access/types.ts';
import { formatLocalDate, formatLondon, type LocalDate, plural } from './common.ts';
import { CONTEXT_KIND_NAMES } from './config.ts';
import { type CrossReferenceContext, sharedContexts } from './cross-reference.ts';
import {
  ACTION_STATUS_NAMES,
  type ActionStatus,
  ATTENDANCE_STATUS_NAMES,
  type AttendanceStatus,
} from './meeting.ts';

export interface PackPart {
  readonly id: string;
  readonly heading?: string;
  readonly text: string;
  readonly sensitivity: SensitivityLabel;
  /** The shareable minutes: what the meeting agreed every member may read. Only standard text can be. */
  readonly shareable?: boolean;
  /** Who it came from, for information shared: "Fernbridge Police; lawful basis: …". */
  readonly attribution?: string;
}

export interface PackAction {
  readonly id: string;
  readonly title: string;
  readonly ownerName: string;
  readonly agencyName: string;
  readonly dueDate: LocalDate;
  readonly status: ActionStatus;
  readonly sensitivity: SensitivityLabel;
  /** Agreed in the shareable minutes: every member of the meeting sees it. Only a standard action can be. */
  readonly shareable?: boolean;
  readonly carriedOver?: number;
}

export interface PackItem {
  readonly itemId: string;
  readonly heading: string;
  /** The item's own label: an item about a person of concern known only from intelligence is labelled so. */
  readonly sensitivity: SensitivityLabel;
  /** The child the item is about; the recipient's relationship to that child decides what they see. */
  readonly childId?: string;
  readonly parts: readonly PackPart[];
  readonly decisions?: readonly PackPart[];
  readonly actions?: readonly PackAction[];
  /** For the cross-reference: the persons of concern, places … the item is linked to, with their labels. */
  readonly linkedContexts?: readonly (CrossReferenceContext & { readonly sensitivity: SensitivityLabel })[];
  /** For an item about a context: the context itself. */
  readonly context?: CrossReferenceContext & { readonly sensitivity: SensitivityLabel };
}

export interface MeetingPack {
  readonly id: string;
  /** A pack goes out before the meeting; minutes after it. */
  readonly kind: 'pack' | 'minutes';
  readonly meeting: {
    readonly id: string;
    readonly typeLabel: string;
    readonly title: string;
    readonly startsAt: Date;
    readonly chairName: string;
  };
  readonly attendance?: readonly {
    readonly name: string;
    readonly agencyName: string;
    readonly status: AttendanceStatus;
    readonly deputyName?: string;
  }[];
  readonly items: readonly PackItem[];
}

export interface PackRecipient {
  readonly userId: string;
  readonly name: string;
  readonly agencyId: string;
  readonly agencyName: string;
  readonly agencyType: AgencyType;
  readonly roles: readonly Role[];
  /** Relationships to children beyond meeting membership (for example lead worker of one of them). */
  readonly relationships?: Readonly<Record<string, Partial<ChildRelationship>>>;
}

export interface RecipientPack extends MeetingPack {
  readonly preparedFor: {
    readonly userId: string;
    readonly name: string;
    readonly agencyId: string;
    readonly agencyName: string;
    readonly agencyType: AgencyType;
  };
}

function relationshipFor(recipient: PackRecipient, childId: string | undefined): ChildRelationship {
  const extra = childId !== undefined ? (recipient.relationships?.[childId] ?? {}) : {};
  // Meeting membership is the relationship; break-glass never reaches a pack.
  return { ...NO_RELATIONSHIP, ...extra, isMeetingMember: true, breakGlass: false };
}

/** The copy of `pack` this recipient may hold: only the parts, decisions, actions and links they may see. */
export function packFor(recipient: PackRecipient, pack: MeetingPack): RecipientPack {
  const viewer: Viewer = {
    userId: recipient.userId,
    agencyId: recipient.agencyId,
    agencyType: recipient.agencyType,
    roles: recipient.roles,
    teamIds: [],
  };
  const preparedFor = {
    userId: recipient.userId,
    name: recipient.name,
    agencyId: recipient.agencyId,
    agencyName: recipient.agencyName,
    agencyType: recipient.agencyType,
  };
  const member = decide(viewer, 'meeting.attend', { child: relationshipFor(recipient, undefined) }).allowed;
  if (!member) return { ...pack, attendance: [], items: [], preparedFor };

  const items: PackItem[] = [];
  for (const item of pack.items) {
    const rel = relationshipFor(recipient, item.childId);
    // The one exception to the label rule: the shareable minutes go to every member of the meeting,
    // including one whose account may not open the child's record (a referrer invited to the meeting).
    // Only standard text can be shareable; a part with any other label is never let through here.
    const keep = <T extends { sensitivity: SensitivityLabel; shareable?: boolean }>(
      list: readonly T[],
    ): T[] => {
      const seen = new Set(visibleItems(viewer, rel, list));
      return list.filter((x) => seen.has(x) || (x.shareable === true && x.sensitivity === 'standard'));
    };
    const [heading] = keep([{ sensitivity: item.sensitivity, shareable: true }]);
    if (!heading) continue;
    const visibleContext = item.context ? keep([item.context])[0] : undefined;
    items.push({
      itemId: item.itemId,
      heading: item.heading,
      sensitivity: item.sensitivity,
      ...(item.childId === undefined ? {} : { childId: item.childId }),
      ...(visibleContext === undefined ? {} : { context: visibleContext }),
      parts: keep(item.parts),
      decisions: keep(item.decisions ?? []),
      actions: keep(item.actions ?? []),
      linkedContexts: visibleItems(viewer, rel, item.linkedContexts ?? []),
    });
  }
  return { ...pack, attendance: pack.attendance ?? [], items, preparedFor };
}

// ---------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------

function partLabel(part: PackPart): string {
  if (part.sensitivity !== 'standard') return `[Restricted: ${SENSITIVITY_LABEL_NAMES[part.sensitivity]}] `;
  return part.shareable ? '[Shareable] ' : '';
}

function indent(text: string, by = '   '): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '' : `${by}${line}`))
    .join('\n');
}

/**
 * The text of a pack or minutes, as the PDF holds it: header, attendance, each item with its parts,
 * decisions and actions, and the persons of concern and places that appear in more than one item.
 * Render a recipient's copy (`packFor`) — never the whole pack — for anything that leaves Lantern.
 */
export function renderPackText(pack: MeetingPack | RecipientPack): string {
  const lines: string[] = [];
  const what = pack.kind === 'pack' ? 'Meeting pack' : 'Minutes';
  lines.push(`${pack.meeting.typeLabel}: ${what}`, pack.meeting.title);
  lines.push(`Date: ${formatLondon(pack.meeting.startsAt)}`, `Chair: ${pack.meeting.chairName}`);
  if ('preparedFor' in pack) {
    const p = pack.preparedFor;
    lines.push(`Prepared for: ${p.name}, ${p.agencyName} (${AGENCY_TYPE_LABELS[p.agencyType]})`);
  }
  // The same words on every copy, so they say nothing about what any one copy leaves out.
  lines.push(
    'Confidential. This copy holds only the information its recipient may see; copies for other agencies ' +
      'hold different information. Do not forward it or copy from it.',
  );

  if (pack.attendance && pack.attendance.length > 0) {
    lines.push('', 'Attendance');
    for (const a of pack.attendance) {
      const deputy = a.status === 'deputy' && a.deputyName ? ` (${a.deputyName} attended)` : '';
      lines.push(`- ${a.name}, ${a.agencyName}: ${ATTENDANCE_STATUS_NAMES[a.status]}${deputy}`);
    }
  }

  pack.items.forEach((item, i) => {
    lines.push('', `${i + 1}. ${item.heading}`);
    for (const part of item.parts) {
      lines.push(indent(`${partLabel(part)}${part.heading ?? ''}`.trim()));
      lines.push(indent(part.text));
      if (part.attribution) lines.push(indent(`Shared by ${part.attribution}`));
    }
    if (item.decisions && item.decisions.length > 0) {
      lines.push(indent('Decisions'));
      for (const d of item.decisions) lines.push(indent(`- ${partLabel(d)}${d.text}`));
    }
    if (item.actions && item.actions.length > 0) {
      lines.push(indent('Actions'));
      for (const a of item.actions) {
        const carried = a.carriedOver ? `; carried over ${plural(a.carriedOver, 'time')}` : '';
        lines.push(
          indent(
            `- ${a.title}. Owner: ${a.ownerName}, ${a.agencyName}. Due ${formatLocalDate(a.dueDate)}. ` +
              `${ACTION_STATUS_NAMES[a.status]}${carried}.`,
          ),
        );
      }
    }
  });

  const shared = sharedContexts(
    pack.items.map((item) => ({
      id: item.itemId,
      heading: item.heading,
      kind: item.context ? ('context' as const) : ('child' as const),
      ...(item.context ? { context: item.context } : {}),
      linkedContexts: item.linkedContexts ?? [],
    })),
  );
  if (shared.length > 0) {
    const number = new Map(pack.items.map((item, i) => [item.itemId, i + 1]));
    lines.push('', 'Appearing in more than one item');
    for (const s of shared) {
      const where = s.items.map((x) => number.get(x.itemId)).join(', ');
      lines.push(`- ${CONTEXT_KIND_NAMES[s.kind]} "${s.label}": items ${where}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------------

export interface PackSending {
  readonly packId: string;
  readonly meetingId: string;
  readonly kind: 'pack' | 'minutes';
  readonly recipientUserId: string;
  readonly recipientAgencyId: string;
  readonly sentAt: Date;
  readonly sentBy: string;
  /** Every part, decision and action the copy held, so the audit shows exactly what went. */
  readonly includedIds: readonly string[];
  /** SHA-256 of the rendered text: proves which version of the copy was sent. */
  readonly textSha256: string;
}

/** What is recorded when a recipient's copy is sent (issue 5 item 6: "Sending is recorded"). */
export function recordSending(copy: RecipientPack, sentAt: Date, sentBy: string): PackSending {
  const includedIds = copy.items.flatMap((item) => [
    item.itemId,
    ...item.parts.map((p) => p.id),
    ...(item.decisions ?? []).map((d) => d.id),
    ...(item.actions ?? []).map((a) => a.id),
  ]);
  return {
    packId: copy.id,
    meetingId: copy.meeting.id,
    kind: copy.kind,
    recipientUserId: copy.preparedFor.userId,
    recipientAgencyId: copy.preparedFor.agencyId,
    sentAt,
    sentBy,
    includedIds,
    textSha256: createHash('sha256').update(renderPackText(copy)).digest('hex'),
  };
}
