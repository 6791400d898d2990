/**
 * A disruption record: one measure against a person, place, business, vehicle or online space,
 * protecting named children, with its dates, conditions, breaches, status and outcome.
 *
 * The status moves through a small state machine (STATUS_TRANSITIONS). Dates must make sense —
 * requested ≤ issued ≤ served, expiry after issue — and each refusal names its rule and the fields.
 * Orders nearing expiry come back to the people who own them through `expiringSoon`.
 */
import { z } from 'zod';
import {
  addDays,
  addMonths,
  daysBetween,
  type IsoDate,
  isoDateSchema,
  toIsoDate,
} from '../contexts/dates.ts';
import { ruleMessage, ruleOf } from '../contexts/rules.ts';
import {
  type DisruptionMeasure,
  MEASURE_IDS,
  type MeasureId,
  measure,
  TARGETABLE_KINDS,
} from './measures.ts';

export const DISRUPTION_STATUSES = [
  'proposed',
  'requested',
  'issued',
  'served',
  'refused',
  'withdrawn',
  'expired',
  'discharged',
  'completed',
] as const;
export type DisruptionStatus = (typeof DISRUPTION_STATUSES)[number];

export const STATUS_NAMES = {
  proposed: 'Proposed (agreed to pursue)',
  requested: 'Requested or applied for',
  issued: 'Issued, granted or made',
  served: 'Served on the person',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  discharged: 'Discharged or revoked',
  completed: 'Completed',
} as const satisfies Record<DisruptionStatus, string>;

/**
 * The allowed moves. `issued` can follow `proposed` directly (a police notice needs no application);
 * `completed` is how referrals and actions end. Statuses with no moves are final: a new application is
 * a new record, so the history of the first stays true.
 */
export const STATUS_TRANSITIONS = {
  proposed: ['requested', 'issued', 'withdrawn', 'completed'],
  requested: ['issued', 'refused', 'withdrawn', 'completed'],
  issued: ['served', 'expired', 'discharged', 'completed'],
  served: ['expired', 'discharged', 'completed'],
  refused: [],
  withdrawn: [],
  expired: [],
  discharged: [],
  completed: [],
} as const satisfies Record<DisruptionStatus, readonly DisruptionStatus[]>;

/** Statuses in which a measure is in force and may expire. */
export const IN_FORCE: readonly DisruptionStatus[] = ['issued', 'served'];
const NEEDS_OUTCOME: readonly DisruptionStatus[] = ['refused', 'withdrawn', 'discharged', 'completed'];

export function canTransition(from: DisruptionStatus, to: DisruptionStatus): boolean {
  return (STATUS_TRANSITIONS[from] as readonly DisruptionStatus[]).includes(to);
}

const id = z.string().trim().min(1).max(100);

const breachSchema = z
  .object({
    date: isoDateSchema('disruption.breach', 'The breach date'),
    description: z
      .string({ error: ruleMessage('disruption.breach', 'A breach needs a description of what happened') })
      .trim()
      .min(3, { error: ruleMessage('disruption.breach', 'A breach needs a description of what happened') })
      .max(4000),
    /** What was done about it: arrest, charge, warning, return to court. Added when known. */
    response: z.string().trim().min(1).max(4000).optional(),
    recordedBy: id,
  })
  .strict();

export const disruptionRecordSchema = z
  .object({
    id: id.optional(),
    measure: z.enum(MEASURE_IDS, { error: ruleMessage('disruption.measure', 'Unknown disruption measure') }),
    /** The person, place, business, vehicle or online space, as a context record. Absent for an NRM referral. */
    target: z
      .object({ kind: z.enum(TARGETABLE_KINDS), contextId: id })
      .strict()
      .optional(),
    protectedChildIds: z.array(id).max(100).default([]),
    status: z.enum(DISRUPTION_STATUSES),
    leadAgencyId: id,
    /** Whose work list it appears on. */
    ownerUserId: id,
    requestedOn: isoDateSchema('disruption.dates', 'The requested date (requestedOn)').optional(),
    issuedOn: isoDateSchema('disruption.dates', 'The issue date (issuedOn)').optional(),
    servedOn: isoDateSchema('disruption.dates', 'The served date (servedOn)').optional(),
    expiresOn: isoDateSchema('disruption.dates', 'The expiry date (expiresOn)').optional(),
    untilFurtherOrder: z.boolean().default(false),
    conditions: z.array(z.string().trim().min(1).max(2000)).max(50).default([]),
    breaches: z.array(breachSchema).max(200).default([]),
    outcome: z.string().trim().min(1).max(4000).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const m = measure(r.measure);
    const issue = (path: (string | number)[], rule: string, text: string) =>
      ctx.addIssue({ code: 'custom', path, message: ruleMessage(rule, text) });

    if (m.against.includes('none')) {
      if (r.target)
        issue(['target'], 'disruption.target-kind', `A ${m.name} is about the child; it has no target`);
    } else if (!r.target) {
      issue(
        ['target'],
        'disruption.target-kind',
        `A ${m.name} is against a ${m.against.join(' or ')}: say which`,
      );
    } else if (!(m.against as readonly string[]).includes(r.target.kind)) {
      issue(
        ['target', 'kind'],
        'disruption.target-kind',
        `A ${m.name} is against a ${m.against.join(' or ')}, not a ${r.target.kind}`,
      );
    }
    if (m.namedChildren === 'required' && r.protectedChildIds.length === 0) {
      issue(['protectedChildIds'], 'disruption.named-child', `A ${m.name} names the children it protects`);
    }

    if (r.requestedOn && r.issuedOn && r.issuedOn < r.requestedOn) {
      issue(
        ['issuedOn'],
        'disruption.date-order',
        `The issue date (issuedOn ${r.issuedOn}) cannot be before the requested date (requestedOn ${r.requestedOn})`,
      );
    }
    if (r.servedOn && !r.issuedOn) {
      issue(
        ['issuedOn'],
        'disruption.date-order',
        'A served date (servedOn) needs the issue date (issuedOn)',
      );
    }
    if (r.servedOn && r.issuedOn && r.servedOn < r.issuedOn) {
      issue(
        ['servedOn'],
        'disruption.date-order',
        `The served date (servedOn ${r.servedOn}) cannot be before the issue date (issuedOn ${r.issuedOn})`,
      );
    }
    if (r.expiresOn) {
      if (!r.issuedOn) {
        issue(
          ['issuedOn'],
          'disruption.expiry-after-issue',
          'An expiry date (expiresOn) needs the issue date (issuedOn)',
        );
      } else if (r.expiresOn <= r.issuedOn) {
        issue(
          ['expiresOn'],
          'disruption.expiry-after-issue',
          `The order expires (expiresOn ${r.expiresOn}) before or on the day it was issued (issuedOn ${r.issuedOn})`,
        );
      } else if (m.durationLimits?.enforcement === 'refuse' && m.durationLimits.maxMonths !== undefined) {
        const limit = addMonths(r.issuedOn, m.durationLimits.maxMonths);
        if (r.expiresOn > limit) {
          issue(
            ['expiresOn'],
            'disruption.duration-limit',
            `A ${m.name} lasts at most ${m.durationLimits.maxMonths} months: expiresOn ${r.expiresOn} is after ${limit} (${m.durationLimits.source})`,
          );
        }
      }
      if (r.untilFurtherOrder) {
        issue(
          ['untilFurtherOrder'],
          'disruption.expiry-or-further-order',
          'An order has an expiry date or lasts until further order, not both',
        );
      }
    }

    const needs: Partial<
      Record<DisruptionStatus, ['requestedOn' | 'issuedOn' | 'servedOn' | 'expiresOn', string]>
    > = {
      requested: ['requestedOn', 'requested'],
      issued: ['issuedOn', 'issued'],
      served: ['servedOn', 'served'],
      expired: ['expiresOn', 'expired'],
    };
    const need = needs[r.status];
    if (need && !r[need[0]]) {
      issue(
        [need[0]],
        'disruption.status-dates',
        `A measure marked ${need[1]} needs its ${need[1]} date (${need[0]})`,
      );
    }
    if (r.status === 'served' && !r.issuedOn) {
      issue(
        ['issuedOn'],
        'disruption.status-dates',
        'A measure marked served needs its issue date (issuedOn)',
      );
    }
    if (NEEDS_OUTCOME.includes(r.status) && !r.outcome) {
      issue(['outcome'], 'disruption.outcome-required', `A measure ${r.status} records its outcome`);
    }

    if (r.conditions.length && !m.hasConditions) {
      issue(['conditions'], 'disruption.conditions', `A ${m.name} has no conditions to record`);
    }
    r.breaches.forEach((b, i) => {
      if (!m.recordsBreaches) {
        issue(['breaches', i], 'disruption.breach-recordable', `A ${m.name} has nothing to breach`);
        return;
      }
      const from = r.servedOn ?? r.issuedOn;
      if (!from) {
        issue(
          ['breaches', i, 'date'],
          'disruption.breach-after-issue',
          'A breach needs the measure to have been issued (issuedOn)',
        );
      } else if (b.date < from) {
        issue(
          ['breaches', i, 'date'],
          'disruption.breach-after-issue',
          `A breach on ${b.date} is before the measure was ${r.servedOn ? 'served' : 'issued'} (${from})`,
        );
      }
    });
  });

export type DisruptionRecord = z.output<typeof disruptionRecordSchema>;
export type DisruptionRecordInput = z.input<typeof disruptionRecordSchema>;

export interface DurationWarning {
  rule: 'disruption.duration-check';
  message: string;
  source: string;
}

/**
 * Durations that are lawful but unusual enough to check against the order: shorter than the statutory
 * minimum, or longer than a maximum the schema does not enforce. Warnings, not refusals, because the
 * record must match the order as made.
 */
export function durationWarnings(
  record: Pick<DisruptionRecord, 'measure' | 'issuedOn' | 'expiresOn'>,
): DurationWarning[] {
  const limits = measure(record.measure).durationLimits;
  if (!limits || !record.issuedOn || !record.expiresOn) return [];
  const out: DurationWarning[] = [];
  if (limits.minMonths !== undefined && record.expiresOn < addMonths(record.issuedOn, limits.minMonths)) {
    out.push({
      rule: 'disruption.duration-check',
      message: `Shorter than the usual minimum of ${limits.minMonths} months: check the expiry date against the order.`,
      source: limits.source,
    });
  }
  if (
    limits.enforcement === 'warn' &&
    limits.maxMonths !== undefined &&
    record.expiresOn > addMonths(record.issuedOn, limits.maxMonths)
  ) {
    out.push({
      rule: 'disruption.duration-check',
      message: `Longer than the usual maximum of ${limits.maxMonths} months: check the expiry date against the order.`,
      source: limits.source,
    });
  }
  return out;
}

export type TransitionResult =
  | { ok: true; record: DisruptionRecord }
  | { ok: false; rule: string; message: string };

/**
 * Moves a record to a new status on a date, filling the matching date field when it is empty, and
 * re-checks the whole record.
 */
export function transition(
  record: DisruptionRecord,
  to: DisruptionStatus,
  details: { on: IsoDate; outcome?: string; expiresOn?: IsoDate },
): TransitionResult {
  if (!canTransition(record.status, to)) {
    const allowed = STATUS_TRANSITIONS[record.status] as readonly string[];
    return {
      ok: false,
      rule: 'disruption.status-transition',
      message: ruleMessage(
        'disruption.status-transition',
        `Cannot go from ${record.status} to ${to}; from ${record.status} the next steps are ${allowed.length ? allowed.join(', ') : 'none (final)'}`,
      ),
    };
  }
  const next: DisruptionRecord = { ...record, status: to };
  if (to === 'requested') next.requestedOn ??= details.on;
  if (to === 'issued') next.issuedOn ??= details.on;
  if (to === 'served') next.servedOn ??= details.on;
  if (to === 'expired') next.expiresOn ??= details.on;
  if (details.expiresOn) next.expiresOn = details.expiresOn;
  if (details.outcome) next.outcome = details.outcome;
  const parsed = disruptionRecordSchema.safeParse(next);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid record';
    return { ok: false, rule: ruleOf(message), message };
  }
  return { ok: true, record: parsed.data };
}

export interface ExpiringItem {
  record: DisruptionRecord;
  measureName: string;
  expiresOn: IsoDate;
  /** Negative when the expiry date has passed but the record is still marked in force. */
  daysLeft: number;
  overdue: boolean;
  /** The people and agency whose work lists show it, and the children it protects. */
  ownerUserId: string;
  leadAgencyId: string;
  protectedChildIds: string[];
}

/**
 * Measures in force that expire within `days` of `now` — or have passed their expiry and are still
 * marked in force, which needs someone to close or renew them — soonest first. The server routes each
 * item to its owner's work list and to the lead workers of the children it protects.
 */
export function expiringSoon(
  records: readonly DisruptionRecord[],
  now: Date | IsoDate,
  days: number,
): ExpiringItem[] {
  const today = toIsoDate(now);
  const horizon = addDays(today, days);
  return records
    .filter((r) => IN_FORCE.includes(r.status) && r.expiresOn !== undefined && r.expiresOn <= horizon)
    .map((r) => {
      const m: DisruptionMeasure = measure(r.measure as MeasureId);
      const expiresOn = r.expiresOn as IsoDate;
      const daysLeft = daysBetween(today, expiresOn);
      return {
        record: r,
        measureName: m.name,
        expiresOn,
        daysLeft,
        overdue: daysLeft < 0,
        ownerUserId: r.ownerUserId,
        leadAgencyId: r.leadAgencyId,
        protectedChildIds: [...r.protectedChildIds],
      };
    })
    .sort(
      (a, b) =>
        a.expiresOn.localeCompare(b.expiresOn) || (a.record.id ?? '').localeCompare(b.record.id ?? ''),
    );
}

/** Breaches recorded without a response yet: a follow-up for the record's owner. */
export function breachesAwaitingResponse(
  records: readonly DisruptionRecord[],
): { record: DisruptionRecord; breachIndex: number }[] {
  return records.flatMap((record) =>
    record.breaches.flatMap((b, breachIndex) => (b.response ? [] : [{ record, breachIndex }])),
  );
}
