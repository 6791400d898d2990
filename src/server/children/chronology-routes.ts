import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { permissionsFor } from '../../domain/access/policy.ts';
import { CHRONOLOGY_KINDS, VERIFICATION_STATUSES } from '../../domain/children/case-record.ts';
import { appendAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { openChild, transact } from './access.ts';
import {
  addEvent,
  type ChronologyFilter,
  loadChronology,
  readChronology,
  setVerification,
} from './chronology.ts';
import { chronologyPdf } from './chronology-pdf.ts';
import { displayName } from './presenter.ts';
import { loadPerson } from './record-queries.ts';
import { ChildParams, IsoDate, IsoDateTime, Label, Uuid } from './schemas.ts';

const tags = ['chronology'];
const Ref = z.object({ id: z.string(), name: z.string() });

export const ChronologyQuery = z.strictObject({
  kinds: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()) : undefined))
    .pipe(z.array(z.enum(CHRONOLOGY_KINDS)).optional()),
  agencyId: Uuid.optional(),
  verification: z.enum(VERIFICATION_STATUSES).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const ChronologyEntry = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  source: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  author: Ref.nullable(),
  sourceAgency: Ref.nullable(),
  verification: z.enum(VERIFICATION_STATUSES),
  verificationName: z.string(),
  lastVerificationChange: z
    .object({ verification: z.string(), reason: z.string(), decidedBy: Ref, decidedAt: z.string() })
    .nullable(),
  sensitivity: Label,
  sensitivityName: z.string(),
  record: z.object({ type: z.string(), id: z.string() }).nullable(),
});

const AddEventBody = z.strictObject({
  occurredAt: IsoDateTime,
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().min(1).max(20000),
  source: z.string().trim().min(1).max(500),
  verification: z.enum(VERIFICATION_STATUSES).optional(),
  sensitivity: Label.optional(),
});

const VerificationBody = z.strictObject({
  verification: z.enum(VERIFICATION_STATUSES),
  reason: z.string().trim().min(1).max(2000),
});

function describeFilter(f: ChronologyFilter): string {
  const parts = [
    f.kinds?.length ? `kinds ${f.kinds.join(', ')}` : '',
    f.agencyId ? `agency ${f.agencyId}` : '',
    f.verification ? `verification ${f.verification}` : '',
    f.from ? `from ${f.from}` : '',
    f.to ? `to ${f.to}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'none (all entries you may see)';
}

export function chronologyRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });

  r.get('/api/children/:id/chronology', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The child’s chronology: significant events from every agency, with provenance and verification, filtered to what you may see',
      params: ChildParams,
      querystring: ChronologyQuery,
      response: {
        200: z.object({
          entries: z.array(ChronologyEntry),
          permissions: z.object({ addEntry: z.boolean(), setVerification: z.boolean(), export: z.boolean() }),
        }),
      },
    },
    handler: async (request) => {
      const { viewer } = authOf(request);
      const { access, entries } = await readChronology(ctx(request), request.params.id, request.query);
      const p = permissionsFor(viewer, ['note.create', 'child.update', 'chronology.export'], {
        child: access.rel,
      });
      const live = !access.mergedInto;
      return {
        entries,
        permissions: {
          addEntry: live && p['note.create'],
          setVerification: live && p['child.update'],
          export: p['chronology.export'],
        },
      };
    },
  });

  r.post('/api/children/:id/chronology', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Add a significant event to the chronology, with its source, when it happened, verification and label',
      params: ChildParams,
      body: AddEventBody,
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) =>
      reply.code(201).send({ id: await addEvent(ctx(request), request.params.id, request.body) }),
  });

  r.post('/api/children/:id/chronology/:entryId/verification', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Mark a chronology entry verified, unverified or disputed, with the reason',
      params: z.strictObject({ id: Uuid, entryId: Uuid }),
      body: VerificationBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await setVerification(ctx(request), request.params.id, request.params.entryId, request.body);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/children/:id/chronology.pdf', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'The chronology as a PDF for a strategy meeting, with the same filters, holding only what you may see',
      params: ChildParams,
      querystring: ChronologyQuery,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => {
      const { viewer, user } = authOf(request);
      const actor = actorOf(request);
      const pdf = await transact(db, actor, async (trx) => {
        const access = await openChild(trx, viewer, request.params.id, 'chronology.export');
        const person = await loadPerson(trx, request.params.id);
        const entries = await loadChronology(trx, access, request.query);
        await appendAudit(trx, actor, {
          action: 'chronology.exported',
          recordType: 'child',
          recordId: request.params.id,
          childId: request.params.id,
          fields: ['chronology'],
          details: { format: 'pdf', entryIds: entries.map((e) => e.id) },
        });
        return chronologyPdf(
          {
            childName: person ? displayName(person) : '',
            dateOfBirth: person?.dob ?? null,
            preparedFor: user.name,
            agencyName: user.agency.name,
            filters: describeFilter(request.query),
          },
          entries,
        );
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="chronology-${request.params.id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });
}
