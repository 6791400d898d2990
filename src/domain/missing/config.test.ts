import { describe, expect, it } from 'vitest';
import { MISSING_CONFIG, type MissingConfig, missingConfigSchema, optionLabel } from './config.ts';
import { addDays, type LocalDate, weekday } from './london.ts';

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstMonday(year: number, month: number): LocalDate {
  let d = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekday(d) !== 1) d = addDays(d, 1);
  return d;
}

function lastMonday(year: number, month: number): LocalDate {
  let d = addDays(
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`,
    -1,
  );
  while (weekday(d) !== 1) d = addDays(d, -1);
  return d;
}

/** Moves a holiday that falls at a weekend to the next weekday not already taken. */
function substitute(date: LocalDate, taken: Set<string>): LocalDate {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6 || taken.has(d)) d = addDays(d, 1);
  taken.add(d);
  return d;
}

/** The usual rules for England and Wales (no one-off holidays are announced for 2025–2028). */
function expectedBankHolidays(year: number): LocalDate[] {
  const e = easter(year);
  const taken = new Set<string>();
  return [
    substitute(`${year}-01-01`, taken),
    addDays(e, -2),
    addDays(e, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    substitute(`${year}-12-25`, taken),
    substitute(`${year}-12-26`, taken),
  ].sort();
}

const allLabels = (config: MissingConfig): string[] => [
  ...config.policeRiskGrades.grades.flatMap((o) => [o.label, o.description ?? '']),
  ...config.protocolCategories.categories.flatMap((o) => [o.label, o.description ?? '']),
  ...config.missingFrom.flatMap((o) => [o.label, o.description ?? '']),
  ...config.howReturned.flatMap((o) => [o.label, o.description ?? '']),
  ...config.pushFactors.map((f) => f.label),
  ...config.pullFactors.map((f) => f.label),
];

describe('the shipped configuration', () => {
  it('validates against its schema', () => {
    expect(missingConfigSchema.safeParse(MISSING_CONFIG).success).toBe(true);
  });

  it('is versioned and cites its sources', () => {
    expect(MISSING_CONFIG.version).toMatch(/\S/);
    expect(MISSING_CONFIG.source).toMatch(/\S/);
    expect(MISSING_CONFIG.interviewDeadline.source).toMatch(/72 hours/);
    expect(MISSING_CONFIG.bankHolidays.source).toMatch(/gov\.uk\/bank-holidays/);
    expect(MISSING_CONFIG.bankHolidays.note).toMatch(/Scotland/);
    expect(MISSING_CONFIG.bankHolidays.note).toMatch(/Northern Ireland/);
    expect(MISSING_CONFIG.policeRiskGrades.source).toMatch(/College of Policing/);
    for (const f of [...MISSING_CONFIG.pushFactors, ...MISSING_CONFIG.pullFactors])
      expect(f.source).toMatch(/\S/);
  });

  it('defaults to 72 elapsed hours and 3 episodes in 90 days', () => {
    expect(MISSING_CONFIG.interviewDeadline).toMatchObject({ basis: 'elapsed_hours', hours: 72 });
    expect(MISSING_CONFIG.repeatEpisodes).toMatchObject({ episodes: 3, withinDays: 90 });
  });

  it('uses the national police grading names', () => {
    expect(MISSING_CONFIG.policeRiskGrades.grades.map((g) => g.id)).toEqual([
      'no_apparent_risk',
      'low',
      'medium',
      'high',
    ]);
  });

  it('offers the four places the issue names, with only the care placement marked as a placement', () => {
    expect(MISSING_CONFIG.missingFrom.map((o) => [o.id, o.placement])).toEqual([
      ['home', false],
      ['care_placement', true],
      ['school', false],
      ['other', false],
    ]);
  });

  it.each([2025, 2026, 2027, 2028])('lists exactly the England and Wales bank holidays for %i', (year) => {
    const listed = MISSING_CONFIG.bankHolidays.dates
      .filter((d) => d.date.startsWith(`${year}-`))
      .map((d) => d.date);
    expect(listed).toEqual(expectedBankHolidays(year));
  });

  it('names Easter correctly every year (Good Friday two days before, Easter Monday the day after)', () => {
    for (const year of [2025, 2026, 2027, 2028]) {
      const e = easter(year);
      const names = Object.fromEntries(MISSING_CONFIG.bankHolidays.dates.map((d) => [d.date, d.name]));
      expect(names[addDays(e, -2)]).toBe('Good Friday');
      expect(names[addDays(e, 1)]).toBe('Easter Monday');
    }
    expect(easter(2026)).toBe('2026-04-05');
  });

  it('covers the list it claims to', () => {
    const last = MISSING_CONFIG.bankHolidays.dates.at(-1)?.date ?? '';
    expect(last <= MISSING_CONFIG.bankHolidays.coversUntil).toBe(true);
    expect(MISSING_CONFIG.bankHolidays.coversUntil).toBe('2028-12-31');
  });

  it('avoids words that blame or criminalise a child who goes missing', () => {
    const words = allLabels(MISSING_CONFIG).join(' ').toLowerCase();
    for (const banned of [
      'abscond',
      'chose',
      'choice',
      'choosing',
      'runaway behaviour',
      'risk-taking',
      'boyfriend',
    ]) {
      expect(words).not.toContain(banned);
    }
  });

  it('frames pull factors around what other people do to the child', () => {
    const exploitative = MISSING_CONFIG.pullFactors.filter(
      (f) => f.id !== 'wanting_to_see_family_or_friends',
    );
    for (const f of exploitative)
      expect(f.label).toMatch(/someone|group|people|others|adults|other young people/i);
  });

  it('falls back to the id for an option no longer configured', () => {
    expect(optionLabel(MISSING_CONFIG.howReturned, 'found_by_police')).toBe('Found by police');
    expect(optionLabel(MISSING_CONFIG.howReturned, 'retired_option')).toBe('retired_option');
  });
});

describe('the configuration schema refuses bad configuration', () => {
  const clone = (): MissingConfig => structuredClone(MISSING_CONFIG);
  const messages = (config: unknown) => {
    const result = missingConfigSchema.safeParse(config);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a working-days deadline', () => {
    const c = clone();
    c.interviewDeadline = { basis: 'working_days', workingDays: 3, source: 'local protocol' };
    expect(messages(c)).toEqual([]);
  });

  it('refuses an unknown deadline basis or a zero deadline', () => {
    expect(
      messages({ ...clone(), interviewDeadline: { basis: 'fortnights', n: 1, source: 'x' } }),
    ).not.toEqual([]);
    expect(
      messages({ ...clone(), interviewDeadline: { basis: 'elapsed_hours', hours: 0, source: 'x' } }),
    ).not.toEqual([]);
  });

  it('refuses a bank holiday at a weekend', () => {
    const c = clone();
    c.bankHolidays.dates.push({ date: '2028-12-30', name: 'A Saturday' });
    expect(messages(c).join('\n')).toMatch(/2028-12-30 is a weekend/);
  });

  it('refuses an unsorted or repeated list, a date that does not exist, or one beyond coversUntil', () => {
    const c = clone();
    c.bankHolidays.dates.push({ date: '2025-01-01', name: 'again' });
    expect(messages(c).join('\n')).toMatch(/out of order or repeated/);
    const d = clone();
    d.bankHolidays.dates[0] = { date: '2025-02-30', name: 'nonsense' };
    expect(messages(d).join('\n')).toMatch(/real date/);
    const e = clone();
    e.bankHolidays.coversUntil = '2027-12-31';
    expect(messages(e).join('\n')).toMatch(/after coversUntil/);
  });

  it('refuses repeated ids and a factor that is both push and pull', () => {
    const c = clone();
    c.howReturned.push({ id: 'other', label: 'Other again' });
    expect(messages(c).join('\n')).toMatch(/howReturned has a repeated id/);
    const d = clone();
    d.pullFactors.push({ id: 'conflict_at_home', label: 'x', source: 'y' });
    expect(messages(d).join('\n')).toMatch(/both a push and a pull factor/);
  });

  it('refuses a repeat rule of fewer than two episodes, and a factor with no source', () => {
    const c = clone();
    c.repeatEpisodes.episodes = 1;
    expect(messages(c)).not.toEqual([]);
    const d = clone();
    d.pushFactors.push({ id: 'uncited', label: 'Uncited', source: '' });
    expect(messages(d)).not.toEqual([]);
  });

  it('refuses another time zone', () => {
    expect(messages({ ...clone(), timeZone: 'Europe/Paris' })).not.toEqual([]);
  });
});
