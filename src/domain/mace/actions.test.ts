import { describe, expect, it } from 'vitest';
import {
  carryOver,
  type EscalationPeople,
  escalations,
  escalationsByRecipient,
  filterActions,
  markDone,
  overdue,
  type TrackedAction,
  trackerSummary,
} from './actions.ts';
import { MEETINGS_CONFIG } from './config.ts';
import { AGENCY, at, CHILD, id } from './fixtures.ts';

const MEETING = { march: id(3001), april: id(3002), strategy: id(3003) };
const PERSON = {
  chair: id(4000), // Priya Shah, MACE chair
  jo: id(4001), // social worker
  sam: id(4002), // Jo's team manager
  tom: id(4003), // police officer
  inspector: id(4004), // Tom's manager
  mark: id(4005), // school, no manager recorded
  strategyChair: id(4006),
};

const PEOPLE: EscalationPeople = {
  people: [
    { id: PERSON.chair, name: 'Priya Shah' },
    { id: PERSON.jo, name: 'Jo Bennett', managerId: PERSON.sam },
    { id: PERSON.sam, name: 'Sam Okafor' },
    { id: PERSON.tom, name: 'DS Tom Reilly', managerId: PERSON.inspector },
    { id: PERSON.inspector, name: 'DI Ruth Hale' },
    { id: PERSON.mark, name: 'Mark Ellis', managerId: null },
    { id: PERSON.strategyChair, name: 'Sam Okafor (chair)' },
  ],
  meetings: [
    { id: MEETING.march, chairId: PERSON.chair },
    { id: MEETING.april, chairId: PERSON.chair },
    { id: MEETING.strategy, chairId: PERSON.sam },
  ],
};

const action = (n: number, extra: Partial<TrackedAction>): TrackedAction => ({
  id: id(n),
  title: `Action ${n}`,
  ownerId: PERSON.jo,
  ownerName: 'Jo Bennett',
  agencyId: AGENCY.csc.id,
  agencyName: AGENCY.csc.name,
  childId: CHILD.amira,
  meetingId: MEETING.march,
  dueDate: '2026-04-30',
  status: 'open',
  carriedOver: 0,
  ...extra,
});

const NOW = at('2026-04-06T09:00:00Z'); // 6 April, London

const ACTIONS: TrackedAction[] = [
  action(1, { title: 'Review the safety plan', dueDate: '2026-04-05' }), // 1 day overdue
  action(2, {
    title: 'Apply for a child abduction warning notice',
    ownerId: PERSON.tom,
    ownerName: 'DS Tom Reilly',
    agencyId: AGENCY.police.id,
    agencyName: AGENCY.police.name,
    dueDate: '2026-03-20',
    carriedOver: 2,
    childId: CHILD.kai,
  }),
  action(3, {
    title: 'Share the timetable',
    ownerId: PERSON.mark,
    ownerName: 'Mark Ellis',
    agencyId: AGENCY.school.id,
    agencyName: AGENCY.school.name,
    dueDate: '2026-03-31',
    status: 'in_progress',
  }),
  action(4, { title: 'Done already', dueDate: '2026-03-01', status: 'done' }),
  action(5, { title: 'Not needed', dueDate: '2026-03-01', status: 'cancelled' }),
  action(6, { title: 'Due today', dueDate: '2026-04-06' }),
  action(7, {
    title: 'Refer to the youth service',
    ownerId: null,
    ownerName: 'Kim Lowe',
    agencyId: AGENCY.vol.id,
    agencyName: undefined,
    dueDate: '2026-04-01',
    meetingId: MEETING.strategy,
  }),
];

describe('overdue', () => {
  it('lists open actions past their due date, longest overdue first; due today is not overdue', () => {
    expect(overdue(ACTIONS, NOW).map((o) => [o.action.title, o.daysOverdue])).toEqual([
      ['Apply for a child abduction warning notice', 17],
      ['Share the timetable', 6],
      ['Refer to the youth service', 5],
      ['Review the safety plan', 1],
    ]);
  });

  it('uses the London day: just after midnight BST an action due the day before is overdue', () => {
    expect(overdue([action(1, { dueDate: '2026-04-05' })], at('2026-04-05T22:59:00Z')).length).toBe(0);
    expect(overdue([action(1, { dueDate: '2026-04-05' })], at('2026-04-05T23:00:00Z')).length).toBe(1);
  });
});

describe('escalations', () => {
  const list = escalations(ACTIONS, NOW, PEOPLE);
  const byAction = new Map(list.map((e) => [e.actionId, e]));

  it('tells the meeting chair and the owner’s manager about each overdue action', () => {
    expect(list.map((e) => e.actionId)).toEqual([id(2), id(3), id(7), id(1)]);
    expect(byAction.get(id(1))?.recipients).toEqual([
      { personId: PERSON.chair, name: 'Priya Shah', as: ['meeting_chair'] },
      { personId: PERSON.sam, name: 'Sam Okafor', as: ['owner_manager'] },
    ]);
    expect(byAction.get(id(2))?.recipients).toEqual([
      { personId: PERSON.chair, name: 'Priya Shah', as: ['meeting_chair'] },
      { personId: PERSON.inspector, name: 'DI Ruth Hale', as: ['owner_manager'] },
    ]);
  });

  it('says what is overdue, by how long, and how often it was carried over', () => {
    expect(byAction.get(id(2))?.message).toBe(
      '"Apply for a child abduction warning notice" (owner DS Tom Reilly, Fernbridge Police) was due on ' +
        '20 Mar 2026 and is 17 days overdue; carried over 2 times.',
    );
    expect(byAction.get(id(1))?.message).toBe(
      '"Review the safety plan" (owner Jo Bennett, Fernbridge Children’s Services) was due on 5 Apr 2026 and is 1 day overdue.',
    );
  });

  it('tells one person once when they are both the chair and the owner’s manager', () => {
    expect(byAction.get(id(7))?.recipients).toEqual([
      { personId: PERSON.sam, name: 'Sam Okafor', as: ['meeting_chair'] },
    ]);
    const both = escalations(
      [action(8, { meetingId: MEETING.strategy, dueDate: '2026-04-01' })],
      NOW,
      PEOPLE,
    );
    expect(both[0]?.recipients).toEqual([
      { personId: PERSON.sam, name: 'Sam Okafor', as: ['meeting_chair', 'owner_manager'] },
    ]);
  });

  it('names the gap when the owner has no manager recorded, no account, or the meeting no chair', () => {
    expect(byAction.get(id(3))?.gaps).toEqual([
      'No manager is recorded for Mark Ellis: record who manages them so overdue actions reach them.',
    ]);
    expect(byAction.get(id(7))?.gaps).toEqual([
      'Kim Lowe has no account in Lantern, so their manager cannot be found: the chair follows this up.',
    ]);
    const noChair = escalations([action(9, { meetingId: id(3999), dueDate: '2026-04-01' })], NOW, PEOPLE);
    expect(noChair[0]?.gaps).toEqual(['No chair is recorded for the meeting tracking this action.']);
  });

  it('waits the configured number of days, and tells only whom the configuration names', () => {
    const config = structuredClone(MEETINGS_CONFIG);
    config.actions.escalateWhenOverdueByDays = 7;
    expect(escalations(ACTIONS, NOW, PEOPLE, config).map((e) => e.actionId)).toEqual([id(2)]);
    config.actions.escalateWhenOverdueByDays = 1;
    config.actions.notify = ['meeting_chair'];
    expect(escalations(ACTIONS, NOW, PEOPLE, config)[0]?.recipients.map((r) => r.name)).toEqual([
      'Priya Shah',
    ]);
  });

  it('groups the escalations by the person told', () => {
    const grouped = escalationsByRecipient(list);
    expect(grouped.map((g) => [g.name, g.escalations.map((e) => e.actionId)])).toEqual([
      ['Priya Shah', [id(2), id(3), id(1)]],
      ['DI Ruth Hale', [id(2)]],
      ['Sam Okafor', [id(7), id(1)]],
    ]);
  });
});

describe('carryOver', () => {
  const march = { id: MEETING.march, startsAt: at('2026-03-10T09:30:00Z') };
  const april = { id: MEETING.april, startsAt: at('2026-04-14T08:30:00Z') };
  const may = { id: id(3010), startsAt: at('2026-05-12T08:30:00Z') };

  it('counts each carry-over and keeps the date it was first due', () => {
    const first = carryOver(action(1, { dueDate: '2026-04-05' }), march, april, { newDueDate: '2026-04-28' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value).toMatchObject({
      meetingId: MEETING.april,
      dueDate: '2026-04-28',
      originalDueDate: '2026-04-05',
      carriedOver: 1,
      carryOvers: [{ fromMeetingId: MEETING.march, toMeetingId: MEETING.april }],
    });
    const second = carryOver(first.value, april, may);
    expect(second.ok && second.value).toMatchObject({
      meetingId: may.id,
      dueDate: '2026-04-28',
      originalDueDate: '2026-04-05',
      carriedOver: 2,
      carryOvers: [
        { fromMeetingId: MEETING.march, toMeetingId: MEETING.april },
        { fromMeetingId: MEETING.april, toMeetingId: may.id },
      ],
    });
  });

  it('refuses an action that is done or cancelled, from a meeting that does not hold it, or to an earlier meeting', () => {
    expect(carryOver(action(4, { status: 'done' }), march, april)).toEqual({
      ok: false,
      refusal: {
        code: 'not_open',
        field: 'status',
        message: 'This action is done: only an open action is carried over',
      },
    });
    expect(carryOver(action(1, {}), april, may)).toMatchObject({
      ok: false,
      refusal: { code: 'not_tracked_by_meeting' },
    });
    expect(carryOver(action(1, {}), march, march)).toMatchObject({
      ok: false,
      refusal: { code: 'not_later' },
    });
    expect(carryOver(action(1, {}), march, april, { newDueDate: '30/04/2026' })).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_due_date' },
    });
  });

  it('shows carried-over actions in the tracker', () => {
    const carried = carryOver(action(1, {}), march, april);
    const actions = [...ACTIONS.filter((a) => a.id !== id(1)), ...(carried.ok ? [carried.value] : [])];
    expect(filterActions(actions, { carriedOver: true }).map((a) => a.id)).toEqual([id(2), id(1)]);
    const csc = trackerSummary(actions, NOW).find((s) => s.agencyId === AGENCY.csc.id);
    expect(csc).toMatchObject({ carriedOver: 1, carryOvers: 1 });
  });
});

describe('markDone', () => {
  const recordedBy = { name: 'Jo Bennett' };

  it('needs evidence of completion', () => {
    expect(markDone(action(1, {}), { evidence: '  ', completedOn: '2026-04-06', recordedBy })).toEqual({
      ok: false,
      refusal: {
        code: 'evidence_required',
        field: 'completion.evidence',
        message:
          'completion.evidence is required to mark an action done: record what was done and where the evidence is',
      },
    });
    const done = markDone(action(1, {}), {
      evidence: ' Plan reviewed with Amira and her mother; on file ',
      completedOn: '2026-04-06',
      recordedBy,
    });
    expect(done.ok && done.value).toMatchObject({
      status: 'done',
      completion: { evidence: 'Plan reviewed with Amira and her mother; on file' },
    });
  });

  it('refuses an action already closed, or a completion date that is not a date', () => {
    expect(
      markDone(action(4, { status: 'done' }), { evidence: 'x', completedOn: '2026-04-06', recordedBy }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'not_open' },
    });
    expect(markDone(action(1, {}), { evidence: 'x', completedOn: 'yesterday', recordedBy })).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_date' },
    });
  });
});

describe('one tracker across all meetings', () => {
  it('filters by agency, owner, child, status and overdue', () => {
    expect(filterActions(ACTIONS, { agencyId: AGENCY.police.id }).map((a) => a.id)).toEqual([id(2)]);
    expect(filterActions(ACTIONS, { ownerId: PERSON.jo }).map((a) => a.id)).toEqual([
      id(1),
      id(4),
      id(5),
      id(6),
    ]);
    expect(filterActions(ACTIONS, { childId: CHILD.kai }).map((a) => a.id)).toEqual([id(2)]);
    expect(filterActions(ACTIONS, { statuses: ['done', 'cancelled'] }).map((a) => a.id)).toEqual([
      id(4),
      id(5),
    ]);
    expect(filterActions(ACTIONS, { overdueAt: NOW }).map((a) => a.id)).toEqual([id(1), id(2), id(3), id(7)]);
    expect(filterActions(ACTIONS, { ownerId: PERSON.jo, overdueAt: NOW }).map((a) => a.id)).toEqual([id(1)]);
    expect(filterActions(ACTIONS, {})).toHaveLength(ACTIONS.length);
  });

  it('summarises open, overdue, done and carried-over actions per agency, most overdue first, then by name', () => {
    expect(trackerSummary(ACTIONS, NOW)).toEqual([
      {
        agencyId: AGENCY.school.id,
        agencyName: AGENCY.school.name,
        open: 1,
        overdue: 1,
        done: 0,
        carriedOver: 0,
        carryOvers: 0,
      },
      {
        agencyId: AGENCY.csc.id,
        agencyName: AGENCY.csc.name,
        open: 2,
        overdue: 1,
        done: 1,
        carriedOver: 0,
        carryOvers: 0,
      },
      {
        agencyId: AGENCY.police.id,
        agencyName: AGENCY.police.name,
        open: 1,
        overdue: 1,
        done: 0,
        carriedOver: 1,
        carryOvers: 2,
      },
      // An agency without a name is listed last, by its id.
      { agencyId: AGENCY.vol.id, open: 1, overdue: 1, done: 0, carriedOver: 0, carryOvers: 0 },
    ]);
  });
});
