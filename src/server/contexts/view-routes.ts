/**
 * The network view, the MACE group view and merges: the HTTP API. The visibility of every record and
 * link is decided in SQL for the caller (visibility.ts); these routes only pass the caller's filters.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { decideMergeProposal, loadMerges, proposeMerge, undoMerge } from './merges.ts';
import {
  DecideMergeBody,
  Groups,
  GroupsQuery,
  IdParams,
  Merge,
  MergesQuery,
  Network,
  NetworkQuery,
  ProposeMergeBody,
  UndoMergeBody,
} from './schemas.ts';
import { groupsView, networkView } from './views.ts';

const tags = ['contexts'];
const OneMerge = z.object({ merge: Merge });

export function contextViewRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });

  r.get('/api/network', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The network around a child, person of concern or place to N steps, filtered by date, kind and grade: only what you may see, with nothing to show what you may not',
      querystring: NetworkQuery,
      response: { 200: Network },
    },
    handler: async (request) => {
      const q = request.query;
      return networkView(ctx(request), {
        centre: q.centre,
        steps: q.steps,
        from: q.from,
        to: q.to,
        kinds: q.kinds,
        minSource: q.minSource,
        minIntelligence: q.minIntelligence,
        outOfView: q.outOfView === 'true',
      });
    },
  });

  r.get('/api/contexts/groups', {
    config: signedIn('context.read'),
    schema: {
      tags,
      summary:
        'For MACE: connected groups of children who share persons of concern, places or peer groups, with levels of concern and open actions; and the places and persons linked to most children, with the caveat',
      querystring: GroupsQuery,
      response: { 200: Groups },
    },
    handler: async (request) =>
      groupsView(ctx(request), {
        ...request.query,
        throughContextLinks: request.query.throughContextLinks === 'true',
      }),
  });

  r.get('/api/contexts/merges', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Merge proposals and decisions between records you can see',
      querystring: MergesQuery,
      response: { 200: z.object({ merges: z.array(Merge) }) },
    },
    handler: async (request) => ({
      merges: await loadMerges(
        db,
        authOf(request).viewer,
        request.query.status ? { status: request.query.status } : {},
      ),
    }),
  });

  r.post('/api/contexts/merges', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Propose that two records are the same (the matcher’s reasons are attached); someone authorised confirms',
      body: ProposeMergeBody,
      response: { 201: OneMerge },
    },
    handler: async (request, reply) => reply.code(201).send(await proposeMerge(ctx(request), request.body)),
  });

  r.post('/api/contexts/merges/:id/decision', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Confirm a merge (links and disruption move to the kept record) or reject it with the reason',
      params: IdParams,
      body: DecideMergeBody,
      response: { 200: OneMerge },
    },
    handler: async (request) => decideMergeProposal(ctx(request), request.params.id, request.body),
  });

  r.post('/api/contexts/merges/:id/undo', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Undo a confirmed merge: everything it moved goes back',
      params: IdParams,
      body: UndoMergeBody,
      response: { 200: OneMerge },
    },
    handler: async (request) => undoMerge(ctx(request), request.params.id, request.body),
  });
}
