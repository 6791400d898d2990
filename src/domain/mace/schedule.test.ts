import { describe, expect, it } from 'vitest';
import { MEETINGS_CONFIG } from './config.ts';
import { at, id } from './fixtures.ts';
import {
  chairCheck,
  quorumCheck,
  rescheduleConflict,
  type ScheduledMeeting,
  slotConflict,
} from './schedule.ts';

const GROUP = id(3000);
const OTHER_GROUP = id(3001);
const NOW = at('2026-04-01T09:00:00Z');

const meeting = (
  n: number,
  startsAt: string,
  endsAt: string,
  extra: Partial<ScheduledMeeting> = {},
): ScheduledMeeting => ({
  id: id(n),
  type: 'mace',
  groupId: GROUP,
  startsAt: at(startsAt),
  endsAt: at(endsAt),
  ...extra,
});

const march = meeting(1, '2026-03-10T09:30:00Z', '2026-03-10T12:00:00Z');
const april = meeting(2, '2026-04-14T08:30:00Z', '2026-04-14T11:00:00Z');
const may = meeting(3, '2026-05-12T08:30:00Z', '2026-05-12T11:00:00Z');
const mayTriage = meeting(4, '2026-05-05T08:30:00Z', '2026-05-05T10:00:00Z', { type: 'mace_triage' });
const all = [march, april, may, mayTriage];

describe('rescheduleConflict', () => {
  it('allows a move to a free slot, keeping the meeting’s length', () => {
    expect(rescheduleConflict(all, april, at('2026-04-21T08:30:00Z'), NOW)).toBeNull();
    expect(
      rescheduleConflict(
        all,
        april,
        { startsAt: at('2026-04-21T08:30:00Z'), endsAt: at('2026-04-21T10:00:00Z') },
        NOW,
      ),
    ).toBeNull();
  });

  it('refuses to re-schedule a meeting whose time has passed', () => {
    expect(rescheduleConflict(all, march, at('2026-04-20T09:00:00Z'), NOW)).toEqual({
      code: 'meeting_in_past',
      field: 'startsAt',
      message:
        "This meeting's time has passed (Tue, 10 Mar 2026, 09:30 GMT), so it cannot be re-scheduled: record who " +
        'attended and what was decided, or schedule a new meeting',
    });
  });

  it('refuses a past meeting moved over an existing one, for the past first', () => {
    expect(rescheduleConflict(all, march, at('2026-04-14T09:00:00Z'), NOW)?.code).toBe('meeting_in_past');
  });

  it('refuses a meeting that starts now, and a new time in the past', () => {
    const starting = meeting(9, '2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z');
    expect(rescheduleConflict([starting], starting, at('2026-04-08T09:00:00Z'), NOW)?.code).toBe(
      'meeting_in_past',
    );
    expect(rescheduleConflict(all, april, at('2026-03-31T09:00:00Z'), NOW)).toEqual({
      code: 'new_time_in_past',
      field: 'startsAt',
      message: 'The new time (Tue, 31 Mar 2026, 10:00 BST) has already passed: choose a time in the future',
    });
  });

  it('refuses a slot taken by another meeting of the same type and group', () => {
    expect(rescheduleConflict(all, april, at('2026-05-12T10:00:00Z'), NOW)).toEqual({
      code: 'slot_taken',
      field: 'startsAt',
      message:
        'Another meeting of the same kind for this group is already booked from Tue, 12 May 2026, 09:30 BST to ' +
        'Tue, 12 May 2026, 12:00 BST: choose a time that does not overlap it',
    });
  });

  it('allows back-to-back meetings, another type in the slot, another group, and a cancelled meeting’s slot', () => {
    expect(rescheduleConflict(all, april, at('2026-05-12T06:00:00Z'), NOW)).toBeNull(); // ends 08:30, as May starts
    expect(rescheduleConflict(all, april, at('2026-05-05T08:30:00Z'), NOW)).toBeNull(); // the triage's slot
    const elsewhere = { ...april, groupId: OTHER_GROUP };
    expect(rescheduleConflict(all, elsewhere, at('2026-05-12T08:30:00Z'), NOW)).toBeNull();
    const cancelled = [march, april, { ...may, cancelled: true }];
    expect(rescheduleConflict(cancelled, april, at('2026-05-12T08:30:00Z'), NOW)).toBeNull();
  });

  it('refuses moving a cancelled meeting, an end before the start and an invalid time', () => {
    expect(
      rescheduleConflict(all, { ...april, cancelled: true }, at('2026-04-21T08:30:00Z'), NOW)?.code,
    ).toBe('meeting_cancelled');
    expect(
      rescheduleConflict(
        all,
        april,
        { startsAt: at('2026-04-21T10:00:00Z'), endsAt: at('2026-04-21T10:00:00Z') },
        NOW,
      )?.code,
    ).toBe('ends_before_start');
    expect(rescheduleConflict(all, april, new Date('not a date'), NOW)?.code).toBe('invalid_time');
  });
});

describe('slotConflict', () => {
  it('finds an overlapping meeting of the same type and group, never the meeting itself', () => {
    expect(slotConflict(all, april)).toBeNull();
    expect(slotConflict(all, { ...april, id: id(99) })).toBe(april);
  });
});

describe('quorumCheck', () => {
  const invitations = [
    { id: 'a', agencyType: 'childrens_social_care' as const },
    { id: 'b', agencyType: 'police' as const },
    { id: 'c', agencyType: 'health' as const },
    { id: 'd', agencyType: 'education' as const },
  ];

  it('is quorate when every quorum agency is present or sends a deputy', () => {
    const result = quorumCheck('mace', {
      invitations,
      attendance: [
        { inviteeId: 'a', status: 'present' },
        { inviteeId: 'b', status: 'present' },
        { inviteeId: 'c', status: 'deputy' },
        { inviteeId: 'd', status: 'present' },
      ],
    });
    expect(result).toMatchObject({ quorate: true, missing: [] });
    expect(result.message).toBe("Quorate: children's social care, police, health and education represented.");
  });

  it('is not quorate when a quorum agency sent apologies or did not reply', () => {
    const result = quorumCheck('mace', {
      invitations,
      attendance: [
        { inviteeId: 'a', status: 'present' },
        { inviteeId: 'b', status: 'present' },
        { inviteeId: 'c', status: 'apologies' },
      ],
    });
    expect(result.quorate).toBe(false);
    expect(result.missing).toEqual(['health', 'education']);
    expect(result.message).toMatch(/health and education are not represented/);
  });

  it('uses each meeting type’s own quorum', () => {
    expect(
      quorumCheck(
        'review',
        { invitations, attendance: [{ inviteeId: 'a', status: 'present' }] },
        MEETINGS_CONFIG,
      ).quorate,
    ).toBe(true);
  });
});

describe('chairCheck', () => {
  it('follows the terms of reference', () => {
    expect(chairCheck('mace', { roles: ['mace_chair'], agencyType: 'police' })).toBeNull();
    expect(
      chairCheck(
        'mace',
        { roles: ['mace_chair'], agencyType: 'childrens_social_care' },
        MEETINGS_CONFIG,
        'viceChair',
      ),
    ).toBeNull();
    expect(chairCheck('strategy', { roles: ['manager'], agencyType: 'childrens_social_care' })).toBeNull();
    const refusal = chairCheck('mace', { roles: ['practitioner'], agencyType: 'education' });
    expect(refusal?.code).toBe('chair_not_eligible');
    expect(refusal?.message).toMatch(
      /^The terms of reference say the MACE meeting is chaired by mace chair in children's social care or police \(Seed 003 Rec 16/,
    );
  });
});
