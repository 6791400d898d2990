/**
 * Renders the configuration as the tables at the end of docs/missing.md, so the document cannot drift
 * from what the code does (docs.test.ts fails when it has).
 */
import { MISSING_CONFIG, type MissingConfig } from './config.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function renderMissingConfig(config: MissingConfig = MISSING_CONFIG): string {
  const d = config.interviewDeadline;
  const deadline =
    d.basis === 'elapsed_hours'
      ? `${d.hours} elapsed hours`
      : `the end of working day ${d.workingDays} after the day of return (London)`;
  const r = config.repeatEpisodes;
  return [
    `## Configuration version ${config.version}`,
    `Source: ${config.source}.`,
    `### Timescales and rules`,
    table(
      ['Setting', 'Value', 'Source'],
      [
        ['Return interview deadline', deadline, d.source],
        [
          'Repeat episodes for MACE triage',
          `${r.episodes} or more episodes within ${r.withinDays} days, this one included`,
          r.source,
        ],
        ['Calendar', config.timeZone, 'Lantern serves England and Wales'],
      ],
    ),
    `### Police risk grading at report`,
    `Source: ${config.policeRiskGrades.source}.`,
    config.policeRiskGrades.note,
    table(
      ['Id', 'Grading', 'Meaning'],
      config.policeRiskGrades.grades.map((g) => [`\`${g.id}\``, g.label, g.description ?? '']),
    ),
    `### Local protocol categories`,
    `Source: ${config.protocolCategories.source}.`,
    table(
      ['Id', 'Category', 'Meaning'],
      config.protocolCategories.categories.map((c) => [`\`${c.id}\``, c.label, c.description ?? '']),
    ),
    `### Where the child went missing from`,
    table(
      ['Id', 'Label', 'A care placement (independence is checked)'],
      config.missingFrom.map((o) => [`\`${o.id}\``, o.label, o.placement ? 'yes' : 'no']),
    ),
    `### How the child was found or came back`,
    table(
      ['Id', 'Label', 'Note'],
      config.howReturned.map((o) => [`\`${o.id}\``, o.label, o.description ?? '']),
    ),
    `### Push factors: what pushes a child away`,
    table(
      ['Id', 'Label', 'Source'],
      config.pushFactors.map((f) => [`\`${f.id}\``, f.label, f.source]),
    ),
    `### Pull factors: what draws a child away, and who does it`,
    table(
      ['Id', 'Label', 'Source'],
      config.pullFactors.map((f) => [`\`${f.id}\``, f.label, f.source]),
    ),
    `### Bank holidays (${config.bankHolidays.region}), complete until ${config.bankHolidays.coversUntil}`,
    `Source: ${config.bankHolidays.source}.`,
    config.bankHolidays.note,
    table(
      ['Date', 'Holiday'],
      config.bankHolidays.dates.map((h) => [h.date, h.name]),
    ),
  ].join('\n\n');
}
