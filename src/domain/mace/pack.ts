/**
 * From a meeting record to the pack or minutes that `packFor` redacts for each recipient: every part
 * keeps the label it was recorded under (information shared, restricted minutes, decisions, actions),
 * and the shareable minute is marked shareable. Nothing here decides who sees what.
 */
import { AGENCY_TYPE_LABELS } from '../access/types.ts';
import { MEETINGS_CONFIG, type MeetingsConfig } from './config.ts';
import { lawfulBasisLabel, type Meeting } from './meeting.ts';
import type { MeetingPack, PackAction, PackItem, PackPart } from './redaction.ts';

export interface PackDetails {
  readonly packId: string;
  /** Before the meeting ("pack") or after it ("minutes"). */
  readonly kind: 'pack' | 'minutes';
  readonly title: string;
  /** The meeting's id, when the record does not carry one yet. */
  readonly meetingId?: string;
  /** Names of agencies that own actions but were not invited. */
  readonly agencyNames?: Readonly<Record<string, string>>;
}

/** The id given to an agenda item collecting actions that belong to no item. */
export const OTHER_ACTIONS_ITEM = 'other-actions';

export function meetingPack(
  meeting: Meeting,
  details: PackDetails,
  config: MeetingsConfig = MEETINGS_CONFIG,
): MeetingPack {
  const invited = new Map(meeting.invitations.map((i) => [i.id, i]));
  const agencyName = (agencyId: string): string => {
    const invitation = meeting.invitations.find((i) => i.agencyId === agencyId);
    if (invitation) return invitation.agencyName ?? AGENCY_TYPE_LABELS[invitation.agencyType];
    return details.agencyNames?.[agencyId] ?? 'Agency not named';
  };
  const toAction = (a: Meeting['actions'][number], fallbackId: string): PackAction => ({
    id: a.id ?? fallbackId,
    title: a.title,
    ownerName: a.owner.name,
    agencyName: agencyName(a.agencyId),
    dueDate: a.dueDate,
    status: a.status,
    sensitivity: a.sensitivity,
    shareable: a.sensitivity === 'standard',
    ...(a.carriedOver > 0 ? { carriedOver: a.carriedOver } : {}),
  });

  const items: PackItem[] = meeting.agenda.map((item) => {
    const parts: PackPart[] = [];
    meeting.informationShared.forEach((s, i) => {
      if (s.itemId !== item.id) return;
      const who = invited.get(s.sharedBy);
      const by = who
        ? `${who.person.name}, ${who.agencyName ?? AGENCY_TYPE_LABELS[who.agencyType]}`
        : 'Not recorded';
      const consent = s.consentGivenBy ? ` (consent given by ${s.consentGivenBy})` : '';
      parts.push({
        id: `${item.id}/information/${i}`,
        heading: 'Information shared',
        text: s.summary,
        sensitivity: s.sensitivity,
        attribution: `${by}; lawful basis: ${lawfulBasisLabel(s.lawfulBasis, config)}${consent}`,
      });
    });
    const minute = meeting.minutes.find((m) => m.itemId === item.id);
    minute?.restricted.forEach((r, i) => {
      parts.push({
        id: `${item.id}/restricted/${i}`,
        heading: 'Minutes',
        text: r.text,
        sensitivity: r.sensitivity,
      });
    });
    if (minute && minute.shareable.trim() !== '') {
      parts.push({
        id: `${item.id}/shareable`,
        heading: 'Minutes',
        text: minute.shareable,
        sensitivity: 'standard',
        shareable: true,
      });
    }
    const decisions: PackPart[] = meeting.decisions.flatMap((d, i) =>
      d.itemId === item.id
        ? [
            {
              id: `${item.id}/decision/${i}`,
              text: d.text,
              sensitivity: d.sensitivity,
              shareable: d.sensitivity === 'standard',
            },
          ]
        : [],
    );
    const actions = meeting.actions.flatMap((a, i) =>
      a.itemId === item.id ? [toAction(a, `${item.id}/action/${i}`)] : [],
    );
    return {
      itemId: item.id,
      heading: item.heading,
      sensitivity: item.kind === 'context' ? item.context.sensitivity : 'standard',
      ...(item.kind === 'child' ? { childId: item.childId } : { context: item.context }),
      parts,
      decisions,
      actions,
      linkedContexts: item.linkedContexts,
    };
  });

  const loose = meeting.actions.flatMap((a, i) =>
    a.itemId === undefined ? [toAction(a, `${OTHER_ACTIONS_ITEM}/action/${i}`)] : [],
  );
  if (loose.length > 0) {
    items.push({
      itemId: OTHER_ACTIONS_ITEM,
      heading: 'Other actions',
      sensitivity: 'standard',
      parts: [],
      actions: loose,
    });
  }

  const attendance = meeting.attendance.flatMap((a) => {
    const who = invited.get(a.inviteeId);
    if (!who) return [];
    return [
      {
        name: who.person.name,
        agencyName: who.agencyName ?? AGENCY_TYPE_LABELS[who.agencyType],
        status: a.status,
        ...(a.deputy ? { deputyName: a.deputy.name } : {}),
      },
    ];
  });

  return {
    id: details.packId,
    kind: details.kind,
    meeting: {
      id: meeting.id ?? details.meetingId ?? details.packId,
      typeLabel: config.meetingTypes[meeting.type].label,
      title: details.title,
      startsAt: meeting.startsAt,
      chairName: meeting.chair.name,
    },
    attendance,
    items,
  };
}
