/**
 * Renders the access rules as Markdown for the data protection officer. The output is the generated part
 * of `docs/access-matrix.md`; `matrix.test.ts` fails when the document no longer matches the tables.
 *
 * The action matrix is printed from the grant table itself (so conditions read as written); the label
 * tables are computed by asking `canSeeLabel`, so they show what the code actually does, including the
 * rule that a label is only visible on a record the viewer may read.
 */

import { ACTION_GROUP_NAMES, ACTION_GROUPS, ACTION_INFO, ACTIONS, type Action } from './actions.ts';
import { canSeeLabel, mfaRequired } from './policy.ts';
import { ACTION_GRANTS, type ActionGrants, type Grant, LABEL_GRANTS, type LabelGrant } from './rules.ts';
import {
  AGENCY_TYPE_LABELS,
  AGENCY_TYPES,
  type AgencyType,
  type ChildRelationship,
  NO_RELATIONSHIP,
  RELATIONSHIP_FLAG,
  RELATIONSHIP_KIND_LABELS,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  ROLE_LABELS,
  ROLES,
  type Role,
  SENSITIVITY_LABEL_NAMES,
  SENSITIVITY_LABELS,
  type SensitivityLabel,
  type Viewer,
} from './types.ts';

const AGENCY_CODES = {
  childrens_social_care: 'CSC',
  police: 'Pol',
  health: 'Hlth',
  education: 'Edu',
  youth_justice: 'YJ',
  voluntary_sector: 'Vol',
  housing: 'Hsg',
  other: 'Oth',
} as const satisfies Record<AgencyType, string>;

const RELATIONSHIP_CODES = {
  lead_worker: 'L',
  co_worker: 'C',
  involved_professional: 'P',
  agency_involved: 'A',
  meeting_member: 'M',
  referrer: 'R',
  break_glass: 'B',
} as const satisfies Record<RelationshipKind, string>;

const ROLE_CODES = {
  referrer: 'Ref',
  practitioner: 'Pr',
  manager: 'Mg',
  mace_chair: 'Ch',
  intelligence_officer: 'IO',
  analyst: 'An',
  data_protection_officer: 'DPO',
  administrator: 'Ad',
} as const satisfies Record<Role, string>;

const ACTION_TABLE: Readonly<Record<Action, ActionGrants>> = ACTION_GRANTS;
const LABEL_TABLE: Readonly<Record<SensitivityLabel, readonly LabelGrant[]>> = LABEL_GRANTS;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(cells: readonly string[]): string {
  return `${row(cells)}\n${row(cells.map(() => '---'))}`;
}

function agencyList(agencies: readonly AgencyType[] | undefined): string {
  return agencies === undefined ? '' : ` [${agencies.map((a) => AGENCY_CODES[a]).join(', ')}]`;
}

function describeGrant(grant: Grant): string {
  const parts: string[] = [];
  if (grant.ownAgency) parts.push('own agency');
  if (grant.ownReferral) parts.push('own referrals');
  if (grant.via) parts.push(grant.via.map((k) => RELATIONSHIP_CODES[k]).join(' '));
  const condition = parts.length === 0 ? '✓' : parts.join(' + ');
  return `${condition}${agencyList(grant.agencies)}`;
}

function describeGrants(grants: readonly Grant[] | undefined): string {
  if (grants === undefined || grants.length === 0) return '—';
  return grants.map(describeGrant).join(' or ');
}

function renderActionMatrix(): string {
  const out: string[] = [];
  for (const group of ACTION_GROUPS) {
    out.push(`### ${ACTION_GROUP_NAMES[group]}`, '');
    out.push(header(['Action', ...ROLES.map((r) => ROLE_LABELS[r])]));
    for (const action of ACTIONS) {
      const info = ACTION_INFO[action];
      if (info.group !== group) continue;
      const name = `\`${action}\`${info.concernsChild ? ' ★' : ''} — ${info.description}`;
      out.push(row([name, ...ROLES.map((role) => describeGrants(ACTION_TABLE[action][role]))]));
    }
    out.push('');
  }
  return out.join('\n');
}

function describeLabelGrant(grant: LabelGrant): string {
  const roles =
    grant.roles.length === ROLES.length ? 'any role' : grant.roles.map((r) => ROLE_LABELS[r]).join(', ');
  const agencies =
    grant.agencies === undefined
      ? ''
      : ` in ${grant.agencies.map((a) => AGENCY_TYPE_LABELS[a]).join(' or ')}`;
  const via =
    grant.via === undefined
      ? ''
      : `, as ${grant.via.map((k) => RELATIONSHIP_KIND_LABELS[k].toLowerCase()).join(' or ')}`;
  return `- ${roles}${agencies}${via}, when they may read the record`;
}

function probe(role: Role, agencyType: AgencyType): Viewer {
  return { userId: 'matrix', agencyId: 'matrix', agencyType, roles: [role], teamIds: [] };
}

function only(kind: RelationshipKind | null): ChildRelationship {
  return kind === null ? NO_RELATIONSHIP : { ...NO_RELATIONSHIP, [RELATIONSHIP_FLAG[kind]]: true };
}

function renderLabelTables(): string {
  const columns: (RelationshipKind | null)[] = [null, ...RELATIONSHIP_KINDS];
  const out: string[] = [];
  for (const label of SENSITIVITY_LABELS) {
    out.push(`### ${SENSITIVITY_LABEL_NAMES[label]} (\`${label}\`)`, '');
    out.push(...LABEL_TABLE[label].map(describeLabelGrant));
    if (label !== 'standard') out.push('- never through break-glass alone');
    out.push('');
    out.push(
      header([
        'Agency type',
        'No relationship',
        ...RELATIONSHIP_KINDS.map((k) => RELATIONSHIP_KIND_LABELS[k]),
      ]),
    );
    for (const agencyType of AGENCY_TYPES) {
      const cells = columns.map((kind) => {
        const roles = ROLES.filter((role) => canSeeLabel(probe(role, agencyType), label, only(kind)));
        return roles.length === 0 ? '—' : roles.map((r) => ROLE_CODES[r]).join(' ');
      });
      out.push(row([AGENCY_TYPE_LABELS[agencyType], ...cells]));
    }
    out.push('');
  }
  return out.join('\n');
}

function renderMfaTable(): string {
  const out = [header(['Role', ...AGENCY_TYPES.map((a) => AGENCY_TYPE_LABELS[a])])];
  for (const role of ROLES) {
    const cells = AGENCY_TYPES.map((agencyType) =>
      mfaRequired({ agencyType, roles: [role] }) ? 'MFA' : '—',
    );
    out.push(row([ROLE_LABELS[role], ...cells]));
  }
  return out.join('\n');
}

function legend<K extends string>(codes: Record<K, string>, names: Record<K, string>): string {
  return (Object.keys(codes) as K[]).map((k) => `${codes[k]} = ${names[k]}`).join(', ');
}

/** The access rules as a readable Markdown matrix (role × action, and label × relationship × agency type). */
export function renderAccessMatrix(): string {
  return [
    '## Who may do what (role × action)',
    '',
    'Each cell lists the ways a role may do the action; any one is enough. `—` means never.',
    '',
    '- `✓` allowed; for an action marked ★ (about one child’s record) this means on any child’s record.',
    `- Relationships to the child: ${legend(RELATIONSHIP_CODES, RELATIONSHIP_KIND_LABELS)}.`,
    `- Agency types in brackets limit the grant to those agencies: ${legend(AGENCY_CODES, AGENCY_TYPE_LABELS)}.`,
    '- `own agency`: the user, team or case belongs to the viewer’s agency.',
    '- `own referrals`: referrals the viewer made.',
    '- A person with several roles may do what any of their roles may do.',
    '',
    renderActionMatrix(),
    '## Who may see labelled information (label × relationship × agency type)',
    '',
    'Each table shows, for a user of that agency type holding exactly that one relationship with the child,',
    'which roles see items with the label. Computed from the policy itself.',
    `Roles: ${legend(ROLE_CODES, ROLE_LABELS)}.`,
    '',
    renderLabelTables(),
    '## Who must use multi-factor authentication',
    '',
    'Required for every role that can see anything beyond standard information on some child, and for',
    'administrators and data protection officers.',
    '',
    renderMfaTable(),
    '',
  ].join('\n');
}
