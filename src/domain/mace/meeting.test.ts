import { describe, expect, it } from 'vitest';
import { AGENCY, CHILD, CONTEXT, id, POLICE_INTELLIGENCE } from './fixtures.ts';
import {
  actionSchema,
  lawfulBasisLabel,
  type MeetingInput,
  meetingInputSchema,
  meetingSchema,
} from './meeting.ts';

const ITEM = { amira: id(1001), kai: id(1002), dean: id(1003) };
const INVITE = { chair: id(2001), police: id(2002), nurse: id(2003), school: id(2004), yjs: id(2005) };

const dean = {
  contextId: CONTEXT.dean,
  kind: 'person_of_concern',
  label: 'Dean Marsh',
  sensitivity: 'police_intelligence',
} as const;
const flat = { contextId: CONTEXT.flat, kind: 'place', label: 'Flat above Quickbite takeaway' } as const;

/** The April MACE meeting in Fernbridge, from agenda to minutes to actions. */
function aprilMace(): MeetingInput {
  return {
    type: 'mace',
    groupId: id(3000),
    startsAt: '2026-04-14T09:30:00+01:00',
    endsAt: '2026-04-14T12:00:00+01:00',
    chair: { name: 'Priya Shah', role: 'MACE chair', agencyId: AGENCY.csc.id },
    agenda: [
      { id: ITEM.amira, kind: 'child', childId: CHILD.amira, heading: 'Amira', linkedContexts: [dean, flat] },
      { id: ITEM.kai, kind: 'child', childId: CHILD.kai, heading: 'Kai', linkedContexts: [dean] },
      { id: ITEM.dean, kind: 'context', context: dean, heading: 'Person of concern: Dean Marsh' },
    ],
    invitations: [
      {
        id: INVITE.chair,
        person: { name: 'Priya Shah' },
        agencyId: AGENCY.csc.id,
        agencyType: 'childrens_social_care',
      },
      {
        id: INVITE.police,
        person: { name: 'DS Tom Reilly' },
        agencyId: AGENCY.police.id,
        agencyType: 'police',
      },
      { id: INVITE.nurse, person: { name: 'Grace Obi' }, agencyId: AGENCY.health.id, agencyType: 'health' },
      {
        id: INVITE.school,
        person: { name: 'Mark Ellis' },
        agencyId: AGENCY.school.id,
        agencyType: 'education',
      },
      {
        id: INVITE.yjs,
        person: { name: 'Sian Price' },
        agencyId: AGENCY.yjs.id,
        agencyType: 'youth_justice',
      },
    ],
    attendance: [
      { inviteeId: INVITE.chair, status: 'present' },
      { inviteeId: INVITE.police, status: 'present' },
      {
        inviteeId: INVITE.nurse,
        status: 'deputy',
        deputy: { name: 'Helen Carter', role: 'Specialist nurse' },
      },
      { inviteeId: INVITE.school, status: 'apologies' },
      { inviteeId: INVITE.yjs, status: 'present' },
    ],
    informationShared: [
      {
        itemId: ITEM.amira,
        sharedBy: INVITE.police,
        summary: 'Intelligence linking Amira and Kai to an adult of concern and to a flat on Mill Lane.',
        lawfulBasis: 'crime_and_disorder_act_1998_s115',
      },
      {
        itemId: ITEM.amira,
        sharedBy: INVITE.school,
        summary: 'Attendance has fallen to 61% this term; sent in writing.',
        lawfulBasis: 'consent',
        consentGivenBy: 'Amira’s mother',
      },
    ],
    minutes: [
      {
        itemId: ITEM.amira,
        shareable:
          'Partners agreed that Amira is being exploited by an adult of concern. Police will lead a disruption ' +
          'plan. The lead worker will review the safety plan with Amira and her mother this week.',
        restricted: [
          { text: POLICE_INTELLIGENCE, sensitivity: 'police_intelligence', agencyId: AGENCY.police.id },
        ],
      },
      { itemId: ITEM.kai, shareable: 'Kai’s safety plan to be reviewed at his next strategy meeting.' },
    ],
    decisions: [
      { itemId: ITEM.amira, text: 'Continue at MACE next month.' },
      { itemId: ITEM.dean, text: 'Police to lead disruption; partners to share sightings.' },
    ],
    actions: [
      {
        itemId: ITEM.dean,
        contextId: CONTEXT.dean,
        title: 'Apply for a child abduction warning notice',
        owner: { name: 'DS Tom Reilly', personId: id(4002) },
        agencyId: AGENCY.police.id,
        dueDate: '2026-04-28',
      },
      {
        itemId: ITEM.amira,
        childId: CHILD.amira,
        title: 'Review the safety plan with Amira and her mother',
        owner: { name: 'Jo Bennett', personId: id(4001) },
        agencyId: AGENCY.csc.id,
        dueDate: '2026-04-21',
        status: 'in_progress',
      },
    ],
  };
}

function refusals(input: unknown, schema = meetingInputSchema): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('agenda to minutes to actions', () => {
  it('accepts a whole MACE meeting and gives it back with times as dates and defaults filled in', () => {
    const result = meetingInputSchema.safeParse(aprilMace());
    expect(result.success ? [] : result.error.issues).toEqual([]);
    if (!result.success) return;
    const m = result.data;
    expect(m.startsAt.toISOString()).toBe('2026-04-14T08:30:00.000Z');
    expect(m.agenda.map((a) => a.heading)).toEqual(['Amira', 'Kai', 'Person of concern: Dean Marsh']);
    expect(m.agenda[2]?.linkedContexts).toEqual([]);
    expect(m.agenda[0]?.linkedContexts[1]?.sensitivity).toBe('standard');
    expect(m.minutes[1]?.restricted).toEqual([]);
    expect(m.actions.map((a) => [a.status, a.carriedOver])).toEqual([
      ['open', 0],
      ['in_progress', 0],
    ]);
    expect(lawfulBasisLabel(m.informationShared[0]?.lawfulBasis ?? '')).toBe(
      'Crime and Disorder Act 1998, section 115',
    );
  });

  it('records an action as done with its evidence', () => {
    const done = actionSchema.parse({
      title: 'Share the school timetable with police',
      owner: { name: 'Mark Ellis' },
      agencyId: AGENCY.school.id,
      dueDate: '2026-04-20',
      status: 'done',
      completion: {
        evidence: 'Emailed to DS Reilly on 16 April; copy on the school file',
        completedOn: '2026-04-16',
        recordedBy: { name: 'Mark Ellis' },
      },
    });
    expect(done.completion?.evidence).toMatch(/Emailed/);
  });
});

describe('attendance', () => {
  it('refuses attendance for someone who was not invited, naming the field', () => {
    const m = aprilMace();
    m.attendance = [...(m.attendance ?? []), { inviteeId: id(2999), status: 'present' }];
    expect(refusals(m)).toEqual([
      `attendance.5.inviteeId: attendance[5].inviteeId (${id(2999)}) was not invited to this meeting: attendance ` +
        'is recorded only for people on the invitation list; invite them first, or record them as a deputy for ' +
        'the person they came instead of',
    ]);
  });

  it('needs the deputy’s name, and records a deputy only for a deputy', () => {
    const m = aprilMace();
    m.attendance = [
      { inviteeId: INVITE.nurse, status: 'deputy' },
      { inviteeId: INVITE.police, status: 'present', deputy: { name: 'PC Amy Lowe' } },
    ];
    expect(refusals(m)).toEqual([
      'attendance.0.deputy: deputy.name is required when the invitee sent a deputy: the minutes say who attended for the agency',
      'attendance.1.deputy: deputy is recorded only when the status is "deputy", not "present"',
    ]);
  });

  it('refuses attendance recorded twice and an unknown status', () => {
    const m = aprilMace();
    m.attendance = [
      { inviteeId: INVITE.police, status: 'present' },
      { inviteeId: INVITE.police, status: 'apologies' },
    ];
    expect(refusals(m)).toEqual(['attendance: attendance for DS Tom Reilly is recorded more than once']);
    const n = aprilMace();
    n.attendance = [{ inviteeId: INVITE.police, status: 'late' as 'present' }];
    expect(refusals(n)[0]).toMatch(/^attendance\.0\.status: /);
  });

  it('refuses a repeated invitation', () => {
    const m = aprilMace();
    m.invitations = [
      ...(m.invitations ?? []),
      {
        id: INVITE.police,
        person: { name: 'DS Tom Reilly' },
        agencyId: AGENCY.police.id,
        agencyType: 'police',
      },
    ];
    expect(refusals(m)).toEqual([`invitations: invitation ${INVITE.police} appears more than once`]);
  });
});

describe('information shared', () => {
  it('refuses an unknown lawful basis, naming the bases allowed', () => {
    const m = aprilMace();
    m.informationShared = [
      { itemId: ITEM.kai, sharedBy: INVITE.police, summary: 'x', lawfulBasis: 'because' },
    ];
    expect(refusals(m)[0]).toMatch(
      /^informationShared\.0\.lawfulBasis: informationShared\[0\]\.lawfulBasis "because" is not one of the partnership's lawful bases \(consent, public_interest_significant_harm, /,
    );
  });

  it('refuses information without a lawful basis', () => {
    const m = aprilMace();
    m.informationShared = [{ itemId: ITEM.kai, sharedBy: INVITE.police, summary: 'x' } as never];
    expect(refusals(m)).toEqual([
      'informationShared.0.lawfulBasis: lawfulBasis is required: every piece of information shared records its lawful basis',
    ]);
  });

  it('needs who gave consent when the basis is consent', () => {
    const m = aprilMace();
    m.informationShared = [
      { itemId: ITEM.kai, sharedBy: INVITE.school, summary: 'x', lawfulBasis: 'consent' },
    ];
    expect(refusals(m)).toEqual([
      'informationShared.0.consentGivenBy: informationShared[0].consentGivenBy is required when the lawful basis is consent: record who gave consent to share the information',
    ]);
  });

  it('refuses information from someone not invited, or for an item not on the agenda', () => {
    const m = aprilMace();
    m.informationShared = [
      { itemId: id(1999), sharedBy: id(2999), summary: 'x', lawfulBasis: 'children_act_1989_s47' },
    ];
    expect(refusals(m)).toEqual([
      `informationShared.0.itemId: informationShared[0].itemId (${id(1999)}) is not an item on this meeting's agenda`,
      `informationShared.0.sharedBy: informationShared[0].sharedBy (${id(2999)}) was not invited to this meeting: ` +
        'information is recorded against the invitation of the person who shared it, so their agency is known',
    ]);
  });
});

describe('minutes', () => {
  it('refuses a shareable minute that quotes the restricted minutes', () => {
    const m = aprilMace();
    const minutes = m.minutes ?? [];
    minutes[1] = {
      itemId: ITEM.kai,
      shareable: 'Police said he is believed to contact children on 07700 900461 and through @jaymarsh_fb.',
    };
    const [message, ...rest] = refusals(m);
    expect(rest).toEqual([]);
    expect(message).toMatch(/^minutes\.1\.shareable: minutes\[1\]\.shareable quotes restricted text: /);
    expect(message).toContain('"he is believed to contact children on 07700 900461 and through" (11 words');
    expect(message).toContain('"07700 900461" (a phone number held in restricted text)');
    expect(message).toContain('"@jaymarsh_fb" (an online handle held in restricted text)');
  });

  it('refuses a shareable minute that quotes restricted text from the record', () => {
    const record = [
      {
        itemId: ITEM.kai,
        text: 'Kai disclosed to the school nurse that he was made to carry drugs to Eastgate for a man called Jay.',
        sensitivity: 'health' as const,
      },
    ];
    const m = aprilMace();
    (m.minutes ?? [])[1] = {
      itemId: ITEM.kai,
      shareable: 'Noted that he was made to carry drugs to Eastgate for a man called Jay.',
    };
    expect(refusals(m, meetingSchema(undefined, { restrictedFromRecord: record }))[0]).toMatch(
      /^minutes\.1\.shareable: .*"that he was made to carry drugs to Eastgate for a man called Jay" \(13 words/,
    );
    // The record's text for another item is not compared with this one.
    expect(
      refusals(
        m,
        meetingSchema(undefined, { restrictedFromRecord: [{ ...record[0], itemId: ITEM.amira } as never] }),
      ),
    ).toEqual([]);
  });

  it('refuses a shareable minute that quotes information shared under a restricted label', () => {
    const m = aprilMace();
    m.informationShared = [
      {
        itemId: ITEM.kai,
        sharedBy: INVITE.police,
        summary: 'Kai was found in a car with two adults near the Eastgate services at 2am.',
        lawfulBasis: 'children_act_1989_s47',
        sensitivity: 'police_intelligence',
      },
    ];
    (m.minutes ?? [])[1] = {
      itemId: ITEM.kai,
      shareable: 'Kai was found in a car with two adults near the services.',
    };
    expect(refusals(m)[0]).toMatch(
      /^minutes\.1\.shareable: .*"Kai was found in a car with two adults near" \(9 words/,
    );
    // The same words shared as standard information are not restricted.
    (m.informationShared[0] as { sensitivity?: string }).sensitivity = 'standard';
    expect(refusals(m)).toEqual([]);
  });

  it('refuses a restricted minute labelled standard, or with no label', () => {
    const m = aprilMace();
    (m.minutes ?? [])[1] = {
      itemId: ITEM.kai,
      restricted: [{ text: 'x', sensitivity: 'standard' as 'health' }],
    };
    expect(refusals(m)).toEqual([
      'minutes.1.restricted.0.sensitivity: sensitivity must be one of police_intelligence, health, sexual_health, ' +
        'third_party, special_category: standard text belongs in the shareable minute',
    ]);
    (m.minutes ?? [])[1] = { itemId: ITEM.kai, restricted: [{ text: 'x' } as never] };
    expect(refusals(m)).toEqual([
      'minutes.1.restricted.0.sensitivity: sensitivity is required: a restricted minute carries the label that decides who may read it',
    ]);
  });

  it('refuses two minutes for one item, and a minute or decision for an item not on the agenda', () => {
    const m = aprilMace();
    m.minutes = [
      ...(m.minutes ?? []),
      { itemId: ITEM.kai, shareable: 'Again.' },
      { itemId: id(1999), shareable: 'x' },
    ];
    m.decisions = [{ itemId: id(1998), text: 'x' }];
    expect(refusals(m)).toEqual([
      `minutes: item ${ITEM.kai} has more than one minute: keep one minute per item`,
      `minutes.3.itemId: minutes[3].itemId (${id(1999)}) is not an item on this meeting's agenda`,
      `decisions.0.itemId: decisions[0].itemId (${id(1998)}) is not an item on this meeting's agenda`,
    ]);
  });
});

describe('actions', () => {
  const action = {
    title: 'Visit Amira at home',
    owner: { name: 'Jo Bennett' },
    agencyId: AGENCY.csc.id,
    dueDate: '2026-04-21',
  };
  const actionRefusals = (input: unknown) => refusals(input, actionSchema as never);

  it('refuses an action without an owner, naming the field', () => {
    const { owner: _owner, ...rest } = action;
    expect(actionRefusals(rest)).toEqual([
      'owner: owner is required: every action has a named person who will do it; actions without one drift (issue 5 item 7)',
    ]);
  });

  it('refuses an action without a due date, or with a date that is not one', () => {
    const { dueDate: _due, ...rest } = action;
    expect(actionRefusals(rest)).toEqual([
      'dueDate: dueDate is required: every action has a date it is due by; actions without one drift (issue 5 item 7)',
    ]);
    expect(actionRefusals({ ...action, dueDate: '2026-02-30' })).toEqual([
      'dueDate: must be a date like 2026-03-31',
    ]);
  });

  it('refuses an action without an agency, or a title', () => {
    const { agencyId: _agency, title: _title, ...rest } = action;
    expect(actionRefusals(rest)).toEqual([
      'title: title is required: say what is to be done',
      'agencyId: agencyId is required: every action belongs to an agency, so it can be tracked by agency; actions without one drift (issue 5 item 7)',
    ]);
    expect(actionRefusals({ ...action, agencyId: 'police' })).toEqual(['agencyId: must be a valid id']);
  });

  it('refuses marking an action done without evidence of completion', () => {
    expect(actionRefusals({ ...action, status: 'done' })).toEqual([
      'completion.evidence: completion.evidence is required to mark an action done: record what was done and where ' +
        'the evidence is, so the meeting can see it happened (issue 5 item 3)',
    ]);
    expect(
      actionRefusals({
        ...action,
        status: 'done',
        completion: { evidence: ' ', completedOn: '2026-04-20', recordedBy: { name: 'Jo' } },
      }),
    ).toEqual(['completion.evidence: must not be empty']);
  });

  it('refuses evidence on an open action, and a cancellation without a reason', () => {
    expect(
      actionRefusals({
        ...action,
        completion: { evidence: 'Visited', completedOn: '2026-04-20', recordedBy: { name: 'Jo' } },
      }),
    ).toEqual(['completion: completion is recorded only when the action is done, not "open"']);
    expect(actionRefusals({ ...action, status: 'cancelled' })).toEqual([
      'cancellation.reason: cancellation.reason is required when an action is no longer needed: say why, so it is not mistaken for drift',
    ]);
  });

  it('refuses an action at a meeting that is due before the meeting, or for an item not on the agenda', () => {
    const m = aprilMace();
    m.actions = [{ ...action, dueDate: '2026-04-13', itemId: id(1999) }];
    expect(refusals(m)).toEqual([
      `actions.0.itemId: actions[0].itemId (${id(1999)}) is not an item on this meeting's agenda`,
      'actions.0.dueDate: actions[0].dueDate (13 Apr 2026) is before the meeting (14 Apr 2026): an action agreed ' +
        'at a meeting is due on or after the day it is agreed',
    ]);
  });
});

describe('the meeting', () => {
  it('refuses an end before the start, and a time without an offset', () => {
    const m = aprilMace();
    m.endsAt = '2026-04-14T09:00:00+01:00';
    expect(refusals(m)).toEqual([
      'endsAt: endsAt (Tue, 14 Apr 2026, 09:00 BST) must be after startsAt (Tue, 14 Apr 2026, 09:30 BST)',
    ]);
    m.endsAt = '2026-04-14T12:00:00';
    expect(refusals(m)).toEqual([
      'endsAt: must be a date and time with an offset, like 2026-03-28T10:00:00Z',
    ]);
  });

  it('keeps a strategy meeting to one child', () => {
    const m = aprilMace();
    m.type = 'strategy';
    expect(refusals(m)).toEqual([
      'childId: childId is required: a strategy discussion or meeting is about one child',
    ]);
    m.childId = CHILD.amira;
    expect(refusals(m)).toEqual([
      'agenda.1.childId: agenda[1] is about another child: a strategy discussion or meeting is about one child ' +
        'only; hold a meeting for each child, or take connected children to MACE',
    ]);
    m.agenda = (m.agenda ?? []).filter((a) => a.id !== ITEM.kai);
    m.minutes = (m.minutes ?? []).filter((x) => x.itemId !== ITEM.kai);
    expect(refusals(m)).toEqual([]);
  });

  it('does not record one child on a MACE meeting', () => {
    const m = aprilMace();
    m.childId = CHILD.amira;
    expect(refusals(m)).toEqual([
      'childId: childId is not recorded for a MACE meeting: its agenda lists the children',
    ]);
  });

  it('refuses a repeated agenda item', () => {
    const m = aprilMace();
    m.agenda = [
      ...(m.agenda ?? []),
      { id: ITEM.kai, kind: 'child', childId: CHILD.kai, heading: 'Kai again' },
    ];
    expect(refusals(m)).toEqual([`agenda: agenda item ${ITEM.kai} appears more than once`]);
  });
});
