import { describe, expect, it } from 'vitest';
import { AGENCY, CHILD, id } from './fixtures.ts';
import { meetingSchema } from './meeting.ts';
import { meetingPack, OTHER_ACTIONS_ITEM } from './pack.ts';

const meeting = meetingSchema().parse({
  type: 'strategy',
  groupId: id(3000),
  childId: CHILD.kai,
  startsAt: '2026-04-08T14:00:00+01:00',
  endsAt: '2026-04-08T15:00:00+01:00',
  chair: { name: 'Sam Okafor' },
  agenda: [{ id: id(1), kind: 'child', childId: CHILD.kai, heading: 'Kai' }],
  invitations: [
    {
      id: id(21),
      person: { name: 'Sam Okafor' },
      agencyId: AGENCY.csc.id,
      agencyType: 'childrens_social_care',
    },
    {
      id: id(22),
      person: { name: 'DS Tom Reilly' },
      agencyId: AGENCY.police.id,
      agencyType: 'police',
      agencyName: AGENCY.police.name,
    },
  ],
  attendance: [
    { inviteeId: id(21), status: 'present' },
    { inviteeId: id(22), status: 'deputy', deputy: { name: 'PC Amy Lowe' } },
  ],
  informationShared: [
    {
      itemId: id(1),
      sharedBy: id(22),
      summary: 'Kai was stopped in Eastgate with cash.',
      lawfulBasis: 'children_act_1989_s47',
      sensitivity: 'police_intelligence',
    },
  ],
  minutes: [
    {
      itemId: id(1),
      shareable: '',
      restricted: [{ text: 'Kai named an older boy.', sensitivity: 'third_party' }],
    },
  ],
  decisions: [
    { itemId: id(1), text: 'Section 47 enquiry to start.' },
    { itemId: id(1), text: 'Police to check the older boy.', sensitivity: 'police_intelligence' },
  ],
  actions: [
    {
      itemId: id(1),
      title: 'Visit Kai today',
      owner: { name: 'Sam Okafor' },
      agencyId: AGENCY.csc.id,
      dueDate: '2026-04-08',
      carriedOver: 0,
    },
    {
      title: 'Refer to the youth service',
      owner: { name: 'Kim Lowe' },
      agencyId: AGENCY.vol.id,
      dueDate: '2026-04-15',
      carriedOver: 2,
    },
  ],
});

describe('meetingPack', () => {
  const pack = meetingPack(meeting, {
    packId: id(6000),
    kind: 'minutes',
    title: 'Strategy meeting for Kai',
    meetingId: id(3100),
  });

  it('keeps every part with the label it was recorded under, and marks only standard text shareable', () => {
    const [item] = pack.items;
    expect(item?.parts.map((p) => [p.heading, p.sensitivity, p.shareable ?? false])).toEqual([
      ['Information shared', 'police_intelligence', false],
      ['Minutes', 'third_party', false],
    ]);
    expect(item?.parts[0]?.attribution).toBe(
      'DS Tom Reilly, Fernbridge Police; lawful basis: Children Act 1989, section 47',
    );
    expect(item?.decisions?.map((d) => [d.sensitivity, d.shareable])).toEqual([
      ['standard', true],
      ['police_intelligence', false],
    ]);
    expect(item?.childId).toBe(CHILD.kai);
  });

  it('names agencies from the invitations, and collects actions that belong to no item', () => {
    expect(pack.items[0]?.actions?.[0]).toMatchObject({
      agencyName: "Children's social care",
      shareable: true,
    });
    expect(pack.items[1]).toMatchObject({ itemId: OTHER_ACTIONS_ITEM, heading: 'Other actions' });
    expect(pack.items[1]?.actions?.[0]).toMatchObject({ agencyName: 'Agency not named', carriedOver: 2 });
    const named = meetingPack(meeting, {
      packId: id(6000),
      kind: 'minutes',
      title: 't',
      agencyNames: { [AGENCY.vol.id]: AGENCY.vol.name },
    });
    expect(named.items[1]?.actions?.[0]?.agencyName).toBe(AGENCY.vol.name);
  });

  it('carries the meeting, its chair and its attendance', () => {
    expect(pack.meeting).toMatchObject({
      id: id(3100),
      typeLabel: 'Strategy discussion or meeting',
      chairName: 'Sam Okafor',
    });
    expect(pack.attendance).toEqual([
      { name: 'Sam Okafor', agencyName: "Children's social care", status: 'present' },
      { name: 'DS Tom Reilly', agencyName: AGENCY.police.name, status: 'deputy', deputyName: 'PC Amy Lowe' },
    ]);
  });
});
