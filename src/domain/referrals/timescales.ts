/**
 * Timescales as data. Local names and timescales vary between partnerships (seed 003 §10), so they live
 * here, versioned, rather than in code or in the environment. Referrals record the version they were
 * received under, so changing a timescale never silently moves an existing deadline.
 */

export interface Timescales {
  readonly version: string;
  /** Working days from receipt to a screening decision. Default: one working day. */
  readonly screeningDecisionWorkingDays: number;
  /** The partnership's local time zone: working days are counted on its calendar. */
  readonly timeZone: string;
  /**
   * Days that are not working days besides Saturdays and Sundays: bank holidays in England and Wales
   * (source: GOV.UK bank holidays). Extend this list each year.
   */
  readonly nonWorkingDates: readonly string[];
}

export const TIMESCALES: Timescales = {
  version: '2025.1',
  screeningDecisionWorkingDays: 1,
  timeZone: 'Europe/London',
  nonWorkingDates: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};
