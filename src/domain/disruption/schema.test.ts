import { describe, expect, it } from 'vitest';
import { violationsOf } from '../contexts/rules.ts';
import {
  breachesAwaitingResponse,
  canTransition,
  DISRUPTION_STATUSES,
  type DisruptionRecord,
  type DisruptionRecordInput,
  type DisruptionStatus,
  disruptionRecordSchema,
  durationWarnings,
  expiringSoon,
  STATUS_TRANSITIONS,
  transition,
} from './schema.ts';

const shpo: DisruptionRecordInput = {
  id: 'd1',
  measure: 'shpo',
  target: { kind: 'person', contextId: 'poc-1' },
  protectedChildIds: ['child-1'],
  status: 'served',
  leadAgencyId: 'police',
  ownerUserId: 'officer-1',
  requestedOn: '2025-01-10',
  issuedOn: '2025-02-01',
  servedOn: '2025-02-03',
  expiresOn: '2030-02-01',
  conditions: ['Must not contact the named child', 'Must not use the internet without monitoring software'],
  breaches: [
    {
      date: '2025-05-01',
      description: 'Seen with the named child at the park',
      response: 'Arrested',
      recordedBy: 'officer-2',
    },
  ],
};

const parse = (input: unknown): DisruptionRecord => disruptionRecordSchema.parse(input);
const violations = (input: unknown) => {
  const r = disruptionRecordSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? violationsOf(r.error) : [];
};
const rules = (input: unknown) => violations(input).map((v) => v.rule);

describe('disruption record', () => {
  it('accepts a served order with conditions and a breach', () => {
    const r = parse(shpo);
    expect(r.untilFurtherOrder).toBe(false);
    expect(r.breaches).toHaveLength(1);
  });

  it('refuses an order that expires before it was issued, naming the fields', () => {
    const v = violations({ ...shpo, expiresOn: '2025-01-31' });
    expect(v).toEqual([
      {
        rule: 'disruption.expiry-after-issue',
        path: 'expiresOn',
        message:
          '[disruption.expiry-after-issue] The order expires (expiresOn 2025-01-31) before or on the day it was issued (issuedOn 2025-02-01)',
      },
    ]);
    expect(rules({ ...shpo, expiresOn: '2025-02-01' })).toEqual(['disruption.expiry-after-issue']);
  });

  it('needs an issue date before an expiry date', () => {
    expect(
      violations({ ...shpo, status: 'requested', issuedOn: undefined, servedOn: undefined, breaches: [] }),
    ).toEqual([expect.objectContaining({ rule: 'disruption.expiry-after-issue', path: 'issuedOn' })]);
  });

  it('keeps requested ≤ issued ≤ served', () => {
    expect(violations({ ...shpo, requestedOn: '2025-03-01' })).toEqual([
      expect.objectContaining({ rule: 'disruption.date-order', path: 'issuedOn' }),
    ]);
    expect(violations({ ...shpo, servedOn: '2025-01-31', breaches: [] })).toEqual([
      expect.objectContaining({ rule: 'disruption.date-order', path: 'servedOn' }),
    ]);
    expect(
      rules({ ...shpo, status: 'proposed', issuedOn: undefined, expiresOn: undefined, breaches: [] }),
    ).toEqual(['disruption.date-order']);
    expect(parse({ ...shpo, requestedOn: '2025-02-01', servedOn: '2025-02-01' }).servedOn).toBe('2025-02-01');
  });

  it('refuses dates that are not dates', () => {
    expect(violations({ ...shpo, issuedOn: '2025-02-30' })[0]).toMatchObject({
      rule: 'disruption.dates',
      path: 'issuedOn',
    });
  });

  it('has an expiry date or lasts until further order, not both', () => {
    expect(rules({ ...shpo, untilFurtherOrder: true })).toEqual(['disruption.expiry-or-further-order']);
    expect(parse({ ...shpo, expiresOn: undefined, untilFurtherOrder: true }).untilFurtherOrder).toBe(true);
  });

  it('refuses a hotel information notice of more than six months', () => {
    const notice: DisruptionRecordInput = {
      measure: 'hotel_information_request',
      target: { kind: 'place', contextId: 'hotel-1' },
      status: 'issued',
      leadAgencyId: 'police',
      ownerUserId: 'inspector-1',
      issuedOn: '2025-01-15',
      expiresOn: '2025-07-15',
    };
    expect(parse(notice).expiresOn).toBe('2025-07-15');
    expect(violations({ ...notice, expiresOn: '2025-07-16' })).toEqual([
      expect.objectContaining({
        rule: 'disruption.duration-limit',
        message: expect.stringMatching(/at most 6 months/),
      }),
    ]);
  });

  it('warns, without refusing, when a duration is unusual for the measure', () => {
    expect(durationWarnings(parse({ ...shpo, expiresOn: '2027-02-01' }))).toEqual([
      expect.objectContaining({
        rule: 'disruption.duration-check',
        message: expect.stringMatching(/minimum of 60 months/),
      }),
    ]);
    expect(durationWarnings(parse(shpo))).toEqual([]);
    const closure = parse({
      measure: 'premises_closure',
      target: { kind: 'place', contextId: 'flat-1' },
      status: 'issued',
      leadAgencyId: 'police',
      ownerUserId: 'officer-1',
      issuedOn: '2025-01-01',
      expiresOn: '2025-09-01',
      conditions: ['Closed to all but the owner'],
    });
    expect(durationWarnings(closure).map((w) => w.message)).toEqual([
      'Longer than the usual maximum of 6 months: check the expiry date against the order.',
    ]);
    expect(durationWarnings({ measure: 'cawn', issuedOn: '2025-01-01', expiresOn: '2025-02-01' })).toEqual(
      [],
    );
  });

  it('is against the kind of target the measure is for', () => {
    expect(violations({ ...shpo, target: { kind: 'place', contextId: 'p1' } })).toEqual([
      expect.objectContaining({ rule: 'disruption.target-kind', path: 'target.kind' }),
    ]);
    expect(rules({ ...shpo, target: undefined })).toEqual(['disruption.target-kind']);
    const nrm = {
      measure: 'nrm_referral',
      protectedChildIds: ['child-1'],
      status: 'requested',
      requestedOn: '2025-03-01',
      leadAgencyId: 'csc',
      ownerUserId: 'sw-1',
    };
    expect(parse(nrm).target).toBeUndefined();
    expect(rules({ ...nrm, target: { kind: 'person', contextId: 'poc-1' } })).toEqual([
      'disruption.target-kind',
    ]);
  });

  it('names the children a measure protects when the measure requires it', () => {
    const cawn = {
      measure: 'cawn',
      target: { kind: 'person', contextId: 'poc-1' },
      status: 'issued',
      issuedOn: '2025-03-01',
      leadAgencyId: 'police',
      ownerUserId: 'officer-1',
    };
    expect(rules(cawn)).toEqual(['disruption.named-child']);
    expect(parse({ ...cawn, protectedChildIds: ['child-1'] }).protectedChildIds).toEqual(['child-1']);
  });

  it('needs the date that goes with the status', () => {
    const { requestedOn: _r, issuedOn: _i, servedOn: _s, expiresOn: _e, breaches: _b, ...bare } = shpo;
    expect(violations({ ...bare, status: 'requested' })).toEqual([
      expect.objectContaining({ rule: 'disruption.status-dates', path: 'requestedOn' }),
    ]);
    expect(rules({ ...bare, status: 'issued' })).toEqual(['disruption.status-dates']);
    expect(rules({ ...bare, status: 'served', issuedOn: '2025-02-01' })).toEqual(['disruption.status-dates']);
    expect(rules({ ...bare, status: 'served', servedOn: '2025-02-01' })).toEqual([
      'disruption.date-order',
      'disruption.status-dates',
    ]);
    expect(rules({ ...bare, status: 'expired', issuedOn: '2025-02-01' })).toEqual([
      'disruption.status-dates',
    ]);
    expect(parse({ ...bare, status: 'proposed' }).status).toBe('proposed');
  });

  it('records the outcome of a measure refused, withdrawn, discharged or completed', () => {
    for (const status of ['refused', 'withdrawn', 'discharged', 'completed'] as const) {
      expect(rules({ ...shpo, status })).toEqual(['disruption.outcome-required']);
      expect(parse({ ...shpo, status, outcome: 'Recorded outcome' }).status).toBe(status);
    }
  });

  it('records conditions only for measures that have them', () => {
    const attention = {
      measure: 'increased_police_attention',
      target: { kind: 'vehicle', contextId: 'v1' },
      status: 'issued',
      issuedOn: '2025-03-01',
      leadAgencyId: 'police',
      ownerUserId: 'officer-1',
    };
    expect(parse(attention).conditions).toEqual([]);
    expect(rules({ ...attention, conditions: ['x'] })).toEqual(['disruption.conditions']);
  });

  it('records breaches only for measures that can be breached, on or after service', () => {
    const referral = {
      measure: 'online_platform_referral',
      target: { kind: 'online_space', contextId: 'o1' },
      status: 'requested',
      requestedOn: '2025-03-01',
      leadAgencyId: 'police',
      ownerUserId: 'officer-1',
      breaches: [{ date: '2025-03-05', description: 'Account active again', recordedBy: 'u1' }],
    };
    expect(rules(referral)).toEqual(['disruption.breach-recordable']);
    expect(violations({ ...shpo, breaches: [{ ...shpo.breaches?.[0], date: '2025-02-02' }] })).toEqual([
      expect.objectContaining({
        rule: 'disruption.breach-after-issue',
        path: 'breaches.0.date',
        message:
          '[disruption.breach-after-issue] A breach on 2025-02-02 is before the measure was served (2025-02-03)',
      }),
    ]);
    const { requestedOn: _r, issuedOn: _i, servedOn: _s, expiresOn: _e, ...unissued } = shpo;
    expect(rules({ ...unissued, status: 'proposed' })).toEqual(['disruption.breach-after-issue']);
    expect(rules({ ...shpo, breaches: [{ date: '2025-05-01', description: '', recordedBy: 'u1' }] })).toEqual(
      ['disruption.breach'],
    );
  });

  it('refuses unknown measures and fields', () => {
    expect(rules({ ...shpo, measure: 'asbo' })).toEqual(['disruption.measure']);
    expect(rules({ ...shpo, colour: 'red' })).toEqual(['schema']);
  });
});

describe('status lifecycle', () => {
  it('allows exactly the moves in the table', () => {
    for (const from of DISRUPTION_STATUSES) {
      for (const to of DISRUPTION_STATUSES) {
        expect(canTransition(from, to)).toBe(
          (STATUS_TRANSITIONS[from] as readonly DisruptionStatus[]).includes(to),
        );
      }
    }
    expect(canTransition('proposed', 'issued')).toBe(true);
    expect(canTransition('expired', 'served')).toBe(false);
    expect(canTransition('served', 'requested')).toBe(false);
  });

  it('ends in final statuses with no way out', () => {
    for (const s of ['refused', 'withdrawn', 'expired', 'discharged', 'completed'] as const) {
      expect(STATUS_TRANSITIONS[s]).toEqual([]);
    }
  });

  it('moves a record on, filling in the date, and re-checks it', () => {
    let r = parse({
      measure: 'sro',
      target: { kind: 'person', contextId: 'poc-1' },
      status: 'proposed',
      leadAgencyId: 'police',
      ownerUserId: 'officer-1',
    });
    for (const [to, on] of [
      ['requested', '2025-01-01'],
      ['issued', '2025-02-01'],
      ['served', '2025-02-02'],
    ] as const) {
      const t = transition(r, to, { on, ...(to === 'issued' ? { expiresOn: '2027-02-01' } : {}) });
      if (!t.ok) throw new Error(t.message);
      r = t.record;
    }
    expect(r).toMatchObject({
      status: 'served',
      requestedOn: '2025-01-01',
      issuedOn: '2025-02-01',
      servedOn: '2025-02-02',
      expiresOn: '2027-02-01',
    });
    const done = transition(r, 'expired', { on: '2027-02-01' });
    expect(done).toMatchObject({ ok: true, record: { status: 'expired' } });
  });

  it('refuses a move the table does not allow, naming the rule', () => {
    const r = parse({ ...shpo, status: 'expired' });
    expect(transition(r, 'served', { on: '2031-01-01' })).toEqual({
      ok: false,
      rule: 'disruption.status-transition',
      message:
        '[disruption.status-transition] Cannot go from expired to served; from expired the next steps are none (final)',
    });
  });

  it('refuses a move that would break another rule', () => {
    const r = parse({
      ...shpo,
      status: 'requested',
      issuedOn: undefined,
      servedOn: undefined,
      expiresOn: undefined,
      breaches: [],
    });
    expect(transition(r, 'issued', { on: '2024-12-01' })).toMatchObject({
      ok: false,
      rule: 'disruption.date-order',
    });
    expect(transition(r, 'refused', { on: '2025-02-01' })).toMatchObject({
      ok: false,
      rule: 'disruption.outcome-required',
    });
    expect(transition(r, 'refused', { on: '2025-02-01', outcome: 'Court refused' })).toMatchObject({
      ok: true,
    });
  });
});

describe('work lists', () => {
  const base = parse(shpo);
  const records: DisruptionRecord[] = [
    { ...base, id: 'later', expiresOn: '2025-07-20', ownerUserId: 'officer-2' },
    { ...base, id: 'soon', expiresOn: '2025-06-10' },
    { ...base, id: 'overdue', expiresOn: '2025-05-20' },
    { ...base, id: 'far', expiresOn: '2026-01-01' },
    { ...base, id: 'ended', status: 'expired', expiresOn: '2025-06-05' },
    { ...base, id: 'open-ended', expiresOn: undefined, untilFurtherOrder: true },
  ];

  it('lists orders in force expiring within the window, soonest first, with overdue ones', () => {
    const items = expiringSoon(records, '2025-06-01', 60);
    expect(items.map((i) => [i.record.id, i.daysLeft, i.overdue])).toEqual([
      ['overdue', -12, true],
      ['soon', 9, false],
      ['later', 49, false],
    ]);
    expect(items[2]).toMatchObject({
      measureName: 'Sexual Harm Prevention Order',
      ownerUserId: 'officer-2',
      leadAgencyId: 'police',
      protectedChildIds: ['child-1'],
    });
    expect(expiringSoon(records, new Date('2025-06-01T12:00:00Z'), 10).map((i) => i.record.id)).toEqual([
      'overdue',
      'soon',
    ]);
  });

  it('lists breaches still waiting for a response', () => {
    const withPending = parse({
      ...shpo,
      breaches: [
        ...(shpo.breaches ?? []),
        { date: '2025-05-20', description: 'Messaged the child', recordedBy: 'sw-1' },
      ],
    });
    expect(breachesAwaitingResponse([parse(shpo), withPending])).toEqual([
      { record: withPending, breachIndex: 1 },
    ]);
  });
});
