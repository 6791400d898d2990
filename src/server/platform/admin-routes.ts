import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditAlone } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import {
  createAgency,
  createTeam,
  createUser,
  getUser,
  listAgencies,
  listTeams,
  listUsers,
  resetMfa,
  setUserActive,
  teamScopeOf,
  updateAgency,
  updateTeam,
  updateUser,
  userScopeOf,
} from './accounts.ts';
import {
  Agency,
  CreateAgencyBody,
  CreateTeamBody,
  CreateUserBody,
  IdParams,
  Team,
  TeamsQuery,
  UpdateAgencyBody,
  UpdateTeamBody,
  UpdateUserBody,
  UserSummary,
  UsersQuery,
} from './schemas.ts';

/** Administration of the partnership: agencies, teams and user accounts. */
export function adminRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];

  r.get('/api/agencies', {
    config: signedIn('agency.read'),
    schema: { tags, summary: 'List agencies', response: { 200: z.object({ agencies: z.array(Agency) }) } },
    handler: async () => ({ agencies: (await listAgencies(db)) as z.infer<typeof Agency>[] }),
  });

  r.post('/api/agencies', {
    config: signedIn('agency.manage'),
    schema: {
      tags,
      summary: 'Create an agency',
      body: CreateAgencyBody,
      response: { 201: z.object({ agency: Agency }) },
    },
    handler: async (request, reply) => {
      const agency = await createAgency(db, actorOf(request), request.body);
      return reply.code(201).send({ agency: agency as z.infer<typeof Agency> });
    },
  });

  r.patch('/api/agencies/:id', {
    config: signedIn('agency.manage'),
    schema: {
      tags,
      summary: 'Rename, re-type, disable or enable an agency',
      params: IdParams,
      body: UpdateAgencyBody,
      response: { 200: z.object({ agency: Agency }) },
    },
    handler: async (request) => ({
      agency: (await updateAgency(db, actorOf(request), request.params.id, request.body)) as z.infer<
        typeof Agency
      >,
    }),
  });

  r.get('/api/teams', {
    // The policy lets a manager read their own agency's teams: the scope is decided in the handler.
    config: signedIn(),
    schema: {
      tags,
      summary: 'List teams: all for an administrator, your own agency’s for a manager',
      querystring: TeamsQuery,
      response: { 200: z.object({ teams: z.array(Team) }) },
    },
    handler: async (request) => {
      const scope = teamScopeOf(authOf(request).viewer);
      if (!scope) {
        await auditAlone(db, actorOf(request), {
          action: 'access.denied',
          outcome: 'denied',
          details: { attempted: 'team.read' },
        });
        throw new AppError('forbidden', 'You do not have permission to see teams.');
      }
      return { teams: await listTeams(db, scope, request.query.agencyId) };
    },
  });

  r.post('/api/teams', {
    config: signedIn('team.manage'),
    schema: {
      tags,
      summary: 'Create a team in an agency',
      body: CreateTeamBody,
      response: { 201: z.object({ team: Team }) },
    },
    handler: async (request, reply) =>
      reply.code(201).send({ team: await createTeam(db, actorOf(request), request.body) }),
  });

  r.patch('/api/teams/:id', {
    config: signedIn('team.manage'),
    schema: {
      tags,
      summary: 'Rename, disable or enable a team',
      params: IdParams,
      body: UpdateTeamBody,
      response: { 200: z.object({ team: Team }) },
    },
    handler: async (request) => ({
      team: await updateTeam(db, actorOf(request), request.params.id, request.body),
    }),
  });

  r.get('/api/users', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'List user accounts: all for an administrator, your own agency for a manager',
      querystring: UsersQuery,
      response: { 200: z.object({ users: z.array(UserSummary) }) },
    },
    handler: async (request) => {
      const scope = userScopeOf(authOf(request).viewer);
      if (!scope) {
        await auditAlone(db, actorOf(request), {
          action: 'access.denied',
          outcome: 'denied',
          details: { attempted: 'user.read' },
        });
        throw new AppError('forbidden', 'You do not have permission to see user accounts.');
      }
      return { users: await listUsers(db, scope, request.query) };
    },
  });

  r.post('/api/users', {
    config: signedIn('user.manage'),
    schema: {
      tags,
      summary: 'Create a user account; returns a temporary password shown once',
      body: CreateUserBody,
      response: { 201: z.object({ user: UserSummary, temporaryPassword: z.string().nullable() }) },
    },
    handler: async (request, reply) => {
      const { id, temporaryPassword } = await createUser(db, actorOf(request), request.body);
      return reply.code(201).send({ user: await getUser(db, 'all', id), temporaryPassword });
    },
  });

  r.patch('/api/users/:id', {
    config: signedIn('user.manage'),
    schema: {
      tags,
      summary: 'Change a user’s name, roles or teams',
      params: IdParams,
      body: UpdateUserBody,
      response: { 200: z.object({ user: UserSummary }) },
    },
    handler: async (request) => {
      await updateUser(db, actorOf(request), request.params.id, request.body);
      return { user: await getUser(db, 'all', request.params.id) };
    },
  });

  for (const [verb, summary, act] of [
    [
      'disable',
      'Disable an account and end its sessions',
      (id: string, request: Parameters<typeof actorOf>[0]) => setUserActive(db, actorOf(request), id, false),
    ],
    [
      'enable',
      'Enable an account (and clear any lockout)',
      (id: string, request: Parameters<typeof actorOf>[0]) => setUserActive(db, actorOf(request), id, true),
    ],
    [
      'reset-mfa',
      'Reset two-factor authentication: the user sets it up again at next sign-in',
      (id: string, request: Parameters<typeof actorOf>[0]) => resetMfa(db, actorOf(request), id),
    ],
  ] as const) {
    r.post(`/api/users/:id/${verb}`, {
      config: signedIn(verb === 'reset-mfa' ? 'user.reset_mfa' : 'user.manage'),
      schema: { tags, summary, params: IdParams, response: { 200: z.object({ user: UserSummary }) } },
      handler: async (request) => {
        await act(request.params.id, request);
        return { user: await getUser(db, 'all', request.params.id) };
      },
    });
  }
}
