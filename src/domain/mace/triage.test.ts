import { describe, expect, it } from 'vitest';
import { MEETINGS_CONFIG, type MeetingsConfig } from './config.ts';
import { AGENCY, at, CHILD, CONTEXT, id } from './fixtures.ts';
import {
  buildTriageList,
  childrenForMace,
  type TriageChild,
  type TriageInput,
  type TriageItem,
  triageDecisionSchema,
  undecidedItems,
} from './triage.ts';

const SINCE = at('2026-03-02T10:00:00Z'); // the last triage
const NOW = at('2026-04-06T09:00:00Z'); // this triage (BST)

/** The records of Fernbridge, as the server would assemble them. */
const RECORDS: TriageInput = {
  children: [
    {
      childId: CHILD.amira,
      name: 'Amira',
      maceRiskAssessment: { latestAt: at('2026-03-10T14:00:00Z'), previousAt: at('2026-01-12T11:00:00Z') },
      levelOfConcern: [
        { level: 'significant', recordedAt: at('2026-03-10T14:00:00Z'), id: id(301) },
        { level: 'moderate', recordedAt: at('2026-01-12T11:00:00Z'), id: id(300) },
      ],
      missingEpisodes: [
        { id: id(401), reportedAt: at('2026-01-20T22:00:00Z') },
        { id: id(402), reportedAt: at('2026-02-25T23:30:00Z') },
        { id: id(403), reportedAt: at('2026-03-18T21:15:00Z') },
      ],
      connections: [
        {
          id: id(501),
          kind: 'person_of_concern',
          label: 'Dean Marsh',
          firstRecordedAt: at('2026-03-18T12:00:00Z'),
        },
        {
          id: id(502),
          kind: 'place',
          label: 'Flat above Quickbite takeaway',
          firstRecordedAt: at('2026-03-18T12:05:00Z'),
        },
        { id: id(503), kind: 'child', label: 'Kai', firstRecordedAt: at('2026-01-05T09:00:00Z') },
      ],
      actions: [
        { id: id(601), dueDate: '2026-03-20', status: 'open' },
        { id: id(602), dueDate: '2026-03-01', status: 'done' },
        { id: id(603), dueDate: '2026-04-30', status: 'in_progress' },
      ],
      raisedBy: [
        { agencyId: AGENCY.school.id, agencyName: AGENCY.school.name, raisedAt: at('2026-03-25T10:00:00Z') },
      ],
    },
    {
      childId: CHILD.kai,
      name: 'Kai',
      maceRiskAssessment: { latestAt: at('2025-12-01T10:00:00Z'), previousAt: null },
      levelOfConcern: [{ level: 'severe', recordedAt: at('2025-12-01T10:00:00Z') }],
      missingEpisodes: [
        { id: id(411), reportedAt: at('2026-03-05T20:00:00Z') },
        { id: id(412), reportedAt: at('2026-03-28T20:00:00Z') },
      ],
      connections: [
        {
          id: id(511),
          kind: 'person_of_concern',
          label: 'Dean Marsh',
          firstRecordedAt: at('2026-03-25T09:00:00Z'),
        },
      ],
      actions: [
        { id: id(611), dueDate: '2026-02-01', status: 'open' },
        { id: id(612), dueDate: '2026-03-01', status: 'in_progress' },
        { id: id(613), dueDate: '2026-04-05', status: 'open' },
        { id: id(614), dueDate: '2026-04-06', status: 'open' },
      ],
    },
    {
      childId: CHILD.leah,
      name: 'Leah',
      maceRiskAssessment: { latestAt: at('2026-02-10T10:00:00Z'), previousAt: at('2025-11-10T10:00:00Z') },
      levelOfConcern: [{ level: 'moderate', recordedAt: at('2026-02-10T10:00:00Z') }],
      missingEpisodes: [{ id: id(421), reportedAt: at('2026-03-12T20:00:00Z') }],
      connections: [],
      actions: [{ id: id(621), dueDate: '2026-04-20', status: 'open' }],
    },
    {
      childId: CHILD.tyler,
      name: 'Tyler',
      maceRiskAssessment: { latestAt: at('2026-03-30T15:00:00Z') },
    },
    {
      childId: CHILD.zoe,
      name: 'Zoe',
      levelOfConcern: [{ level: 'significant', recordedAt: at('2025-10-01T10:00:00Z') }],
      missingEpisodes: [
        { id: id(431), reportedAt: at('2026-01-10T20:00:00Z') },
        { id: id(432), reportedAt: at('2026-02-01T20:00:00Z') },
        { id: id(433), reportedAt: at('2026-02-20T20:00:00Z') },
      ],
    },
  ],
  contexts: [
    {
      contextId: CONTEXT.dean,
      kind: 'person_of_concern',
      label: 'Dean Marsh',
      sensitivity: 'police_intelligence',
      raisedBy: [
        { agencyId: AGENCY.police.id, agencyName: AGENCY.police.name, raisedAt: at('2026-03-20T10:00:00Z') },
      ],
      links: [
        { childId: CHILD.amira, linkedAt: at('2026-03-18T12:00:00Z') },
        { childId: CHILD.kai, linkedAt: at('2026-03-25T09:00:00Z') },
        { childId: CHILD.leah, linkedAt: at('2025-11-01T09:00:00Z') },
      ],
    },
    {
      contextId: CONTEXT.flat,
      kind: 'place',
      label: 'Flat above Quickbite takeaway',
      links: [{ childId: CHILD.amira, linkedAt: at('2026-03-18T12:05:00Z') }],
    },
    {
      contextId: CONTEXT.busStation,
      kind: 'place',
      label: 'Fernbridge bus station',
      raisedBy: [{ agencyName: AGENCY.vol.name, raisedAt: at('2026-02-15T10:00:00Z') }],
    },
    {
      contextId: CONTEXT.group,
      kind: 'peer_group',
      label: 'Eastgate park group',
      raisedBy: [{ agencyName: AGENCY.yjs.name, raisedAt: at('2026-03-28T10:00:00Z') }],
    },
  ],
};

const names = (items: readonly TriageItem[]) =>
  items.map((i) => (i.subject.kind === 'child' ? i.subject.name : i.subject.label));
const reasonsOf = (items: readonly TriageItem[], name: string) =>
  items.find((i) => (i.subject.kind === 'child' ? i.subject.name : i.subject.label) === name)?.reasons ?? [];

describe('buildTriageList from seeded records', () => {
  const list = buildTriageList(RECORDS, SINCE, NOW);

  it('lists the children with something new, most serious level of concern first, and leaves out the rest', () => {
    expect(names(list.children)).toEqual(['Kai', 'Amira', 'Tyler']);
    expect(list.children.map((c) => c.levelOfConcern?.label ?? null)).toEqual([
      'Severe',
      'Significant',
      null,
    ]);
    expect(list.configVersion).toBe(MEETINGS_CONFIG.version);
  });

  it('gives every reason a child is listed', () => {
    expect(reasonsOf(list.children, 'Amira').map((r) => r.message)).toEqual([
      'MACE risk assessment changed on 10 Mar 2026 (previous version 12 Jan 2026)',
      'Level of concern changed from Moderate to Significant on 10 Mar 2026',
      'Went missing 3 times in 90 days (20 Jan 2026, 25 Feb 2026, 18 Mar 2026)',
      '2 new connections since the last triage (1 person of concern and 1 place)',
      '1 action overdue (due on 20 Mar 2026)',
      `Raised for triage by ${'Fernbridge Academy'} on 25 Mar 2026`,
    ]);
    expect(reasonsOf(list.children, 'Amira').map((r) => r.rule)).toEqual([
      'mace_risk_assessment',
      'level_of_concern',
      'missing_episodes',
      'new_connections',
      'overdue_actions',
      'raised_by_agency',
    ]);
  });

  it('links each reason to the records behind it', () => {
    const amira = reasonsOf(list.children, 'Amira');
    expect(amira.find((r) => r.rule === 'missing_episodes')?.recordIds).toEqual([id(401), id(402), id(403)]);
    expect(amira.find((r) => r.rule === 'new_connections')?.recordIds).toEqual([id(501), id(502)]);
    expect(amira.find((r) => r.rule === 'overdue_actions')?.recordIds).toEqual([id(601)]);
    expect(amira.find((r) => r.rule === 'level_of_concern')?.recordIds).toEqual([id(301)]);
  });

  it('counts open overdue actions only, and an action due today is not overdue', () => {
    expect(reasonsOf(list.children, 'Kai').map((r) => r.message)).toEqual([
      '1 new connection since the last triage (1 person of concern)',
      '3 actions overdue (the oldest was due on 1 Feb 2026)',
    ]);
  });

  it('lists a first MACE risk assessment', () => {
    expect(reasonsOf(list.children, 'Tyler').map((r) => r.message)).toEqual([
      'MACE risk assessment completed for the first time on 30 Mar 2026',
    ]);
  });

  it('does not name connections in the reason: their labels decide who may see them', () => {
    const text = list.children.flatMap((c) => c.reasons.map((r) => r.message)).join('\n');
    expect(text).not.toContain('Dean Marsh');
    expect(text).not.toContain('Quickbite');
  });

  it('lists contexts raised by agencies or newly linked, most linked to children on the list first', () => {
    expect(names(list.contexts)).toEqual([
      'Dean Marsh',
      'Flat above Quickbite takeaway',
      'Eastgate park group',
    ]);
    expect(reasonsOf(list.contexts, 'Dean Marsh').map((r) => r.message)).toEqual([
      'Raised for triage by Fernbridge Police on 20 Mar 2026',
      'Linked to 2 more children since the last triage',
      'Linked to 2 children on this triage list',
    ]);
    const dean = list.contexts[0];
    expect(dean?.linkedChildIds).toEqual([CHILD.amira, CHILD.kai]);
    expect(dean?.subject).toMatchObject({ kind: 'context', sensitivity: 'police_intelligence' });
    expect(reasonsOf(list.contexts, 'Flat above Quickbite takeaway').map((r) => r.message)).toEqual([
      'Linked to 1 more child since the last triage',
    ]);
    expect(names(list.contexts)).not.toContain('Fernbridge bus station');
  });
});

// ---------------------------------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------------------------------

function one(
  child: Partial<TriageChild>,
  config: MeetingsConfig = MEETINGS_CONFIG,
  since = SINCE,
  now = NOW,
) {
  const list = buildTriageList(
    { children: [{ childId: CHILD.leah, name: 'Leah', ...child }] },
    since,
    now,
    config,
  );
  return list.children[0]?.reasons ?? [];
}

const episodes = (...iso: string[]) => iso.map((s, i) => ({ id: id(700 + i), reportedAt: at(s) }));

describe('the missing-episodes rule at its thresholds', () => {
  it('2 episodes in 90 days do not list the child; 3 do', () => {
    expect(one({ missingEpisodes: episodes('2026-03-05T20:00:00Z', '2026-03-20T20:00:00Z') })).toEqual([]);
    expect(
      one({
        missingEpisodes: episodes('2026-02-01T20:00:00Z', '2026-03-05T20:00:00Z', '2026-03-20T20:00:00Z'),
      }).map((r) => r.message),
    ).toEqual(['Went missing 3 times in 90 days (1 Feb 2026, 5 Mar 2026, 20 Mar 2026)']);
  });

  it('counts an episode exactly 90 London days before the triage, not 91', () => {
    // 6 Apr 2026 minus 90 days is 6 Jan 2026.
    const day90 = one({
      missingEpisodes: episodes('2026-01-06T12:00:00Z', '2026-03-05T20:00:00Z', '2026-03-20T20:00:00Z'),
    });
    expect(day90.map((r) => r.rule)).toEqual(['missing_episodes']);
    const day91 = one({
      missingEpisodes: episodes('2026-01-05T12:00:00Z', '2026-03-05T20:00:00Z', '2026-03-20T20:00:00Z'),
    });
    expect(day91).toEqual([]);
  });

  it('needs one episode since the last triage, unless the partnership turns that off', () => {
    const old = episodes('2026-01-10T20:00:00Z', '2026-02-01T20:00:00Z', '2026-02-20T20:00:00Z');
    expect(one({ missingEpisodes: old })).toEqual([]);
    const config = structuredClone(MEETINGS_CONFIG);
    config.triage.rules.missing_episodes.requireEpisodeSinceLastTriage = false;
    expect(one({ missingEpisodes: old }, config).map((r) => r.rule)).toEqual(['missing_episodes']);
  });

  it('follows a configured threshold', () => {
    const config = structuredClone(MEETINGS_CONFIG);
    config.triage.rules.missing_episodes.episodes = 2;
    config.triage.rules.missing_episodes.withinDays = 30;
    expect(
      one({ missingEpisodes: episodes('2026-03-10T20:00:00Z', '2026-03-20T20:00:00Z') }, config)[0]?.message,
    ).toBe('Went missing 2 times in 30 days (10 Mar 2026, 20 Mar 2026)');
  });

  it('ignores an episode dated after the triage', () => {
    expect(
      one({
        missingEpisodes: episodes('2026-03-05T20:00:00Z', '2026-03-20T20:00:00Z', '2026-04-07T20:00:00Z'),
      }),
    ).toEqual([]);
  });
});

describe('the MACE risk assessment rule', () => {
  it('counts an assessment at the moment of the last triage, not one before it', () => {
    expect(
      one({ maceRiskAssessment: { latestAt: SINCE, previousAt: at('2026-01-01T10:00:00Z') } })[0]?.rule,
    ).toBe('mace_risk_assessment');
    expect(one({ maceRiskAssessment: { latestAt: at('2026-03-02T09:59:59Z'), previousAt: null } })).toEqual(
      [],
    );
    expect(one({ maceRiskAssessment: { latestAt: null } })).toEqual([]);
  });
});

describe('the level-of-concern rule', () => {
  it('lists a change, every change, and a first level; not the same level recorded again', () => {
    expect(
      one({
        levelOfConcern: [
          { level: 'moderate', recordedAt: at('2026-01-01T10:00:00Z') },
          { level: 'moderate', recordedAt: at('2026-03-15T10:00:00Z') },
        ],
      }),
    ).toEqual([]);
    expect(
      one({
        levelOfConcern: [
          { level: 'moderate', recordedAt: at('2026-01-01T10:00:00Z') },
          { level: 'significant', recordedAt: at('2026-03-10T10:00:00Z') },
          { level: 'moderate', recordedAt: at('2026-03-30T10:00:00Z') },
        ],
      })[0]?.message,
    ).toBe(
      'Level of concern changed 2 times since the last triage: from Moderate to Significant on 10 Mar 2026; ' +
        'from Significant to Moderate on 30 Mar 2026',
    );
    expect(
      one({ levelOfConcern: [{ level: 'mild', recordedAt: at('2026-03-10T10:00:00Z') }] })[0]?.message,
    ).toBe('Level of concern first recorded as Mild on 10 Mar 2026');
  });
});

describe('the new-connections rule', () => {
  const connection = (kind: 'person_of_concern' | 'child' | 'vehicle', iso: string, n: number) => ({
    id: id(800 + n),
    kind,
    label: `connection ${n}`,
    firstRecordedAt: at(iso),
  });

  it('counts connections recorded since the last triage, by kind', () => {
    expect(one({ connections: [connection('vehicle', '2026-03-01T10:00:00Z', 1)] })).toEqual([]);
    expect(
      one({
        connections: [
          connection('child', '2026-03-10T10:00:00Z', 1),
          connection('child', '2026-03-11T10:00:00Z', 2),
          connection('vehicle', '2026-03-12T10:00:00Z', 3),
        ],
      })[0]?.message,
    ).toBe('3 new connections since the last triage (2 other children and 1 vehicle)');
  });

  it('follows a configured minimum', () => {
    const config = structuredClone(MEETINGS_CONFIG);
    config.triage.rules.new_connections.minimum = 2;
    expect(one({ connections: [connection('vehicle', '2026-03-12T10:00:00Z', 1)] }, config)).toEqual([]);
  });
});

describe('the overdue-actions rule', () => {
  it('counts open and in-progress actions due before the London day of the triage', () => {
    // 23:30 UTC on 5 Apr is 00:30 BST on 6 Apr: an action due on 5 Apr is overdue.
    const now = at('2026-04-05T23:30:00Z');
    expect(
      one({ actions: [{ id: id(1), dueDate: '2026-04-05', status: 'open' }] }, MEETINGS_CONFIG, SINCE, now)[0]
        ?.message,
    ).toBe('1 action overdue (due on 5 Apr 2026)');
    expect(
      one({ actions: [{ id: id(1), dueDate: '2026-04-06', status: 'open' }] }, MEETINGS_CONFIG, SINCE, now),
    ).toEqual([]);
    expect(
      one({
        actions: [
          { id: id(1), dueDate: '2026-03-01', status: 'done' },
          { id: id(2), dueDate: '2026-03-01', status: 'cancelled' },
        ],
      }),
    ).toEqual([]);
  });

  it('follows a configured minimum', () => {
    const config = structuredClone(MEETINGS_CONFIG);
    config.triage.rules.overdue_actions.minimum = 2;
    expect(one({ actions: [{ id: id(1), dueDate: '2026-03-01', status: 'open' }] }, config)).toEqual([]);
  });
});

describe('rules the partnership turns off', () => {
  it('give no reason', () => {
    const config = structuredClone(MEETINGS_CONFIG);
    for (const rule of Object.values(config.triage.rules)) rule.enabled = false;
    const list = buildTriageList(RECORDS, SINCE, NOW, config);
    expect(list.children).toEqual([]);
    expect(list.contexts).toEqual([]);
  });
});

describe('raised by an agency', () => {
  it('lists every agency that asked since the last triage, earliest first', () => {
    expect(
      one({
        raisedBy: [
          { agencyName: 'Fernbridge Police', raisedAt: at('2026-03-20T10:00:00Z') },
          { agencyName: 'Fernbridge Academy', raisedAt: at('2026-03-04T10:00:00Z') },
          { agencyName: 'Fernbridge Health Trust', raisedAt: at('2026-02-04T10:00:00Z') },
        ],
      })[0]?.message,
    ).toBe('Raised for triage by Fernbridge Academy (4 Mar 2026) and Fernbridge Police (20 Mar 2026)');
  });
});

// ---------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------

const decidedBy = { name: 'Priya Shah', role: 'MACE chair' };

function refusals(input: unknown): string[] {
  const result = triageDecisionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('triage decisions', () => {
  it('accept each decision with its reasons', () => {
    expect(
      refusals({
        subject: { kind: 'child', childId: CHILD.amira },
        decision: 'discuss_at_mace',
        reasons: ['New links to Dean Marsh and repeated missing episodes need multi-agency discussion'],
        decidedBy,
        decidedAt: '2026-04-06T10:30:00+01:00',
      }),
    ).toEqual([]);
    expect(
      refusals({
        subject: { kind: 'context', contextId: CONTEXT.group },
        decision: 'single_agency_action',
        reasons: ['Youth justice will map the group'],
        singleAgency: {
          agencyId: AGENCY.yjs.id,
          action: 'Map the Eastgate park group and report to the next triage',
        },
        decidedBy,
        decidedAt: '2026-04-06T10:30:00+01:00',
      }),
    ).toEqual([]);
  });

  it('refuse a decision without reasons, naming the rule', () => {
    const base = {
      subject: { kind: 'child', childId: CHILD.tyler },
      decision: 'no_further_mace_action',
      decidedBy,
      decidedAt: '2026-04-06T10:30:00+01:00',
    };
    const expected =
      'reasons: reasons are required: every triage decision records why it was made, "no further MACE action" ' +
      'included, so the reasoning can be reviewed (issue 5 item 2)';
    expect(refusals(base)).toEqual([expected]);
    expect(refusals({ ...base, reasons: [] })).toEqual([expected]);
    expect(refusals({ ...base, reasons: ['  '] })).toEqual(['reasons.0: must not be empty']);
  });

  it('refuse a single-agency action without the agency and action, and those details on another decision', () => {
    const base = {
      subject: { kind: 'child', childId: CHILD.tyler },
      reasons: ['Because'],
      decidedBy,
      decidedAt: '2026-04-06T10:30:00+01:00',
    };
    expect(refusals({ ...base, decision: 'single_agency_action' })).toEqual([
      'singleAgency: singleAgency is required for a single-agency action: name the agency and the action it will ' +
        'take, so the action can be tracked',
    ]);
    expect(
      refusals({
        ...base,
        decision: 'discuss_at_mace',
        singleAgency: { agencyId: AGENCY.yjs.id, action: 'x' },
      }),
    ).toEqual([
      'singleAgency: singleAgency is recorded only for a single-agency action, not "discuss at the mace meeting"',
    ]);
  });

  it('refuse a missing or unknown decision', () => {
    const base = {
      subject: { kind: 'child', childId: CHILD.tyler },
      reasons: ['x'],
      decidedBy,
      decidedAt: '2026-04-06T10:30:00Z',
    };
    expect(refusals(base)[0]).toMatch(
      /^decision: decision is required: choose one of: discuss at the mace meeting/,
    );
    expect(refusals({ ...base, decision: 'park' })).toEqual([
      'decision: decision must be one of discuss_at_mace, single_agency_action, no_further_mace_action',
    ]);
  });

  it('show what is still undecided, and which children go to MACE', () => {
    const list = buildTriageList(RECORDS, SINCE, NOW);
    const decisions = [
      { subject: { kind: 'child' as const, childId: CHILD.kai }, decision: 'discuss_at_mace' as const },
      { subject: { kind: 'child' as const, childId: CHILD.amira }, decision: 'discuss_at_mace' as const },
      {
        subject: { kind: 'context' as const, contextId: CONTEXT.dean },
        decision: 'discuss_at_mace' as const,
      },
      {
        subject: { kind: 'child' as const, childId: CHILD.tyler },
        decision: 'single_agency_action' as const,
      },
    ];
    expect(names(undecidedItems(list, decisions))).toEqual([
      'Flat above Quickbite takeaway',
      'Eastgate park group',
    ]);
    expect(childrenForMace(decisions)).toEqual([CHILD.kai, CHILD.amira]);
  });
});
