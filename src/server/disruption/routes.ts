/**
 * Disruption: the HTTP API. Each route reads schema → authorise → work → present. Who may record or
 * change disruption is decided per record in the services (`disruption.manage` outright, or through a
 * protected child whose case the person carries); a record the caller may not see is 404.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decide } from '../../domain/access/policy.ts';
import {
  APPLICANT_NAMES,
  APPLICANTS,
  ELIGIBILITY_RULES_VERSION,
  MEASURES,
  POLICE_RANKS,
  rulesFor,
  STATUS_NAMES,
} from '../../domain/disruption/index.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { changeDetails, changeStatus, readDisruption, recordBreach, respondToBreach } from './changes.ts';
import { disruptionsFor } from './queries.ts';
import {
  BreachBody,
  BreachParams,
  BreachResponseBody,
  ChangeBody,
  Disruption,
  DisruptionBody,
  Eligibility,
  IdParams,
  ListQuery,
  StatusBody,
  Work,
  WorkQuery,
} from './schemas.ts';
import { checkOnly, createDisruption } from './service.ts';
import { disruptionWorkFor } from './work.ts';

const tags = ['disruption'];
const OneDisruption = z.object({ disruption: Disruption });
const Summary = z.object({
  id: z.string(),
  measure: z.string(),
  measureName: z.string(),
  status: z.string(),
  statusName: z.string(),
  target: z.object({ id: z.string(), name: z.string() }).nullable(),
  expiresOn: z.string().nullable(),
  ownerName: z.string(),
});

const Reference = z.object({
  rulesVersion: z.string(),
  measures: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string(),
      category: z.string(),
      purpose: z.string(),
      against: z.array(z.string()),
      applicants: z.array(z.string()),
      hasConditions: z.boolean(),
      recordsBreaches: z.boolean(),
      namedChildren: z.string(),
      typicalDuration: z.string(),
      rules: z.array(z.object({ id: z.string(), kind: z.string(), message: z.string(), source: z.string() })),
    }),
  ),
  applicants: z.array(z.object({ id: z.string(), name: z.string() })),
  statuses: z.array(z.object({ id: z.string(), name: z.string() })),
  policeRanks: z.array(z.string()),
  permissions: z.object({ record: z.boolean() }),
});

export function disruptionRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });

  r.get('/api/disruption/reference', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The disruption measures of seed 004 Appendix 2 with their eligibility rules and sources',
      response: { 200: Reference },
    },
    handler: async (request) => ({
      rulesVersion: ELIGIBILITY_RULES_VERSION,
      measures: MEASURES.map((m) => ({
        id: m.id,
        name: m.name,
        shortName: m.shortName,
        category: m.category,
        purpose: m.purpose,
        against: [...m.against],
        applicants: [...m.applicants],
        hasConditions: m.hasConditions,
        recordsBreaches: m.recordsBreaches,
        namedChildren: m.namedChildren,
        typicalDuration: m.typicalDuration.text,
        rules: rulesFor(m.id).map((rule) => ({
          id: rule.id,
          kind: rule.kind,
          message: rule.message,
          source: rule.source,
        })),
      })),
      applicants: APPLICANTS.map((id) => ({ id, name: APPLICANT_NAMES[id] })),
      statuses: Object.entries(STATUS_NAMES).map(([id, name]) => ({ id, name })),
      policeRanks: [...POLICE_RANKS],
      permissions: { record: decide(authOf(request).viewer, 'disruption.manage').allowed },
    }),
  });

  r.post('/api/disruption/eligibility', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Check a measure’s eligibility rules against what is known (nothing is saved)',
      body: DisruptionBody,
      response: { 200: z.object({ eligibility: Eligibility }) },
    },
    handler: async (request) => checkOnly(ctx(request), request.body),
  });

  r.get('/api/disruptions', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Disruption against a context or protecting a child, that you may see',
      querystring: ListQuery,
      response: { 200: z.object({ disruptions: z.array(Summary) }) },
    },
    handler: async (request) => ({
      disruptions: await disruptionsFor(db, authOf(request).viewer, {
        ...(request.query.contextId ? { contextId: request.query.contextId } : {}),
        ...(request.query.childId ? { childId: request.query.childId } : {}),
      }),
    }),
  });

  r.get('/api/disruptions/work', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Your disruption work: measures in force expiring soon, and breaches awaiting a response',
      querystring: WorkQuery,
      response: { 200: Work },
    },
    handler: async (request) => disruptionWorkFor(db, authOf(request).viewer, { days: request.query.days }),
  });

  r.post('/api/disruptions', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record a disruption measure against a person, place, business, vehicle or online space, protecting named children; refused naming the rule when it is not eligible',
      body: DisruptionBody,
      response: { 201: OneDisruption },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createDisruption(ctx(request), request.body)),
  });

  r.get('/api/disruptions/:id', {
    config: signedIn(),
    schema: { tags, summary: 'One disruption record', params: IdParams, response: { 200: OneDisruption } },
    handler: async (request) => readDisruption(ctx(request), request.params.id),
  });

  r.patch('/api/disruptions/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Change conditions, expiry, owner or the facts for eligibility',
      params: IdParams,
      body: ChangeBody,
      response: { 200: OneDisruption },
    },
    handler: async (request) => changeDetails(ctx(request), request.params.id, request.body),
  });

  r.post('/api/disruptions/:id/status', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Move the measure on: requested, issued, served, expired, refused, withdrawn, discharged, completed',
      params: IdParams,
      body: StatusBody,
      response: { 200: OneDisruption },
    },
    handler: async (request) => changeStatus(ctx(request), request.params.id, request.body),
  });

  r.post('/api/disruptions/:id/breaches', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Record a breach: when, what happened, and the response when known',
      params: IdParams,
      body: BreachBody,
      response: { 201: OneDisruption },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await recordBreach(ctx(request), request.params.id, request.body)),
  });

  r.patch('/api/disruptions/:id/breaches/:breachId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Record the response to a breach',
      params: BreachParams,
      body: BreachResponseBody,
      response: { 200: OneDisruption },
    },
    handler: async (request) =>
      respondToBreach(ctx(request), request.params.id, request.params.breachId, request.body.response),
  });
}
