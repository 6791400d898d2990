import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CLOSURE_REASONS,
  EXCHANGE_GAINERS,
  FLAG_KINDS,
  FLAG_SETTINGS,
  HARM_STATUSES,
  NOT_YET_ENGAGED,
} from '../../domain/children/case-record.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { decideClosure, reopenCase, requestClosure } from './closure.ts';
import { changeHarmStatus, removeFlag, setFlag } from './flags.ts';
import { mergeChildren, undoMerge } from './merge.ts';
import { readChild } from './record.ts';
import { ChildParams, ChildRecord, Label, Uuid } from './schemas.ts';

const RecordResponse = z.object({ child: ChildRecord });
const reason = z.string().trim().min(1).max(2000);
const FlagParams = z.strictObject({ id: Uuid, flagId: Uuid });

const FlagBody = z.strictObject({
  kind: z.enum(FLAG_KINDS),
  otherDescription: z.string().trim().max(500).nullable().optional(),
  powerImbalance: z.string().trim().min(1).max(4000),
  exchange: z.strictObject({
    what: z.string().trim().min(1).max(4000),
    gainedBy: z.array(z.enum(EXCHANGE_GAINERS)).min(1).max(4),
  }),
  ageUnder18: z.boolean(),
  setting: z.enum(FLAG_SETTINGS),
  harmStatus: z.enum(HARM_STATUSES),
  harmRationale: z.string().trim().min(1).max(4000),
  sensitivity: Label.optional(),
});

const ClosureBody = z.strictObject({
  reason: z.enum([...CLOSURE_REASONS, NOT_YET_ENGAGED]),
  detail: z.string().trim().min(1).max(4000),
});

/** Flags and harm status, closure and reopening, merging records. */
export function caseRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });
  const record = async (request: FastifyRequest, id: string) => ({
    child: await readChild(ctx(request), id),
  });

  r.post('/api/children/:id/flags', {
    config: signedIn(),
    schema: {
      tags: ['flags'],
      summary:
        'Set an exploitation flag against the policy definition (power imbalance, exchange, under 18, setting) with harm status suspected or known',
      params: ChildParams,
      body: FlagBody,
      response: { 201: RecordResponse },
    },
    handler: async (request, reply) => {
      await setFlag(ctx(request), request.params.id, request.body);
      return reply.code(201).send(await record(request, request.params.id));
    },
  });

  r.post('/api/children/:id/flags/:flagId/harm-status', {
    config: signedIn(),
    schema: {
      tags: ['flags'],
      summary: 'Change the harm status of a flag (suspected or known), with the rationale; history is kept',
      params: FlagParams,
      body: z.strictObject({
        harmStatus: z.enum(HARM_STATUSES),
        rationale: z.string().trim().min(1).max(4000),
      }),
      response: { 200: RecordResponse },
    },
    handler: async (request) => {
      await changeHarmStatus(ctx(request), request.params.id, request.params.flagId, request.body);
      return record(request, request.params.id);
    },
  });

  r.post('/api/children/:id/flags/:flagId/remove', {
    config: signedIn(),
    schema: {
      tags: ['flags'],
      summary: 'Remove a flag, with the reason (it stays in the history)',
      params: FlagParams,
      body: z.strictObject({ reason }),
      response: { 200: RecordResponse },
    },
    handler: async (request) => {
      await removeFlag(ctx(request), request.params.id, request.params.flagId, request.body);
      return record(request, request.params.id);
    },
  });

  r.post('/api/children/:id/closure', {
    config: signedIn(),
    schema: {
      tags: ['closure'],
      summary:
        'Ask for the case to be closed, with a reason; "services have not yet found a way to engage" keeps it open with an outreach action',
      params: ChildParams,
      body: ClosureBody,
      response: {
        200: z.object({
          outcome: z.enum(['closure_requested', 'kept_open']),
          taskId: z.string().nullable(),
          child: ChildRecord,
        }),
      },
    },
    handler: async (request) => {
      const result = await requestClosure(ctx(request), request.params.id, request.body);
      return { ...result, ...(await record(request, request.params.id)) };
    },
  });

  for (const [verb, approve] of [
    ['approve', true],
    ['decline', false],
  ] as const) {
    r.post(`/api/children/:id/closure/${verb}`, {
      config: signedIn(),
      schema: {
        tags: ['closure'],
        summary: approve
          ? 'Approve the closure (a manager of the agency holding the case)'
          : 'Decline the closure: the case stays open',
        params: ChildParams,
        body: z.strictObject({ note: z.string().trim().max(4000).nullable().optional() }),
        response: { 200: RecordResponse },
      },
      handler: async (request) => {
        await decideClosure(ctx(request), request.params.id, approve, request.body);
        return record(request, request.params.id);
      },
    });
  }

  r.post('/api/children/:id/reopen', {
    config: signedIn(),
    schema: {
      tags: ['closure'],
      summary: 'Reopen a closed case; the history stays',
      params: ChildParams,
      body: z.strictObject({ reason }),
      response: { 200: RecordResponse },
    },
    handler: async (request) => {
      await reopenCase(ctx(request), request.params.id, request.body);
      return record(request, request.params.id);
    },
  });

  r.post('/api/children/:id/merge', {
    config: signedIn(),
    schema: {
      tags: ['children'],
      summary:
        'Merge a duplicate record of the same child into this one (children’s social care managers); can be undone',
      params: ChildParams,
      body: z.strictObject({ duplicateId: Uuid, reason }),
      response: { 201: z.object({ mergeId: z.string(), child: ChildRecord }) },
    },
    handler: async (request, reply) => {
      const mergeId = await mergeChildren(ctx(request), request.params.id, request.body);
      return reply.code(201).send({ mergeId, ...(await record(request, request.params.id)) });
    },
  });

  r.post('/api/children/:id/merges/:mergeId/undo', {
    config: signedIn(),
    schema: {
      tags: ['children'],
      summary: 'Undo a merge: everything that moved goes back to the other record',
      params: z.strictObject({ id: Uuid, mergeId: Uuid }),
      body: z.strictObject({ reason }),
      response: { 200: RecordResponse },
    },
    handler: async (request) => {
      await undoMerge(ctx(request), request.params.id, request.params.mergeId, request.body);
      return record(request, request.params.id);
    },
  });
}
