/**
 * Renders the configuration as the tables at the end of docs/mace.md, so the document cannot drift from
 * what the code does (docs.test.ts fails when it has).
 */
import { AGENCY_TYPE_LABELS, type AgencyType, ROLE_LABELS } from '../access/types.ts';
import { listInWords } from './common.ts';
import {
  type Cadence,
  MEETING_TYPES,
  MEETINGS_CONFIG,
  type MeetingsConfig,
  TRIAGE_RULES,
  type TriageRule,
} from './config.ts';
import { SHAREABLE_CHECK } from './shareable-check.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const agencies = (list: readonly AgencyType[]) => list.map((a) => AGENCY_TYPE_LABELS[a]).join(', ');

function cadence(c: Cadence): string {
  if (c.kind === 'as_needed') return `As needed. ${c.note}`;
  if (c.kind === 'monthly') return `Monthly. ${c.note}`;
  return `Every ${c.weeks} weeks`;
}

export const TRIAGE_RULE_NAMES = {
  mace_risk_assessment: 'MACE risk assessment new or changed',
  level_of_concern: 'Level of concern changed',
  missing_episodes: 'Went missing repeatedly',
  new_connections: 'New connections',
  overdue_actions: 'Actions overdue',
  raised_by_agency: 'Raised by an agency',
  new_links: 'Context linked to more children',
  linked_children_on_list: 'Context linked to children on the list',
} as const satisfies Record<TriageRule, string>;

function ruleSetting(config: MeetingsConfig, rule: TriageRule): string {
  const r = config.triage.rules;
  const off = (enabled: boolean, text: string) => (enabled ? text : `Off (${text})`);
  switch (rule) {
    case 'mace_risk_assessment':
      return off(r.mace_risk_assessment.enabled, 'Completed or changed since the last triage');
    case 'level_of_concern':
      return off(r.level_of_concern.enabled, 'Recorded as a different level since the last triage');
    case 'missing_episodes': {
      const m = r.missing_episodes;
      const fresh = m.requireEpisodeSinceLastTriage ? ', at least one since the last triage' : '';
      return off(m.enabled, `${m.episodes} or more episodes in ${m.withinDays} days${fresh}`);
    }
    case 'new_connections':
      return off(
        r.new_connections.enabled,
        `${r.new_connections.minimum} or more recorded since the last triage`,
      );
    case 'overdue_actions':
      return off(
        r.overdue_actions.enabled,
        `${r.overdue_actions.minimum} or more open actions past their due date`,
      );
    case 'raised_by_agency':
      return off(
        r.raised_by_agency.enabled,
        'Any agency asked since the last triage (children and contexts)',
      );
    case 'new_links':
      return off(
        r.new_links.enabled,
        `A context linked to ${r.new_links.minimum} or more children since the last triage`,
      );
    case 'linked_children_on_list':
      return off(
        r.linked_children_on_list.enabled,
        `A context linked to ${r.linked_children_on_list.minimum} or more children on the same list`,
      );
  }
}

export function renderMeetingsConfig(config: MeetingsConfig = MEETINGS_CONFIG): string {
  const parts: string[] = [`## Configuration version ${config.version}`, `Source: ${config.source}.`];

  parts.push('### Meeting types and terms of reference');
  for (const type of MEETING_TYPES) {
    const t = config.meetingTypes[type];
    const tor = t.termsOfReference;
    const chair = (c: typeof tor.chair) =>
      `${listInWords(
        c.roles.map((r) => ROLE_LABELS[r]),
        'or',
      )} in ${listInWords(
        c.agencyTypes.map((a) => AGENCY_TYPE_LABELS[a]),
        'or',
      )}`;
    parts.push(
      `#### ${t.label} (\`${type}\`)`,
      t.description,
      table(
        ['Setting', 'Value', 'Source'],
        [
          ['About', t.scope === 'one_child' ? 'One child' : 'Many children and contexts', ''],
          ['Cadence', cadence(t.cadence), t.cadence.source],
          ['Chair', chair(tor.chair), tor.chair.source],
          ...(tor.viceChair ? [['Vice-chair', chair(tor.viceChair), tor.viceChair.source]] : []),
          ['Core agencies', agencies(tor.coreAgencies), ''],
          ['Quorum', agencies(tor.quorum.agencies), tor.quorum.source],
          ['Young person and family take part', t.youngPersonAndFamilyTakePart ? 'Yes' : 'No', ''],
        ],
      ),
      table(
        ['Purpose and outputs', 'Source'],
        [
          ...tor.purpose.map((p) => [`Purpose: ${p.text}`, p.source]),
          ...tor.outputs.map((o) => [`Output: ${o.text}`, o.source]),
          [`Information sharing: ${tor.informationSharing.text}`, tor.informationSharing.source],
        ],
      ),
    );
  }

  parts.push(
    '### Triage rules',
    `Source: ${config.triage.source}.`,
    table(
      ['Rule', 'Id', 'Lists a child or context when', 'Source'],
      TRIAGE_RULES.map((rule) => [
        TRIAGE_RULE_NAMES[rule],
        `\`${rule}\``,
        ruleSetting(config, rule),
        config.triage.rules[rule].source,
      ]),
    ),
    'Levels of concern, least serious first (used only to order the list):',
    table(
      ['Id', 'Level'],
      config.triage.levelsOfConcern.map((l) => [`\`${l.id}\``, l.label]),
    ),
    '### Lawful bases for information shared',
    table(
      ['Id', 'Basis', 'Meaning', 'Records who consented', 'Source'],
      config.lawfulBases.map((b) => [
        `\`${b.id}\``,
        b.label,
        b.description,
        b.isConsent ? 'yes' : 'no',
        b.source,
      ]),
    ),
    '### Participation',
    `Source: ${config.participation.source}.`,
    `Offer the young person the option of taking part from age ${config.participation.offerFromAge}. ` +
      `Remind the worker when nobody has recorded telling them the outcome ${config.participation.tellOutcomeWithinDays} ` +
      'days after the meeting.',
    table(
      ['Id', 'Reason they were not invited', 'Source'],
      config.participation.notInvitedReasons.map((r) => [`\`${r.id}\``, r.label, r.source]),
    ),
    table(
      ['Id', 'How they were told the outcome'],
      config.participation.toldOutcomeHow.map((h) => [`\`${h.id}\``, h.label]),
    ),
    '### The statutory-plan rule',
    `Source: ${config.statutoryPlans.source}.`,
    table(
      ['Id', 'Plan', 'MACE runs alongside it'],
      (Object.keys(config.statutoryPlans.names) as (keyof typeof config.statutoryPlans.names)[]).map((p) => [
        `\`${p}\``,
        config.statutoryPlans.names[p],
        config.statutoryPlans.qualifying.includes(p) ? 'yes' : 'no: an immediate referral task is raised',
      ]),
    ),
    '### Actions and the shareable check',
    table(
      ['Setting', 'Value', 'Source'],
      [
        [
          'Escalate an overdue action',
          `${config.actions.escalateWhenOverdueByDays} day(s) after its due date, to: ` +
            config.actions.notify
              .map((n) => (n === 'meeting_chair' ? 'the meeting chair' : "the owner's manager"))
              .join(', '),
          config.actions.source,
        ],
        [
          'Shareable minutes must not quote restricted text',
          `${SHAREABLE_CHECK.minWords} or more consecutive words (ignoring ${SHAREABLE_CHECK.ignoredWords.join(', ')}), ` +
            'or a registration, phone number, email address, online handle or postcode held in restricted text',
          SHAREABLE_CHECK.source,
        ],
      ],
    ),
  );
  return parts.join('\n\n');
}
