/**
 * The plan API: the child's safety and support plan (create, change, objective statuses, agree, every
 * version), and the young person's plain-language plan (generate, edit, record their response).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChildParams } from '../children/schemas.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import {
  editPlainLanguage,
  generatePlainLanguage,
  readPlainLanguage,
  recordResponse,
} from './plain-language.ts';
import { readPlan, readPlans } from './reads.ts';
import {
  Advisories,
  DocParams,
  EditBody,
  ObjectiveParams,
  PlainLanguageView,
  PlanBody,
  PlanParams,
  PlanView,
  ResponseBody,
  StatusBody,
} from './schemas.ts';
import { agreePlan, createPlan, type PlanCtx, setObjectiveStatus, updatePlan } from './service.ts';

const tags = ['plans'];

export function planRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest): PlanCtx => {
    const { user, viewer } = authOf(request);
    return {
      db,
      actor: actorOf(request),
      viewer,
      user: { id: user.id, name: user.name, agency: { id: user.agency.id, name: user.agency.name } },
    };
  };

  r.get('/api/children/:id/plans', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The child’s safety and support plan, as you may see it, and whether you may start one',
      params: ChildParams,
      response: {
        200: z.object({ plans: z.array(PlanView), permissions: z.object({ create: z.boolean() }) }),
      },
    },
    handler: async (request) => readPlans(ctx(request), request.params.id),
  });

  r.post('/api/children/:id/plans', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Make the child’s plan: sections and objectives with owner, agency, due date and status; refused, naming the rule, when harm is suspected or known and disruption is empty, or when an objective aims at the child',
      params: ChildParams,
      body: PlanBody,
      response: { 201: z.object({ plan: PlanView, advisories: Advisories }) },
    },
    handler: async (request, reply) => {
      const { id, advisories } = await createPlan(ctx(request), request.params.id, request.body);
      return reply.code(201).send({ plan: await readPlan(ctx(request), request.params.id, id), advisories });
    },
  });

  r.get('/api/children/:id/plans/:planId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The plan at its current version, or at an earlier one (every version is kept)',
      params: PlanParams,
      querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
      response: { 200: z.object({ plan: PlanView }) },
    },
    handler: async (request) => ({
      plan: await readPlan(ctx(request), request.params.id, request.params.planId, request.query.version),
    }),
  });

  r.put('/api/children/:id/plans/:planId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Change the plan: a new version, checked by the same rules',
      params: PlanParams,
      body: PlanBody,
      response: { 200: z.object({ plan: PlanView, advisories: Advisories }) },
    },
    handler: async (request) => {
      const { advisories } = await updatePlan(
        ctx(request),
        request.params.id,
        request.params.planId,
        request.body,
      );
      return { plan: await readPlan(ctx(request), request.params.id, request.params.planId), advisories };
    },
  });

  r.post('/api/children/:id/plans/:planId/objectives/:objectiveId/status', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Update an objective’s status (done with the date, or no longer needed with the reason)',
      params: ObjectiveParams,
      body: StatusBody,
      response: { 200: z.object({ plan: PlanView }) },
    },
    handler: async (request) => {
      const { id, planId, objectiveId } = request.params;
      await setObjectiveStatus(ctx(request), id, planId, objectiveId, request.body);
      return { plan: await readPlan(ctx(request), id, planId) };
    },
  });

  r.post('/api/children/:id/plans/:planId/agree', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Record that the plan as it stands was agreed (entered in the chronology)',
      params: PlanParams,
      response: { 200: z.object({ plan: PlanView }) },
    },
    handler: async (request) => {
      await agreePlan(ctx(request), request.params.id, request.params.planId);
      return { plan: await readPlan(ctx(request), request.params.id, request.params.planId) };
    },
  });

  r.get('/api/children/:id/plans/:planId/plain-language', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The young person’s plain-language plan (latest), what to check in it, and what they said',
      params: PlanParams,
      response: { 200: PlainLanguageView },
    },
    handler: async (request) => readPlainLanguage(ctx(request), request.params.id, request.params.planId),
  });

  r.post('/api/children/:id/plans/:planId/plain-language', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Generate the young person’s plain-language plan from the current plan (labelled objectives left out)',
      params: PlanParams,
      response: { 201: PlainLanguageView },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await generatePlainLanguage(ctx(request), request.params.id, request.params.planId)),
  });

  r.patch('/api/children/:id/plans/:planId/plain-language/:docId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Edit one section of the plain-language plan (the generated text is kept beside it)',
      params: DocParams,
      body: EditBody,
      response: { 200: PlainLanguageView },
    },
    handler: async (request) => {
      const { id, planId, docId } = request.params;
      return editPlainLanguage(ctx(request), id, planId, docId, request.body);
    },
  });

  r.post('/api/children/:id/plans/:planId/plain-language/:docId/responses', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record that the young person saw their plan, whether they had time to question it, what they said in their words, and whether their views were followed (and why not)',
      params: DocParams,
      body: ResponseBody,
      response: { 201: PlainLanguageView },
    },
    handler: async (request, reply) => {
      const { id, planId, docId } = request.params;
      return reply.code(201).send(await recordResponse(ctx(request), id, planId, docId, request.body));
    },
  });
}
