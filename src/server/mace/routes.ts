/**
 * Meetings (issue 5): the HTTP API. The meeting record itself is checked by the domain's schema in the
 * service, so the body schemas here describe the envelope and the refusals carry the domain's messages.
 * Who may convene, run or attend a meeting is decided per meeting (`mayManage`, `mayAttend`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTEXT_KIND_INFO, CONTEXT_KINDS } from '../../domain/contexts/kinds.ts';
import {
  ACTION_STATUSES,
  MEETING_TYPES,
  MEETINGS_CONFIG,
  PARTICIPATION_NAMES,
  TRIAGE_DECISION_NAMES,
  VIEWS_SHARED_NAMES,
} from '../../domain/mace/index.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { createMeeting, type MaceCtx, saveMeeting } from './meetings.ts';
import { ownCopy, sendPack } from './packs.ts';
import { carryActionOver, runEscalations, tracker } from './tracker.ts';
import { decideTriage, triageList } from './triage.ts';
import {
  invitablePeople,
  listMeetings,
  meetingPermissions,
  readMeeting,
  recordParticipation,
} from './views.ts';

const tags = ['meetings'];
const Id = z.object({ id: z.uuid() });
const Obj = z.record(z.string(), z.unknown());
const MeetingBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
  })
  .catchall(z.unknown())
  .describe(
    'A meeting record: type, groupId (optional when convening: the child for a strategy or review meeting, the partnership MACE group otherwise), childId (strategy and review), startsAt, endsAt, chair, agenda, invitations, ' +
      'attendance, informationShared, minutes, decisions, actions. Checked by the meeting rules: see docs/mace.md.',
  );
const Summary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  type: z.enum(MEETING_TYPES),
  typeLabel: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  chairName: z.string(),
});
const KindQuery = z.object({ kind: z.enum(['pack', 'minutes']).default('pack') });
const boolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export function maceRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest): MaceCtx => {
    const auth = authOf(request);
    return {
      db,
      actor: actorOf(request),
      viewer: auth.viewer,
      user: { id: auth.user.id, name: auth.user.name, agencyId: auth.user.agency.id },
    };
  };

  r.get('/api/mace/config', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The meeting types with their terms of reference, lawful bases and option lists',
      response: { 200: Obj },
    },
    handler: async () => ({
      ...(JSON.parse(JSON.stringify(MEETINGS_CONFIG)) as Record<string, unknown>),
      // The names of the choices the forms offer, in the domain's words.
      options: {
        participation: PARTICIPATION_NAMES,
        viewsShared: VIEWS_SHARED_NAMES,
        triageDecisions: TRIAGE_DECISION_NAMES,
        contextKinds: Object.fromEntries(CONTEXT_KINDS.map((k) => [k, CONTEXT_KIND_INFO[k].name])),
      },
    }),
  });

  r.get('/api/mace/meetings', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The meetings the caller convenes, chairs or is invited to',
      response: {
        200: z.object({
          meetings: z.array(Summary.extend({ agendaItems: z.number(), openActions: z.number() })),
          permissions: z
            .object({
              convene: z.array(z.enum(MEETING_TYPES)),
              triage: z.boolean(),
              escalate: z.boolean(),
            })
            .describe(
              'What the caller may do: the meeting types they may convene (a strategy or review meeting only for a child whose case they carry), prepare the triage list, escalate overdue actions',
            ),
        }),
      },
    },
    handler: async (request) => ({
      meetings: await listMeetings(ctx(request)),
      permissions: await meetingPermissions(ctx(request)),
    }),
  });

  r.get('/api/mace/people', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The people who can be invited to a meeting, with their agency (for someone who convenes meetings)',
      response: {
        200: z.object({
          people: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              agencyId: z.string(),
              agencyName: z.string(),
              agencyType: z.string(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => ({ people: await invitablePeople(ctx(request)) }),
  });

  r.post('/api/mace/meetings', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Convene a meeting with its agenda and invitations; a child on a MACE agenda without a statutory plan raises an immediate referral task',
      body: MeetingBody,
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) =>
      reply.code(201).send({ id: await createMeeting(ctx(request), request.body) }),
  });

  r.get('/api/mace/meetings/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'One meeting: the whole record for its chair, or the member’s own redacted copy',
      params: Id,
      response: {
        200: Summary.extend({
          canManage: z.boolean(),
          record: Obj.nullable(),
          withheld: z.number(),
          copy: Obj.nullable(),
          sharedContexts: z.array(Obj),
          quorum: Obj.nullable(),
          participation: z.array(Obj),
          sendings: z.array(Obj),
        }),
      },
    },
    handler: async (request) => readMeeting(ctx(request), request.params.id),
  });

  r.put('/api/mace/meetings/:id', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Save the meeting record as it is run and minuted (attendance, information shared, minutes, decisions, actions); a new time is checked against the scheduling rule',
      params: Id,
      body: MeetingBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await saveMeeting(ctx(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/mace/meetings/:id/participation', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record how the young person or a family member took part in their own meeting, and when and by whom they were told the outcome',
      params: Id,
      body: Obj,
      response: { 201: Obj },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await recordParticipation(ctx(request), request.params.id, request.body)),
  });

  r.get('/api/mace/meetings/:id/pack.pdf', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The caller’s own copy of the meeting pack or minutes as a PDF, redacted for them',
      params: Id,
      querystring: KindQuery,
    },
    handler: async (request, reply) => {
      const { pdf } = await ownCopy(ctx(request), request.params.id, request.query.kind);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${request.query.kind}-${request.params.id}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  r.post('/api/mace/meetings/:id/send', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Send every invited person their own redacted copy of the pack or minutes, and record what each copy held',
      params: Id,
      body: KindQuery,
      response: {
        200: z.object({
          sent: z.array(
            z.object({
              recipient: z.object({ userId: z.string(), name: z.string(), agencyName: z.string() }),
              includedIds: z.array(z.string()),
              textSha256: z.string(),
              sentAt: z.string(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => ({
      sent: await sendPack(ctx(request), request.params.id, request.body.kind),
    }),
  });

  r.post('/api/mace/meetings/:id/carry-over', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Carry an open action to a later meeting: it counts one more carry-over',
      params: Id,
      body: z.strictObject({
        actionId: z.uuid(),
        toMeetingId: z.uuid(),
        newDueDate: z.iso.date().optional(),
      }),
      response: { 200: z.object({ actionId: z.string(), carriedOver: z.number(), dueDate: z.string() }) },
    },
    handler: async (request) => carryActionOver(ctx(request), request.params.id, request.body),
  });

  r.get('/api/mace/actions', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The action tracker across all meetings, filterable by agency, owner, child, status, overdue and carried over',
      querystring: z.object({
        agencyId: z.uuid().optional(),
        ownerId: z.uuid().optional(),
        childId: z.uuid().optional(),
        status: z.enum(ACTION_STATUSES).optional(),
        overdue: boolQuery,
        carriedOver: boolQuery,
      }),
      response: { 200: z.object({ actions: z.array(Obj) }) },
    },
    handler: async (request) => {
      const q = request.query;
      const rows = await tracker(db, actorOf(request), authOf(request).viewer, {
        ...(q.agencyId ? { agencyId: q.agencyId } : {}),
        ...(q.ownerId ? { ownerId: q.ownerId } : {}),
        ...(q.childId ? { childId: q.childId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
        ...(q.carriedOver !== undefined ? { carriedOver: q.carriedOver } : {}),
      });
      return { actions: rows.map((a) => JSON.parse(JSON.stringify(a)) as Record<string, unknown>) };
    },
  });

  r.post('/api/mace/escalations', {
    config: signedIn('meeting.manage'),
    schema: {
      tags,
      summary:
        'Escalate overdue actions to the chair of the meeting tracking them and the owner’s manager (each told once, by a task)',
      body: z.object({}).optional(),
      response: { 200: z.object({ escalations: z.array(Obj), raised: z.array(Obj) }) },
    },
    handler: async (request) => {
      const out = await runEscalations(ctx(request));
      return JSON.parse(JSON.stringify(out)) as {
        escalations: Record<string, unknown>[];
        raised: Record<string, unknown>[];
      };
    },
  });

  r.get('/api/mace/triage', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'The MACE triage list built from the records, every child and context with all its reasons',
      querystring: z.object({ since: z.iso.datetime({ offset: true }).optional() }),
      response: { 200: Obj },
    },
    handler: async (request) => {
      const since = request.query.since ? new Date(request.query.since) : undefined;
      return JSON.parse(JSON.stringify(await triageList(ctx(request), since))) as Record<string, unknown>;
    },
  });

  r.post('/api/mace/triage/decisions', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Record a triage decision with its reasons; a child sent to MACE without a statutory plan raises an immediate referral task',
      body: Obj,
      response: {
        201: z.object({ id: z.string(), decision: z.string(), referralTaskId: z.string().nullable() }),
      },
    },
    handler: async (request, reply) => reply.code(201).send(await decideTriage(ctx(request), request.body)),
  });
}
