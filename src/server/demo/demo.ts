import type { Kysely } from 'kysely';
import type { AgencyType, Role } from '../../domain/access/types.ts';
import { appendAudit } from '../audit/audit.ts';
import { SYSTEM_ACTOR } from '../audit/events.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { createAgency, createTeam, createUser } from '../platform/accounts.ts';
import { loadCases } from './cases.ts';
import { nestable } from './nested.ts';

/**
 * The demo partnership: fictional agencies, teams and people in the fictional borough of Fernbridge,
 * and their case data (cases.ts). Every name is invented; email addresses use the reserved .example
 * domain.
 */
export const DEMO_PASSWORD = 'fernbridge demo partnership';

interface DemoAgency {
  key: string;
  name: string;
  type: AgencyType;
  teams: string[];
}

const AGENCIES: DemoAgency[] = [
  {
    key: 'csc',
    name: 'Fernbridge Children’s Services',
    type: 'childrens_social_care',
    teams: ['Front Door', 'Child Exploitation Team'],
  },
  {
    key: 'police',
    name: 'Fernbridge Police',
    type: 'police',
    teams: ['Exploitation Intelligence Unit', 'Missing Persons Team'],
  },
  {
    key: 'health',
    name: 'Fernbridge Health Trust',
    type: 'health',
    teams: ['Safeguarding Children Team', 'Sexual Health Service'],
  },
  { key: 'school', name: 'Fernbridge Academy', type: 'education', teams: ['Pastoral Team'] },
  { key: 'yjs', name: 'Fernbridge Youth Justice Service', type: 'youth_justice', teams: ['Case Management'] },
  {
    key: 'vol',
    name: 'Safe Steps Fernbridge',
    type: 'voluntary_sector',
    teams: ['Young People’s Advocates'],
  },
  {
    key: 'partnership',
    name: 'Fernbridge Safeguarding Partnership',
    type: 'other',
    teams: ['Business Support'],
  },
];

export interface DemoAccount {
  name: string;
  email: string;
  agency: string;
  roles: Role[];
  teams: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    name: 'Robin Achebe',
    email: 'admin@fernbridge.example',
    agency: 'partnership',
    roles: ['administrator'],
    teams: ['Business Support'],
  },
  {
    name: 'Hannah Okoro',
    email: 'hannah.okoro@fernbridge.example',
    agency: 'partnership',
    roles: ['data_protection_officer'],
    teams: [],
  },
  {
    name: 'Idris Fenwick',
    email: 'idris.fenwick@fernbridge.example',
    agency: 'partnership',
    roles: ['analyst'],
    teams: [],
  },
  {
    name: 'Alex Morgan',
    email: 'alex.morgan@fernbridge.example',
    agency: 'csc',
    roles: ['practitioner'],
    teams: ['Child Exploitation Team'],
  },
  {
    name: 'Bea Lindqvist',
    email: 'bea.lindqvist@fernbridge.example',
    agency: 'csc',
    roles: ['practitioner'],
    teams: ['Front Door'],
  },
  {
    name: 'Jordan Blake',
    email: 'jordan.blake@fernbridge.example',
    agency: 'csc',
    roles: ['manager'],
    teams: ['Child Exploitation Team'],
  },
  {
    name: 'Sam Carter',
    email: 'sam.carter@fernbridge.example',
    agency: 'csc',
    roles: ['manager', 'mace_chair'],
    teams: ['Front Door'],
  },
  {
    name: 'Priya Shah',
    email: 'priya.shah@fernbridge-police.example',
    agency: 'police',
    roles: ['intelligence_officer'],
    teams: ['Exploitation Intelligence Unit'],
  },
  {
    name: 'Dan Hughes',
    email: 'dan.hughes@fernbridge-police.example',
    agency: 'police',
    roles: ['practitioner'],
    teams: ['Missing Persons Team'],
  },
  {
    name: 'Nia Evans',
    email: 'nia.evans@fernbridge-health.example',
    agency: 'health',
    roles: ['practitioner'],
    teams: ['Sexual Health Service'],
  },
  {
    name: 'Tom Reed',
    email: 'tom.reed@fernbridge-school.example',
    agency: 'school',
    roles: ['referrer'],
    teams: ['Pastoral Team'],
  },
  {
    name: 'Kemi Adeyemi',
    email: 'kemi.adeyemi@fernbridge-yjs.example',
    agency: 'yjs',
    roles: ['practitioner'],
    teams: ['Case Management'],
  },
  {
    name: 'Leo Marsh',
    email: 'leo.marsh@safesteps.example',
    agency: 'vol',
    roles: ['practitioner'],
    teams: ['Young People’s Advocates'],
  },
];

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * Loads the demo partnership into an empty database, in one transaction: everything or nothing. Refuses
 * a database that already has users (two loads racing on one server database: the second fails on the
 * accounts' unique emails and rolls back whole).
 */
export async function loadDemo(
  db: Kysely<DB>,
  options: { password?: string; onProgress?: (message: string) => void } = {},
): Promise<DemoAccount[]> {
  const progress = options.onProgress ?? (() => {});
  if (!(await isEmpty(db))) {
    throw new AppError(
      'conflict',
      'The database already has users: the demo partnership loads only into an empty database.',
    );
  }
  const password = options.password ?? DEMO_PASSWORD;
  // One transaction: the partnership and its case data load completely, or not at all.
  await db.transaction().execute(async (trx) => {
    const tdb = nestable(trx);
    const agencyIds = new Map<string, string>();
    const teamIds = new Map<string, string>();
    for (const agency of AGENCIES) {
      progress(`Agency: ${agency.name}`);
      const created = await createAgency(tdb, SYSTEM_ACTOR, { name: agency.name, type: agency.type });
      agencyIds.set(agency.key, created.id);
      for (const team of agency.teams) {
        const t = await createTeam(tdb, SYSTEM_ACTOR, { agencyId: created.id, name: team });
        teamIds.set(`${agency.key}/${team}`, t.id);
      }
    }
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      progress(`User ${index + 1}/${DEMO_ACCOUNTS.length}: ${account.email}`);
      await createUser(tdb, SYSTEM_ACTOR, {
        name: account.name,
        email: account.email,
        agencyId: agencyIds.get(account.agency) as string,
        roles: account.roles,
        teamIds: account.teams.map((t) => teamIds.get(`${account.agency}/${t}`) as string),
        password,
      });
    }
    const cases = await loadCases(tdb, progress);
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: 'demo.loaded',
      recordType: 'partnership',
      details: { accounts: DEMO_ACCOUNTS.length, ...cases },
    });
  });
  return DEMO_ACCOUNTS;
}
