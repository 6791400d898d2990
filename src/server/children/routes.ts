import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { transact } from './access.ts';
import { allocate, endAllocation } from './allocation.ts';
import { addAddress, addRole, endStatutoryStatus, setStatutoryStatus } from './details.ts';
import { proposeMatches, toMatchInput } from './matching.ts';
import { createChild, readChild, searchChildren, updateChild } from './record.ts';
import {
  AddRoleBody,
  AddressInput,
  AllocateBody,
  ChildParams,
  ChildRecord,
  ChildSummary,
  CreateChildBody,
  EndStatusBody,
  MatchBody,
  MatchResult,
  SearchQuery,
  StatutoryStatusBody,
  UpdateChildBody,
  Uuid,
} from './schemas.ts';

const tags = ['children'];
const RecordResponse = z.object({ child: ChildRecord });

/**
 * The child's record. Route-level checks only say "signed in": whether this viewer may read or change
 * this child depends on their relationship to the child, which the service works out from the database.
 */
export function childRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({
    db,
    actor: actorOf(request),
    viewer: authOf(request).viewer,
  });

  r.get('/api/children', {
    config: signedIn('child.search'),
    schema: {
      tags,
      summary: 'Search children by name or known-as name; only records you may read are returned',
      querystring: SearchQuery,
      response: { 200: z.object({ children: z.array(ChildSummary) }) },
    },
    handler: async (request) => ({ children: await searchChildren(ctx(request), request.query.q) }),
  });

  r.post('/api/children/matches', {
    config: signedIn('child.search'),
    schema: {
      tags,
      summary: 'Likely existing records for a described child, ranked, with reasons ("same date of birth")',
      description:
        'Use before creating a record. Only records you may read are proposed. Nothing is merged automatically.',
      body: MatchBody,
      response: { 200: z.object({ matches: z.array(MatchResult) }) },
    },
    handler: async (request) => {
      const { actor, viewer } = ctx(request);
      return transact(db, actor, async (trx) => {
        const matches = await proposeMatches(trx, viewer, toMatchInput(request.body));
        if (matches.length > 0) {
          await appendAudit(trx, actor, {
            action: 'child.matches_viewed',
            details: { childIds: matches.map((m) => m.child.id), context: 'search' },
          });
        }
        return { matches };
      });
    },
  });

  r.post('/api/children', {
    config: signedIn('child.create'),
    schema: {
      tags,
      summary: 'Create a child’s record (refused with 409 while likely matches are unchecked)',
      body: CreateChildBody,
      response: { 201: RecordResponse },
    },
    handler: async (request, reply) => {
      const id = await createChild(ctx(request), request.body);
      return reply.code(201).send({ child: await readChild(ctx(request), id) });
    },
  });

  r.get('/api/children/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'A child’s record, as you may see it, with what you may do',
      params: ChildParams,
      response: { 200: RecordResponse },
    },
    handler: async (request) => ({ child: await readChild(ctx(request), request.params.id) }),
  });

  r.patch('/api/children/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Change a child’s identity and details',
      params: ChildParams,
      body: UpdateChildBody,
      response: { 200: RecordResponse },
    },
    handler: async (request) => {
      await updateChild(ctx(request), request.params.id, request.body);
      return { child: await readChild(ctx(request), request.params.id) };
    },
  });

  r.post('/api/children/:id/addresses', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Add an address; a new current address ends the previous one',
      params: ChildParams,
      body: AddressInput,
      response: { 201: RecordResponse },
    },
    handler: async (request, reply) => {
      await addAddress(ctx(request), request.params.id, request.body);
      return reply.code(201).send({ child: await readChild(ctx(request), request.params.id) });
    },
  });

  r.post('/api/children/:id/roles', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Add a role to the person (family member, person of concern, professional contact); the child role stays first',
      params: ChildParams,
      body: AddRoleBody,
      response: { 201: RecordResponse },
    },
    handler: async (request, reply) => {
      await addRole(ctx(request), request.params.id, request.body);
      return reply.code(201).send({ child: await readChild(ctx(request), request.params.id) });
    },
  });

  r.post('/api/children/:id/statutory-statuses', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Start a statutory status (Early Help, Child in Need, Child Protection, Looked After)',
      params: ChildParams,
      body: StatutoryStatusBody,
      response: { 201: RecordResponse },
    },
    handler: async (request, reply) => {
      await setStatutoryStatus(ctx(request), request.params.id, request.body);
      return reply.code(201).send({ child: await readChild(ctx(request), request.params.id) });
    },
  });

  r.post('/api/children/:id/statutory-statuses/:statusId/end', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'End a statutory status',
      params: z.strictObject({ id: Uuid, statusId: Uuid }),
      body: EndStatusBody,
      response: { 200: RecordResponse },
    },
    handler: async (request) => {
      await endStatutoryStatus(ctx(request), request.params.id, request.params.statusId, request.body);
      return { child: await readChild(ctx(request), request.params.id) };
    },
  });

  r.post('/api/children/:id/professionals', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Allocate a lead worker, specialist co-worker or involved professional',
      params: ChildParams,
      body: AllocateBody,
      response: { 201: RecordResponse },
    },
    handler: async (request, reply) => {
      await allocate(ctx(request), request.params.id, request.body);
      return reply.code(201).send({ child: await readChild(ctx(request), request.params.id) });
    },
  });

  r.post('/api/children/:id/professionals/:allocationId/end', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'End an allocation (the person no longer works with the child)',
      params: z.strictObject({ id: Uuid, allocationId: Uuid }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await endAllocation(ctx(request), request.params.id, request.params.allocationId);
      return reply.code(204).send(null);
    },
  });
}
