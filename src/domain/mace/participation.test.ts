import { describe, expect, it } from 'vitest';
import { MEETINGS_CONFIG } from './config.ts';
import { at, CHILD, id } from './fixtures.ts';
import {
  outcomeReminders,
  PARTICIPATION,
  type ParticipationInput,
  participationInputSchema,
  participationRecordSchema,
  statutoryPlanCheck,
} from './participation.ts';

const MEETING = id(3100);
const base: ParticipationInput = {
  meetingId: MEETING,
  childId: CHILD.amira,
  participant: { kind: 'young_person' },
  participation: 'attended_all',
};
const told = {
  by: { name: 'Jo Bennett', role: 'Social worker' },
  at: '2026-04-15T16:00:00+01:00',
  how: 'in_person',
};

function refusals(input: unknown, schema = participationInputSchema): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('participation in their own strategy meeting', () => {
  it('records each way a young person or family member takes part', () => {
    const records: ParticipationInput[] = [
      { ...base, viewsShared: { how: 'in_person' }, toldOutcome: told },
      {
        ...base,
        participation: 'attended_part',
        partAttended: 'The part where the plan of support and protection was discussed and decided',
        viewsShared: { how: 'in_person', summary: 'Wants to keep going to football on Saturdays.' },
      },
      {
        ...base,
        participation: 'represented',
        representedBy: {
          name: 'Dee Marshall',
          relationshipOrRole: 'Advocate, Safe Steps',
          chosenBy: 'young_person',
        },
        viewsShared: { how: 'through_representative' },
        toldOutcome: { ...told, how: 'through_their_representative' },
      },
      {
        ...base,
        participant: { kind: 'family_member', name: 'Layla Hassan', relationship: 'Mother' },
        participation: 'invited_did_not_attend',
        toldOutcome: { ...told, how: 'phone_or_video' },
      },
      {
        ...base,
        participation: 'not_invited',
        notInvited: {
          reason: 'urgent_discussion',
          explanation: 'Strategy discussion held by phone within two hours of the police report.',
        },
        viewsShared: { how: 'through_worker', summary: 'Told her worker she is scared to go home.' },
      },
    ];
    for (const r of records) expect(refusals(r)).toEqual([]);
    expect(records.map((r) => r.participation)).toEqual(PARTICIPATION);
  });

  it('needs which part they took part in', () => {
    expect(refusals({ ...base, participation: 'attended_part' })).toEqual([
      'partAttended: partAttended is required when they took part in part of the meeting: say which part, for ' +
        'example the part where the plan of support and protection was discussed and decided (seed 003 Rec 23)',
    ]);
  });

  it('needs the person they chose when represented, and records a representative only then', () => {
    expect(refusals({ ...base, participation: 'represented' })).toEqual([
      'representedBy: representedBy is required when they were represented: record the person they chose to speak ' +
        'for them, and their relationship or role (seed 003 Rec 23)',
    ]);
    expect(
      refusals({
        ...base,
        representedBy: { name: 'Dee', relationshipOrRole: 'Advocate', chosenBy: 'young_person' },
      }),
    ).toEqual(['representedBy: representedBy is recorded only when the participation is "represented"']);
    expect(
      refusals({
        ...base,
        participation: 'represented',
        representedBy: { name: 'Dee', relationshipOrRole: 'Advocate' },
      }),
    ).toEqual([
      'representedBy.chosenBy: representedBy.chosenBy is required: record whether the young person or the family chose them',
    ]);
  });

  it('needs a reason from the list, and an explanation, when they were not invited', () => {
    expect(refusals({ ...base, participation: 'not_invited' })).toEqual([
      'notInvited.reason: notInvited.reason is required when they were not invited: the young person and family ' +
        'take part in their own strategy meetings unless there is a recorded reason (seed 003 Rec 23)',
    ]);
    expect(
      refusals({
        ...base,
        participation: 'not_invited',
        notInvited: { reason: 'too_busy', explanation: 'x' },
      })[0],
    ).toMatch(
      /^notInvited\.reason: notInvited\.reason "too_busy" is not one of the partnership's reasons \(information_could_reach/,
    );
    expect(refusals({ ...base, participation: 'not_invited', notInvited: { reason: 'other' } })).toEqual([
      'notInvited.explanation: notInvited.explanation is required: say why, in words that could be shared with them later',
    ]);
    expect(refusals({ ...base, notInvited: { reason: 'other', explanation: 'x' } })).toEqual([
      'notInvited: notInvited is recorded only when the participation is "not_invited"',
    ]);
  });

  it('refuses a missing or unknown participation', () => {
    const { participation: _p, ...rest } = base;
    expect(refusals(rest)[0]).toMatch(
      /^participation: participation is required: record whether they took part/,
    );
    expect(refusals({ ...base, participation: 'absent' })[0]).toMatch(
      /^participation: participation must be one of /,
    );
  });

  it('records who told them the outcome, when and how, after the meeting', () => {
    const schema = participationRecordSchema(MEETINGS_CONFIG, {
      type: 'strategy',
      startsAt: at('2026-04-15T09:00:00Z'),
    });
    expect(refusals({ ...base, toldOutcome: told }, schema)).toEqual([]);
    expect(refusals({ ...base, toldOutcome: { ...told, at: '2026-04-15T09:30:00+01:00' } }, schema)).toEqual([
      'toldOutcome.at: toldOutcome.at (Wed, 15 Apr 2026, 09:30 BST) is before the meeting started (Wed, 15 Apr ' +
        '2026, 10:00 BST): they are told the outcome after the meeting',
    ]);
    expect(refusals({ ...base, toldOutcome: { ...told, how: 'carrier_pigeon' } })).toEqual([
      'toldOutcome.how: toldOutcome.how "carrier_pigeon" is not one of the configured ways (in_person, ' +
        'phone_or_video, letter, message, through_their_representative)',
    ]);
    expect(refusals({ ...base, toldOutcome: { how: 'letter', at: '2026-04-16T10:00:00Z' } })[0]).toMatch(
      /^toldOutcome\.by: /,
    );
  });

  it('is recorded for their own meetings, not for MACE', () => {
    const schema = participationRecordSchema(MEETINGS_CONFIG, {
      type: 'mace',
      startsAt: at('2026-04-15T09:00:00Z'),
    });
    expect(refusals(base, schema)).toEqual([
      "meetingId: Participation is recorded for the young person's own meetings (strategy and review), not for the MACE meeting",
    ]);
    const review = participationRecordSchema(MEETINGS_CONFIG, {
      type: 'review',
      startsAt: at('2026-04-15T09:00:00Z'),
    });
    expect(refusals(base, review)).toEqual([]);
  });
});

describe('outcomeReminders', () => {
  const meeting = { startsAt: at('2026-04-15T09:00:00Z'), typeLabel: 'Strategy discussion or meeting' };
  const records = [
    participationInputSchema.parse({ ...base, toldOutcome: told }),
    participationInputSchema.parse({
      ...base,
      participant: { kind: 'family_member', name: 'Layla Hassan', relationship: 'Mother' },
      participation: 'invited_did_not_attend',
    }),
    participationInputSchema.parse({
      ...base,
      participant: { kind: 'family_member', name: 'Omar Hassan', relationship: 'Brother' },
      participation: 'not_invited',
      notInvited: {
        reason: 'family_member_not_safe_to_attend',
        explanation: 'Linked to the person of concern.',
      },
    }),
  ];

  it('reminds the worker to tell everyone not yet told, once the configured days have passed', () => {
    expect(outcomeReminders(records, meeting, at('2026-04-19T09:00:00Z'))).toEqual([]);
    const due = outcomeReminders(records, meeting, at('2026-04-20T09:00:00Z'));
    expect(due.map((r) => r.message)).toEqual([
      'Tell Layla Hassan (Mother) the outcome of the strategy discussion or meeting held on 15 Apr 2026: nobody ' +
        'has recorded telling them, 5 days on. Record who told them, when and how.',
      'Tell Omar Hassan (Brother) the outcome of the strategy discussion or meeting held on 15 Apr 2026: nobody ' +
        'has recorded telling them, 5 days on. Record who told them, when and how.',
    ]);
  });

  it('reminds about the young person too', () => {
    const young = [participationInputSchema.parse(base)];
    expect(outcomeReminders(young, meeting, at('2026-04-25T09:00:00Z'))[0]?.message).toMatch(
      /^Tell the young person the outcome/,
    );
  });
});

describe('the statutory-plan rule', () => {
  const addedToMaceAt = at('2026-04-06T10:30:00Z');

  it('raises an immediate referral task for a child added to MACE with no statutory plan, citing seed 004', () => {
    const check = statutoryPlanCheck({ childId: CHILD.tyler, name: 'Tyler', plans: [], addedToMaceAt });
    expect(check.onQualifyingPlan).toBe(false);
    expect(check.task).toEqual({
      kind: 'immediate_referral_to_childrens_services',
      childId: CHILD.tyler,
      priority: 'immediate',
      dueAt: addedToMaceAt,
      assignTo: 'mace_coordinator',
      title: 'Refer Tyler to Children’s Services now',
      description:
        'Tyler has been added to MACE because of concerns about exploitation. Tyler is not on a statutory plan ' +
        '(Child in Need plan (Children Act 1989, section 17), Child Protection plan or Looked After). Every child ' +
        'on the MACE agenda is referred to Children’s Services, so make the referral now: do not wait for the MACE ' +
        'meeting or for the child to tell anyone what is happening. The MACE risk assessment runs alongside the ' +
        'child’s statutory plan; it does not replace it.',
      source: MEETINGS_CONFIG.statutoryPlans.source,
    });
    expect(check.task?.source).toMatch(
      /^Seed 004, "Multi agency management oversight through the MACE meeting/,
    );
    expect(check.task?.source).toContain("an immediate referral to Children's Services should be made");
  });

  it('raises no task for a child on a Child in Need, Child Protection or Looked After plan', () => {
    for (const plan of ['child_in_need', 'child_protection', 'looked_after'] as const) {
      expect(statutoryPlanCheck({ childId: CHILD.amira, name: 'Amira', plans: [plan] })).toEqual({
        onQualifyingPlan: true,
        runsAlongside: [plan],
        task: null,
      });
    }
    expect(
      statutoryPlanCheck({ childId: CHILD.amira, name: 'Amira', plans: ['early_help', 'looked_after'] })
        .runsAlongside,
    ).toEqual(['looked_after']);
  });

  it('treats an Early Help plan on its own as no referral to Children’s Services, unless the partnership counts it', () => {
    const check = statutoryPlanCheck({ childId: CHILD.zoe, name: 'Zoe', plans: ['early_help'] });
    expect(check.task?.description).toContain(
      'Zoe’s current plan (Early Help plan) is not one of the plans MACE runs alongside',
    );
    expect(check.task?.dueAt).toBeNull();
    const config = structuredClone(MEETINGS_CONFIG);
    config.statutoryPlans.qualifying = ['early_help', 'child_in_need', 'child_protection', 'looked_after'];
    expect(
      statutoryPlanCheck({ childId: CHILD.zoe, name: 'Zoe', plans: ['early_help'] }, config).task,
    ).toBeNull();
  });
});
