/**
 * One month of MACE in Fernbridge, through the pure rules in order: the triage list from the records,
 * triage decisions, the statutory-plan rule, the meeting from agenda to minutes to actions, the
 * cross-reference, packs redacted per agency, and the actions a month later.
 */
import { describe, expect, it } from 'vitest';
import { carryOver, escalations, overdue, type TrackedAction } from './actions.ts';
import { sharedContexts } from './cross-reference.ts';
import { AGENCY, at, CHILD, CONTEXT, id, POLICE_INTELLIGENCE } from './fixtures.ts';
import { meetingSchema } from './meeting.ts';
import { meetingPack } from './pack.ts';
import { statutoryPlanCheck } from './participation.ts';
import { packFor, recordSending, renderPackText } from './redaction.ts';
import { findRestrictedQuotes } from './shareable-check.ts';
import { buildTriageList, childrenForMace, triageDecisionSchema, undecidedItems } from './triage.ts';

const dean = {
  contextId: CONTEXT.dean,
  kind: 'person_of_concern',
  label: 'Dean Marsh',
  sensitivity: 'police_intelligence',
} as const;
const ITEM = { amira: id(1001), tyler: id(1002), dean: id(1003) };
const INVITE = { chair: id(2001), police: id(2002), school: id(2004) };
const PERSON = { chair: id(4000), jo: id(4001), sam: id(4002), tom: id(4003), inspector: id(4004) };

describe('a month of MACE', () => {
  it('goes from the records to redacted minutes and tracked actions', () => {
    // 1. Triage list from the records.
    const list = buildTriageList(
      {
        children: [
          {
            childId: CHILD.amira,
            name: 'Amira',
            levelOfConcern: [{ level: 'significant', recordedAt: at('2026-03-10T10:00:00Z') }],
            connections: [
              {
                id: id(501),
                kind: 'person_of_concern',
                label: 'Dean Marsh',
                firstRecordedAt: at('2026-03-18T12:00:00Z'),
              },
            ],
          },
          {
            childId: CHILD.tyler,
            name: 'Tyler',
            maceRiskAssessment: { latestAt: at('2026-03-30T15:00:00Z') },
          },
          { childId: CHILD.leah, name: 'Leah' },
        ],
        contexts: [
          {
            contextId: CONTEXT.dean,
            kind: 'person_of_concern',
            label: 'Dean Marsh',
            raisedBy: [{ agencyName: AGENCY.police.name, raisedAt: at('2026-03-20T10:00:00Z') }],
          },
        ],
      },
      at('2026-03-02T10:00:00Z'),
      at('2026-04-06T09:00:00Z'),
    );
    expect(list.children.map((c) => c.subject.kind === 'child' && c.subject.name)).toEqual([
      'Amira',
      'Tyler',
    ]);

    // 2. A decision, with reasons, for every item.
    const decidedBy = { name: 'Priya Shah' };
    const decisions = [
      {
        subject: { kind: 'child', childId: CHILD.amira },
        decision: 'discuss_at_mace',
        reasons: ['New link to a person of concern'],
      },
      {
        subject: { kind: 'child', childId: CHILD.tyler },
        decision: 'discuss_at_mace',
        reasons: ['First MACE risk assessment'],
      },
      {
        subject: { kind: 'context', contextId: CONTEXT.dean },
        decision: 'discuss_at_mace',
        reasons: ['Linked to Amira'],
      },
    ].map((d) => triageDecisionSchema.parse({ ...d, decidedBy, decidedAt: '2026-04-06T11:00:00+01:00' }));
    expect(undecidedItems(list, decisions)).toEqual([]);

    // 3. The statutory-plan rule for each child sent to MACE.
    const plans = { [CHILD.amira]: ['child_protection' as const], [CHILD.tyler]: [] };
    const tasks = childrenForMace(decisions).flatMap((childId) => {
      const task = statutoryPlanCheck({
        childId,
        name: childId === CHILD.tyler ? 'Tyler' : 'Amira',
        plans: plans[childId] ?? [],
      }).task;
      return task ? [task] : [];
    });
    expect(tasks.map((t) => [t.childId, t.title])).toEqual([
      [CHILD.tyler, 'Refer Tyler to Children’s Services now'],
    ]);

    // 4. The meeting: agenda, attendance, information shared, minutes, decisions, actions.
    const schema = meetingSchema(undefined, {
      restrictedFromRecord: [
        { itemId: ITEM.amira, text: POLICE_INTELLIGENCE, sensitivity: 'police_intelligence' },
      ],
    });
    const meeting = schema.parse({
      id: id(3002),
      type: 'mace',
      groupId: id(3000),
      startsAt: '2026-04-14T09:30:00+01:00',
      endsAt: '2026-04-14T12:00:00+01:00',
      chair: { name: 'Priya Shah', personId: PERSON.chair },
      agenda: [
        { id: ITEM.amira, kind: 'child', childId: CHILD.amira, heading: 'Amira', linkedContexts: [dean] },
        { id: ITEM.tyler, kind: 'child', childId: CHILD.tyler, heading: 'Tyler' },
        { id: ITEM.dean, kind: 'context', context: dean, heading: 'Person of concern' },
      ],
      invitations: [
        {
          id: INVITE.chair,
          person: { name: 'Priya Shah' },
          agencyId: AGENCY.csc.id,
          agencyType: 'childrens_social_care',
          agencyName: AGENCY.csc.name,
        },
        {
          id: INVITE.police,
          person: { name: 'DS Tom Reilly' },
          agencyId: AGENCY.police.id,
          agencyType: 'police',
          agencyName: AGENCY.police.name,
        },
        {
          id: INVITE.school,
          person: { name: 'Mark Ellis' },
          agencyId: AGENCY.school.id,
          agencyType: 'education',
          agencyName: AGENCY.school.name,
        },
      ],
      attendance: [
        { inviteeId: INVITE.chair, status: 'present' },
        { inviteeId: INVITE.police, status: 'present' },
        { inviteeId: INVITE.school, status: 'present' },
      ],
      informationShared: [
        {
          itemId: ITEM.dean,
          sharedBy: INVITE.police,
          summary:
            'Dean Marsh is believed to be moving children between Fernbridge and Eastgate in a hire car.',
          lawfulBasis: 'crime_and_disorder_act_1998_s115',
          sensitivity: 'police_intelligence',
        },
        {
          itemId: ITEM.amira,
          sharedBy: INVITE.school,
          summary: 'Amira’s attendance has fallen to 61% this term.',
          lawfulBasis: 'consent',
          consentGivenBy: 'Amira’s mother',
        },
      ],
      minutes: [
        {
          itemId: ITEM.amira,
          shareable:
            'Partners agreed a disruption plan led by police and a trusted adult at school each afternoon.',
          restricted: [
            {
              text: 'Police will seek a child abduction warning notice against Dean Marsh.',
              sensitivity: 'police_intelligence',
            },
          ],
        },
      ],
      decisions: [{ itemId: ITEM.amira, text: 'Amira stays on the MACE list next month.' }],
      actions: [
        {
          itemId: ITEM.amira,
          childId: CHILD.amira,
          title: 'Arrange a trusted adult to meet Amira at the end of each school day',
          owner: { name: 'Mark Ellis' },
          agencyId: AGENCY.school.id,
          dueDate: '2026-04-21',
        },
        {
          itemId: ITEM.dean,
          title: 'Serve a child abduction warning notice',
          owner: { name: 'DS Tom Reilly', personId: PERSON.tom },
          agencyId: AGENCY.police.id,
          dueDate: '2026-04-28',
          sensitivity: 'police_intelligence',
        },
      ],
    });

    // 5. The person of concern appears in two items, and the meeting shows it.
    expect(sharedContexts(meeting.agenda).map((s) => [s.label, s.items.map((i) => i.heading)])).toEqual([
      ['Dean Marsh', ['Amira', 'Person of concern']],
    ]);

    // 6. Minutes for each agency: the school's copy holds no police intelligence.
    const minutes = meetingPack(meeting, {
      packId: id(6000),
      kind: 'minutes',
      title: 'Fernbridge MACE, April 2026',
    });
    const school = packFor(
      {
        userId: id(7001),
        name: 'Mark Ellis',
        agencyId: AGENCY.school.id,
        agencyName: AGENCY.school.name,
        agencyType: 'education',
        roles: ['practitioner'],
      },
      minutes,
    );
    const police = packFor(
      {
        userId: id(7002),
        name: 'DS Tom Reilly',
        agencyId: AGENCY.police.id,
        agencyName: AGENCY.police.name,
        agencyType: 'police',
        roles: ['practitioner'],
      },
      minutes,
    );
    const schoolText = renderPackText(school);
    const policeText = renderPackText(police);
    const restricted = [
      POLICE_INTELLIGENCE,
      'Dean Marsh is believed to be moving children between Fernbridge and Eastgate in a hire car.',
      'Police will seek a child abduction warning notice against Dean Marsh.',
      'Serve a child abduction warning notice',
    ];
    expect(findRestrictedQuotes(schoolText, restricted)).toEqual([]);
    expect(schoolText).not.toContain('Dean Marsh');
    expect(schoolText).toContain('Partners agreed a disruption plan led by police');
    expect(schoolText).toContain(
      'Shared by Mark Ellis, Fernbridge Academy; lawful basis: Consent (consent given by Amira’s mother)',
    );
    expect(schoolText).toContain(
      '- Arrange a trusted adult to meet Amira at the end of each school day. Owner: Mark Ellis, Fernbridge Academy. Due 21 Apr 2026. Not started.',
    );
    expect(policeText).toContain('Police will seek a child abduction warning notice against Dean Marsh.');
    expect(policeText).toContain(
      'Shared by DS Tom Reilly, Fernbridge Police; lawful basis: Crime and Disorder Act 1998, section 115',
    );
    expect(policeText).toContain('- Person of concern "Dean Marsh": items 1, 3');
    expect(recordSending(school, at('2026-04-15T09:00:00Z'), PERSON.chair).includedIds).not.toContain(
      `${ITEM.dean}/information/0`,
    );

    // 7. A month later: the police action is overdue, escalated, then carried over and counted.
    const tracked: TrackedAction[] = meeting.actions.map((a, i) => ({
      id: a.id ?? id(8000 + i),
      title: a.title,
      ownerId: a.owner.personId ?? null,
      ownerName: a.owner.name,
      agencyId: a.agencyId,
      meetingId: meeting.id ?? '',
      dueDate: a.dueDate,
      status: i === 0 ? 'done' : a.status,
      carriedOver: a.carriedOver,
    }));
    const may = at('2026-05-12T08:30:00Z');
    expect(overdue(tracked, may).map((o) => [o.action.title, o.daysOverdue])).toEqual([
      ['Serve a child abduction warning notice', 14],
    ]);
    const people = {
      people: [
        { id: PERSON.chair, name: 'Priya Shah' },
        { id: PERSON.tom, name: 'DS Tom Reilly', managerId: PERSON.inspector },
        { id: PERSON.inspector, name: 'DI Ruth Hale' },
      ],
      meetings: [{ id: id(3002), chairId: PERSON.chair }],
    };
    expect(escalations(tracked, may, people)[0]?.recipients.map((r) => r.name)).toEqual([
      'Priya Shah',
      'DI Ruth Hale',
    ]);
    const carried = carryOver(
      tracked[1] as TrackedAction,
      { id: id(3002), startsAt: meeting.startsAt },
      { id: id(3003), startsAt: may },
    );
    expect(carried.ok && [carried.value.carriedOver, carried.value.meetingId]).toEqual([1, id(3003)]);
  });
});
