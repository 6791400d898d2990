import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NOTE_TYPES, VERIFICATION_STATUSES } from '../../domain/children/case-record.ts';
import type { AppContext } from '../context.ts';
import { actorOf, authOf, signedIn } from '../http/access.ts';
import { correctNote, createNote, editDraft, finaliseNote, listNotes, readNote } from './notes.ts';
import { ChildParams, IsoDateTime, Label, Uuid } from './schemas.ts';

const tags = ['notes'];
const Ref = z.object({ id: z.string(), name: z.string() });
const NoteParams = z.strictObject({ id: Uuid, noteId: Uuid });

const Note = z.object({
  id: z.string(),
  type: z.enum(NOTE_TYPES),
  typeName: z.string(),
  sensitivity: Label,
  significant: z.boolean(),
  occurredAt: z.string(),
  status: z.enum(['draft', 'final']),
  author: Ref,
  agency: Ref,
  createdAt: z.string(),
  finalisedAt: z.string().nullable(),
  body: z.string(),
  version: z.number(),
  corrected: z.boolean(),
  permissions: z.object({ edit: z.boolean(), finalise: z.boolean(), correct: z.boolean() }),
});
export const NoteWithHistory = Note.extend({
  versions: z.array(
    z.object({
      version: z.number(),
      body: z.string(),
      reason: z.string().nullable(),
      createdBy: Ref,
      createdAt: z.string(),
      /** Set when this version was made by accepting a challenge to the wording (the original stays). */
      amendedByChallenge: z
        .object({
          id: z.string(),
          reason: z.string(),
          raisedBy: Ref,
          raisedAgency: Ref,
          raisedAt: z.string(),
        })
        .nullable(),
    }),
  ),
});

const body = z.string().trim().min(1).max(50000);
const CreateNoteBody = z.strictObject({
  type: z.enum(NOTE_TYPES),
  body,
  occurredAt: IsoDateTime,
  sensitivity: Label.optional(),
  significant: z.boolean().optional(),
});
const EditNoteBody = z.strictObject({
  type: z.enum(NOTE_TYPES).optional(),
  body: body.optional(),
  occurredAt: IsoDateTime.optional(),
  sensitivity: Label.optional(),
  significant: z.boolean().optional(),
});

export function noteRoutes(app: FastifyInstance, { db }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request), viewer: authOf(request).viewer });
  const one = async (request: FastifyRequest, childId: string, noteId: string) => ({
    note: await readNote(ctx(request), childId, noteId),
  });

  r.get('/api/children/:id/notes', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Case notes you may see (finalised notes by label, and your own drafts)',
      params: ChildParams,
      response: { 200: z.object({ notes: z.array(Note) }) },
    },
    handler: async (request) => ({ notes: await listNotes(ctx(request), request.params.id) }),
  });

  r.post('/api/children/:id/notes', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Write a case note (a draft until you finalise it)',
      params: ChildParams,
      body: CreateNoteBody,
      response: { 201: z.object({ note: NoteWithHistory }) },
    },
    handler: async (request, reply) => {
      const id = await createNote(ctx(request), request.params.id, request.body);
      return reply.code(201).send(await one(request, request.params.id, id));
    },
  });

  r.get('/api/children/:id/notes/:noteId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'One case note with every version',
      params: NoteParams,
      response: { 200: z.object({ note: NoteWithHistory }) },
    },
    handler: async (request) => one(request, request.params.id, request.params.noteId),
  });

  r.patch('/api/children/:id/notes/:noteId', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Edit your draft note (refused once finalised: add a correction)',
      params: NoteParams,
      body: EditNoteBody,
      response: { 200: z.object({ note: NoteWithHistory }) },
    },
    handler: async (request) => {
      await editDraft(ctx(request), request.params.id, request.params.noteId, request.body);
      return one(request, request.params.id, request.params.noteId);
    },
  });

  r.post('/api/children/:id/notes/:noteId/finalise', {
    config: signedIn(),
    schema: {
      tags,
      summary:
        'Finalise your note; a significant note joins the chronology (unverified unless you say otherwise)',
      params: NoteParams,
      body: z.strictObject({ verification: z.enum(VERIFICATION_STATUSES).optional() }),
      response: { 200: z.object({ note: NoteWithHistory }) },
    },
    handler: async (request) => {
      await finaliseNote(ctx(request), request.params.id, request.params.noteId, request.body);
      return one(request, request.params.id, request.params.noteId);
    },
  });

  r.post('/api/children/:id/notes/:noteId/corrections', {
    config: signedIn(),
    schema: {
      tags,
      summary: 'Correct a finalised note: a new version with a reason; the original stays in the history',
      params: NoteParams,
      body: z.strictObject({ body, reason: z.string().trim().min(1).max(2000) }),
      response: { 201: z.object({ note: NoteWithHistory }) },
    },
    handler: async (request, reply) => {
      await correctNote(ctx(request), request.params.id, request.params.noteId, request.body);
      return reply.code(201).send(await one(request, request.params.id, request.params.noteId));
    },
  });
}
