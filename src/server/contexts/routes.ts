/**
 * Contexts and connections: the HTTP API. Each route reads schema → authorise → work → present.
 * Every route needs a signed-in session; who may see or change what is decided per record in the
 * services (a worker may reach a context through a child whose case they carry), and a record the
 * caller may not see is 404, as if it did not exist.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { addAction, changeAction, saveAssessment } from './assessment.ts';
import { changeLink, createLink, readLink } from './links.ts';
import { changeContext, createContext, findContexts, matchesFor, readContext } from './records.ts';
import { contextReference, Reference } from './reference.ts';
import { domainChecked } from './refusals.ts';
import {
  ActionBody,
  ActionParams,
  ActionStatusBody,
  AssessmentBody,
  Context,
  ContextBody,
  ContextSummary,
  ContextWithMatches,
  CorroborationBody,
  IdParams,
  Link,
  LinkBody,
  Match,
  MatchQuery,
  ReadQuery,
  SearchQuery,
  SightingBody,
  WithdrawBody,
} from './schemas.ts';
import { contextViewRoutes } from './view-routes.ts';

const tags = ['contexts'];
const OneContext = z.object({ context: Context });
const OneLink = z.object({ link: Link });

export function contextRoutes(app: FastifyInstance, appContext: AppContext) {
  const { db } = appContext;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });

  r.get('/api/contexts/reference', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Kinds, link natures, the 3×5×2 grading in plain English, labels and review periods',
      response: { 200: Reference },
    },
    handler: async (request) => contextReference(authOf(request).viewer),
  });

  r.get('/api/contexts', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Search persons of concern, places and other contexts by name, alias, phone, handle, plate or postcode',
      querystring: SearchQuery,
      response: { 200: z.object({ contexts: z.array(ContextSummary) }) },
    },
    handler: async (request) => findContexts(ctx(request), request.query.q, request.query.kind),
  });

  r.post('/api/contexts', {
    config: signedIn(),
    ...domainChecked,
    schema: {
      tags,
      summary:
        'Record a person of concern, place, peer group, online space, vehicle or business (optionally with its first link to a child); returns records that are probably the same',
      body: ContextBody,
      response: { 201: ContextWithMatches },
    },
    handler: async (request, reply) => reply.code(201).send(await createContext(ctx(request), request.body)),
  });

  r.post('/api/contexts/matches', {
    config: signedIn(),
    ...domainChecked,
    schema: {
      tags,
      summary: 'Existing records probably the same as the one being entered, with reasons (nothing is saved)',
      querystring: MatchQuery,
      body: ContextBody,
      response: { 200: z.object({ matches: z.array(Match) }) },
    },
    handler: async (request) => matchesFor(ctx(request), request.body, request.query.exclude ?? null),
  });

  r.get('/api/contexts/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'One context with its links (default view, or every link still on the record), assessment, actions and disruption',
      params: IdParams,
      querystring: ReadQuery,
      response: { 200: OneContext },
    },
    handler: async (request) =>
      readContext(ctx(request), request.params.id, { outOfView: request.query.outOfView === 'true' }),
  });

  r.put('/api/contexts/:id', {
    config: signedIn(),
    ...domainChecked,
    schema: {
      tags,
      summary: 'Change a context record (the whole record, as the form sends it)',
      params: IdParams,
      body: ContextBody,
      response: { 200: ContextWithMatches },
    },
    handler: async (request) => changeContext(ctx(request), request.params.id, request.body),
  });

  r.put('/api/contexts/:id/assessment', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The context’s own assessment, and whether (and why) it should go to MACE',
      params: IdParams,
      body: AssessmentBody,
      response: { 200: OneContext },
    },
    handler: async (request) => saveAssessment(ctx(request), request.params.id, request.body),
  });

  r.post('/api/contexts/:id/actions', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Add an action to the context’s plan: what, who, which agency, by when',
      params: IdParams,
      body: ActionBody,
      response: { 201: OneContext },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await addAction(ctx(request), request.params.id, request.body)),
  });

  r.patch('/api/contexts/:id/actions/:actionId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Mark an action done, no longer needed, or open again',
      params: ActionParams,
      body: ActionStatusBody,
      response: { 200: OneContext },
    },
    handler: async (request) =>
      changeAction(ctx(request), request.params.id, request.params.actionId, request.body),
  });

  r.post('/api/links', {
    config: signedIn(),
    ...domainChecked,
    schema: {
      tags,
      summary:
        'Record a link between a child and a context, or two contexts, with its nature, dates, source, 3×5×2 grade, label and review date',
      body: LinkBody,
      response: { 201: OneLink },
    },
    handler: async (request, reply) => reply.code(201).send(await createLink(ctx(request), request.body)),
  });

  r.get('/api/links/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'One link, with its grade explained and whether it is in the default view and why',
      params: IdParams,
      response: { 200: OneLink },
    },
    handler: async (request) => readLink(ctx(request), request.params.id),
  });

  r.post('/api/links/:id/sightings', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'A new sighting: a later last-seen date (and review date), which brings a link back into view',
      params: IdParams,
      body: SightingBody,
      response: { 200: OneLink },
    },
    handler: async (request) =>
      changeLink(ctx(request), request.params.id, { kind: 'sighting', ...request.body }),
  });

  r.post('/api/links/:id/corroborations', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Corroboration by someone other than the original source: confirms the link',
      params: IdParams,
      body: CorroborationBody,
      response: { 200: OneLink },
    },
    handler: async (request) =>
      changeLink(ctx(request), request.params.id, { kind: 'corroboration', ...request.body }),
  });

  r.post('/api/links/:id/withdraw', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Withdraw a link with the reason: it stays on the record but is never shown as a connection',
      params: IdParams,
      body: WithdrawBody,
      response: { 200: OneLink },
    },
    handler: async (request) =>
      changeLink(ctx(request), request.params.id, { kind: 'withdrawal', reason: request.body.reason }),
  });

  contextViewRoutes(app, appContext);
}
