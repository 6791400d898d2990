import { Command, Option } from 'commander';
import { ROLES, type Role } from '../domain/access/types.ts';
import { appendAudit, describeProblem, verifyAuditLog } from '../server/audit/audit.ts';
import { loadConfig } from '../server/config.ts';
import { DEMO_PASSWORD, loadDemo } from '../server/demo/demo.ts';
import {
  createUser,
  findUserIdByEmail,
  listAgencies,
  listTeams,
  listUsers,
  resetMfa,
  setUserActive,
} from '../server/platform/accounts.ts';
import { startServer } from '../server/server.ts';
import { withDatabase } from './database.ts';
import { languageCommand } from './language.ts';
import { CliError, progress, run } from './output.ts';

const cliActor = (command: string) => ({ userId: null, agencyId: null, requestId: `cli:${command}` });

const program = new Command('lantern')
  .description(
    'Lantern: case, assessment and intelligence system for a multi-agency child exploitation partnership',
  )
  // A mistake on the command line is reported like any other failure: one line with the reason.
  .configureOutput({ outputError: (message, write) => write(`lantern: ${message.replace(/^error: /, '')}`) });

program
  .command('serve')
  .description('Start Lantern (web app and API) on PORT, migrating the database first')
  .option('--demo-if-empty', 'load the demo partnership when the database has no users')
  .action((opts: { demoIfEmpty?: boolean }) =>
    run(async () => {
      const config = loadConfig();
      const server = await startServer(config, { demoIfEmpty: !!opts.demoIfEmpty, onProgress: progress });
      progress(`Lantern is running at ${server.url}`);
      if (opts.demoIfEmpty) progress(`Demo accounts use the password "${DEMO_PASSWORD}" (see the README).`);
      const stop = async (signal: string) => {
        progress(`${signal}: stopping`);
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    }),
  );

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(() =>
    run(async () => {
      await withDatabase(loadConfig(), async (database) => {
        progress(`Database ${database.kind} (${database.location}) is up to date`);
      });
    }),
  );

program
  .command('demo')
  .description('Load the fictional Fernbridge partnership into an empty database and print the accounts')
  .option('--password <password>', 'password for every demo account', DEMO_PASSWORD)
  .action((opts: { password: string }) =>
    run(async () => {
      await withDatabase(loadConfig(), async ({ db }) => {
        const accounts = await loadDemo(db, { password: opts.password, onProgress: progress });
        console.log(`Demo partnership loaded. Every account's password: ${opts.password}\n`);
        console.log(
          table(
            accounts.map((a) => [a.email, a.name, a.roles.join(', ')]),
            ['Email', 'Name', 'Roles'],
          ),
        );
      });
    }),
  );

const users = program.command('users').description('Manage user accounts');

users
  .command('list')
  .description('List user accounts')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) =>
    run(async () => {
      await withDatabase(loadConfig(), async ({ db }) => {
        const list = await listUsers(db, 'all');
        if (opts.json) {
          console.log(JSON.stringify(list, null, 2));
          return;
        }
        if (!list.length) {
          console.log(
            'No user accounts yet. Add one with `lantern users add` or load the demo with `lantern demo`.',
          );
          return;
        }
        console.log(
          table(
            list.map((u) => [
              u.email,
              u.name,
              u.agency.name,
              u.roles.join(', '),
              u.active ? 'active' : 'disabled',
              u.mfaEnrolled ? 'yes' : 'no',
            ]),
            ['Email', 'Name', 'Agency', 'Roles', 'Status', 'MFA'],
          ),
        );
      });
    }),
  );

users
  .command('add')
  .description('Add a user account (prints a temporary password unless --password is given)')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--email <email>', 'email address (the sign-in name)')
  .requiredOption('--agency <agency>', 'agency name or id')
  .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory())
  .option('--team <team...>', 'team names within the agency')
  .option('--password <password>', 'an initial password (otherwise a temporary one is generated)')
  .action(
    (opts: {
      name: string;
      email: string;
      agency: string;
      role: Role[];
      team?: string[];
      password?: string;
    }) =>
      run(async () => {
        await withDatabase(loadConfig(), async ({ db }) => {
          const agencies = await listAgencies(db);
          const agency = agencies.find(
            (a) => a.id === opts.agency || a.name.toLowerCase() === opts.agency.toLowerCase(),
          );
          if (!agency)
            throw new CliError(
              `no agency called "${opts.agency}" (agencies: ${agencies.map((a) => a.name).join(', ') || 'none'})`,
            );
          const teams = await listTeams(db, 'all', agency.id);
          const teamIds = (opts.team ?? []).map((name) => {
            const team = teams.find((t) => t.name.toLowerCase() === name.toLowerCase());
            if (!team) throw new CliError(`${agency.name} has no team called "${name}"`);
            return team.id;
          });
          const email = opts.email.trim().toLowerCase();
          const { temporaryPassword } = await createUser(db, cliActor('users add'), {
            name: opts.name,
            email,
            agencyId: agency.id,
            roles: opts.role,
            teamIds,
            ...(opts.password !== undefined ? { password: opts.password } : {}),
          });
          console.log(`Added ${email} to ${agency.name}.`);
          if (temporaryPassword)
            console.log(`Temporary password (shown once; they must change it): ${temporaryPassword}`);
        });
      }),
  );

for (const [name, description, act] of [
  [
    'disable',
    'Disable an account and end its sessions',
    (db: Parameters<typeof setUserActive>[0], id: string) =>
      setUserActive(db, cliActor('users disable'), id, false),
  ],
  [
    'enable',
    'Enable an account and clear its lockout',
    (db: Parameters<typeof setUserActive>[0], id: string) =>
      setUserActive(db, cliActor('users enable'), id, true),
  ],
  [
    'reset-mfa',
    'Reset an account’s two-factor authentication',
    (db: Parameters<typeof setUserActive>[0], id: string) => resetMfa(db, cliActor('users reset-mfa'), id),
  ],
] as const) {
  users
    .command(`${name} <email>`)
    .description(description)
    .action((email: string) =>
      run(async () => {
        await withDatabase(loadConfig(), async ({ db }) => {
          const id = await findUserIdByEmail(db, email);
          if (!id) throw new CliError(`no account with the email ${email}`);
          await act(db, id);
          console.log(
            `${name === 'reset-mfa' ? 'Reset two-factor authentication for' : name === 'disable' ? 'Disabled' : 'Enabled'} ${email}.`,
          );
        });
      }),
    );
}

const audit = program.command('audit').description('The tamper-evident audit log');

audit
  .command('verify')
  .description('Check the whole hash chain; exit status 0 only when it is intact')
  .action(() =>
    run(async () => {
      await withDatabase(loadConfig(), async ({ db }) => {
        const result = await verifyAuditLog(db, (checked, total) =>
          progress(`Checked ${checked} of ${total} entries`),
        );
        if (result.problem) {
          throw new CliError(`audit log is NOT intact: ${describeProblem(result.problem)}`);
        }
        await db.transaction().execute((trx) =>
          appendAudit(trx, cliActor('audit verify'), {
            action: 'audit.verified',
            recordType: 'audit_log',
            details: { entries: result.entries, headHash: result.headHash },
          }),
        );
        console.log(`Audit log intact: ${result.entries} entries. Head hash ${result.headHash}`);
      });
    }),
  );

program.addCommand(languageCommand());

function table(rows: string[][], headings: string[]): string {
  const all = [headings, ...rows];
  const widths = headings.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headings), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

await program.parseAsync(process.argv);
