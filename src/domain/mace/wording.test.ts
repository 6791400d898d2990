/**
 * Everything this module says to people, checked with the partnership's victim-blaming language checker:
 * configured labels and purposes, names, refusals, triage reasons, escalations, reminders, the referral
 * task and the pack's own words. Children are victims (PRODUCT.md §3). Kept in one file so that the
 * checker's own changes surface here, beside the words they judge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkText } from '../language/index.ts';
import { escalations } from './actions.ts';
import { MEETING_TYPES, MEETINGS_CONFIG, TRIAGE_DECISION_NAMES } from './config.ts';
import { TRIAGE_RULE_NAMES } from './docs.ts';
import { at, CHILD, id } from './fixtures.ts';
import { ACTION_STATUS_NAMES, ATTENDANCE_STATUS_NAMES, actionSchema, meetingInputSchema } from './meeting.ts';
import {
  outcomeReminders,
  PARTICIPATION_NAMES,
  participationRecordSchema,
  statutoryPlanCheck,
  VIEWS_SHARED_NAMES,
} from './participation.ts';
import { renderPackText } from './redaction.ts';
import { quorumCheck, rescheduleConflict } from './schedule.ts';
import { QUOTE_KIND_NAMES } from './shareable-check.ts';
import { buildTriageList, triageDecisionSchema } from './triage.ts';

function expectNoFindings(texts: readonly string[]) {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts.filter((t) => t.trim())) {
    expect({ text, findings: checkText(text).findings.map((f) => f.ruleId) }).toEqual({ text, findings: [] });
  }
}

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('wording never blames the child', () => {
  it('in the configuration', () => {
    const c = MEETINGS_CONFIG;
    expectNoFindings([
      ...MEETING_TYPES.flatMap((type) => {
        const t = c.meetingTypes[type];
        return [
          t.label,
          t.description,
          ...t.termsOfReference.purpose.map((p) => p.text),
          ...t.termsOfReference.outputs.map((o) => o.text),
          t.termsOfReference.informationSharing.text,
        ];
      }),
      ...c.triage.levelsOfConcern.map((l) => l.label),
      ...c.lawfulBases.flatMap((b) => [b.label, b.description]),
      ...c.participation.notInvitedReasons.map((r) => r.label),
      ...c.participation.toldOutcomeHow.map((h) => h.label),
      ...Object.values(c.statutoryPlans.names),
    ]);
  });

  it('in the names of statuses, decisions, rules and answers', () => {
    expectNoFindings([
      ...Object.values(TRIAGE_DECISION_NAMES),
      ...Object.values(TRIAGE_RULE_NAMES),
      ...Object.values(PARTICIPATION_NAMES),
      ...Object.values(VIEWS_SHARED_NAMES),
      ...Object.values(ATTENDANCE_STATUS_NAMES),
      ...Object.values(ACTION_STATUS_NAMES),
      ...Object.values(QUOTE_KIND_NAMES),
    ]);
  });

  it('in triage reasons, escalations, reminders and the referral task', () => {
    const now = at('2026-04-06T09:00:00Z');
    const list = buildTriageList(
      {
        children: [
          {
            childId: CHILD.amira,
            name: 'Amira',
            maceRiskAssessment: {
              latestAt: at('2026-03-10T10:00:00Z'),
              previousAt: at('2026-01-10T10:00:00Z'),
            },
            levelOfConcern: [
              { level: 'moderate', recordedAt: at('2026-01-10T10:00:00Z') },
              { level: 'severe', recordedAt: at('2026-03-10T10:00:00Z') },
            ],
            missingEpisodes: ['2026-02-01', '2026-03-05', '2026-03-20'].map((d, i) => ({
              id: id(i),
              reportedAt: at(`${d}T20:00:00Z`),
            })),
            connections: [
              {
                id: id(9),
                kind: 'person_of_concern',
                label: 'x',
                firstRecordedAt: at('2026-03-18T10:00:00Z'),
              },
            ],
            actions: [{ id: id(8), dueDate: '2026-03-01', status: 'open' }],
            raisedBy: [{ agencyName: 'Fernbridge Academy', raisedAt: at('2026-03-25T10:00:00Z') }],
          },
        ],
        contexts: [
          {
            contextId: id(20),
            kind: 'place',
            label: 'Flat',
            raisedBy: [{ agencyName: 'Fernbridge Police', raisedAt: at('2026-03-25T10:00:00Z') }],
            links: [{ childId: CHILD.amira, linkedAt: at('2026-03-20T10:00:00Z') }],
          },
        ],
      },
      at('2026-03-02T10:00:00Z'),
      now,
    );
    const action = {
      id: id(30),
      title: 'Review the safety plan',
      ownerId: id(31),
      ownerName: 'Jo Bennett',
      agencyId: id(32),
      meetingId: id(33),
      dueDate: '2026-03-01',
      status: 'open' as const,
      carriedOver: 2,
    };
    const escalation = escalations([action, { ...action, ownerId: null }], now, {
      people: [{ id: id(31), name: 'Jo' }],
      meetings: [],
    });
    const reminders = outcomeReminders(
      [
        { childId: CHILD.amira, participant: { kind: 'young_person' } },
        {
          childId: CHILD.amira,
          participant: { kind: 'family_member', name: 'Layla', relationship: 'Mother' },
        },
      ],
      { startsAt: at('2026-03-01T10:00:00Z'), typeLabel: 'Strategy discussion or meeting' },
      now,
    );
    const noPlan = statutoryPlanCheck({ childId: CHILD.tyler, name: 'Tyler', plans: [] }).task;
    const earlyHelp = statutoryPlanCheck({ childId: CHILD.tyler, name: 'Tyler', plans: ['early_help'] }).task;
    expectNoFindings([
      ...[...list.children, ...list.contexts].flatMap((i) => i.reasons.map((r) => r.message)),
      ...escalation.flatMap((e) => [e.message, ...e.gaps]),
      ...reminders.map((r) => r.message),
      noPlan?.title ?? '',
      noPlan?.description ?? '',
      earlyHelp?.description ?? '',
    ]);
  });

  it('in refusals', () => {
    const meetingRefusals = messages(meetingInputSchema, {
      type: 'strategy',
      groupId: id(1),
      startsAt: '2026-04-14T10:00:00Z',
      endsAt: '2026-04-14T09:00:00Z',
      chair: { name: 'Sam' },
      agenda: [{ id: id(2), kind: 'child', childId: id(3), heading: 'Kai' }],
      invitations: [{ id: id(4), person: { name: 'A' }, agencyId: id(5), agencyType: 'police' }],
      attendance: [{ inviteeId: id(6), status: 'deputy' }],
      informationShared: [{ itemId: id(7), sharedBy: id(8), summary: 'x', lawfulBasis: 'consent' }],
      minutes: [
        {
          itemId: id(2),
          shareable: 'He drives a silver Ford Focus FB19 XKT to the flat.',
          restricted: [
            {
              text: 'Dean drives a silver Ford Focus FB19 XKT to the flat.',
              sensitivity: 'police_intelligence',
            },
          ],
        },
      ],
      actions: [{ title: 'y', owner: { name: 'A' }, agencyId: id(5), dueDate: '2026-04-01' }],
    });
    const participationRefusals = [
      ...messages(
        participationRecordSchema(MEETINGS_CONFIG, { type: 'mace', startsAt: at('2026-04-14T10:00:00Z') }),
        {
          meetingId: id(1),
          childId: id(2),
          participant: { kind: 'young_person' },
          participation: 'not_invited',
          toldOutcome: { by: { name: 'Jo' }, at: '2026-04-14T09:00:00Z', how: 'x' },
        },
      ),
      ...messages(participationRecordSchema(), {
        meetingId: id(1),
        childId: id(2),
        participant: { kind: 'young_person' },
        participation: 'attended_part',
      }),
      ...messages(participationRecordSchema(), {
        meetingId: id(1),
        childId: id(2),
        participant: { kind: 'young_person' },
        participation: 'represented',
      }),
    ];
    const triageRefusals = messages(triageDecisionSchema, {
      subject: { kind: 'child', childId: id(1) },
      decision: 'single_agency_action',
      decidedBy: { name: 'P' },
      decidedAt: '2026-04-06T10:00:00Z',
    });
    const now = at('2026-04-01T09:00:00Z');
    const past = {
      id: id(1),
      type: 'mace' as const,
      groupId: id(2),
      startsAt: at('2026-03-01T09:00:00Z'),
      endsAt: at('2026-03-01T10:00:00Z'),
    };
    const future = {
      ...past,
      id: id(3),
      startsAt: at('2026-05-01T09:00:00Z'),
      endsAt: at('2026-05-01T10:00:00Z'),
    };
    const scheduling = [
      rescheduleConflict([past, future], past, at('2026-05-01T09:00:00Z'), now)?.message ?? '',
      rescheduleConflict([past, future], { ...future, id: id(4) }, at('2026-05-01T09:30:00Z'), now)
        ?.message ?? '',
      quorumCheck('mace', { invitations: [], attendance: [] }).message,
    ];
    expect(meetingRefusals.length).toBeGreaterThan(5);
    expectNoFindings([
      ...meetingRefusals,
      ...messages(actionSchema, {}),
      ...messages(actionSchema, {
        title: 'x',
        owner: { name: 'A' },
        agencyId: id(5),
        dueDate: '2026-04-01',
        status: 'done',
      }),
      ...messages(actionSchema, {
        title: 'x',
        owner: { name: 'A' },
        agencyId: id(5),
        dueDate: '2026-04-01',
        status: 'cancelled',
      }),
      ...participationRefusals,
      ...triageRefusals,
      ...scheduling,
    ]);
  });

  it('in the words every pack carries', () => {
    const text = renderPackText({
      id: id(1),
      kind: 'minutes',
      meeting: {
        id: id(2),
        typeLabel: 'MACE meeting',
        title: 'April',
        startsAt: at('2026-04-14T09:00:00Z'),
        chairName: 'Priya',
      },
      items: [],
    });
    expectNoFindings([text]);
  });
});

describe('the module’s own source', () => {
  it('never uses the words the partnership has banned', () => {
    const dir = new URL('./', import.meta.url);
    const banned =
      /\b(child prostitut\w*|prostitut\w*|boyfriend|girlfriend|putting (?:themselves|herself|himself) at risk|in a relationship with|promiscu\w*)\b/i;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const lines = readFileSync(new URL(file, dir), 'utf8').split('\n');
      const hits = lines.flatMap((line, i) =>
        banned.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
      );
      expect(hits).toEqual([]);
    }
  });
});
