import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childBody, createChild, type People, people } from '../children/fixtures.ts';
import { pdfText } from '../children/pdf-text.ts';
import { describeDatabase } from '../support/database.ts';
import { type Client, Harness, type TestUser } from '../support/harness.ts';

// Fictional: Ruby Ashcombe and Larch House are made up for these tests (Fernbridge).
const NOTE =
  'Ruby absconded from Larch House at 22:00. Staff found her at Fernbridge station with two adult men.';
const AMENDED =
  'Ruby went missing from Larch House at 22:00. Staff found her at Fernbridge station with two adult men.';
const REASON = '“Absconded” is the language of custody: Ruby went missing, and may have been drawn away.';

describe(`language: challenge and amend (${describeDatabase()})`, () => {
  let h: Harness;
  let p: People;
  let raiserUser: TestUser;
  let author: Client;
  let manager: Client;
  let raiser: Client;
  let health: Client;
  let childId: string;
  const earlier = () => new Date(Date.now() - 3_600_000).toISOString();

  /** A finalised note by the author; significant notes are copied to the chronology. */
  async function finalNote(body = NOTE, significant = true): Promise<string> {
    const made = await author.post(`/api/children/${childId}/notes`, {
      type: 'direct_work',
      body,
      occurredAt: earlier(),
      significant,
    });
    expect(made.status).toBe(201);
    const id = made.json.note.id as string;
    expect((await author.post(`/api/children/${childId}/notes/${id}/finalise`, {})).status).toBe(200);
    return id;
  }

  const span = (text: string, from = NOTE) => ({
    start: from.indexOf(text),
    end: from.indexOf(text) + text.length,
    text,
  });
  const challenges = (noteId: string) => `/api/children/${childId}/notes/${noteId}/challenges`;

  async function raise(noteId: string, body: Record<string, unknown> = {}, as = raiser) {
    return as.post(challenges(noteId), {
      version: 1,
      span: span('absconded'),
      reason: REASON,
      suggestedWording: 'went missing',
      ...body,
    });
  }

  /** What a refused request must leave alone. */
  async function state(noteId: string) {
    const [wc, versions, tasks, chronology] = await Promise.all([
      h.db.selectFrom('wording_challenges').selectAll().orderBy('raised_at').execute(),
      h.db.selectFrom('note_versions').selectAll().where('note_id', '=', noteId).orderBy('version').execute(),
      h.db.selectFrom('tasks').selectAll().orderBy('created_at').execute(),
      h.db.selectFrom('chronology_entries').select(['id', 'summary']).orderBy('id').execute(),
    ]);
    return { wc, versions, tasks, chronology };
  }

  beforeAll(async () => {
    h = await Harness.start();
    p = await people(h);
    raiserUser = await h.user(['practitioner'], 'childrens_social_care', { name: 'Rowan Ellery' });
    author = await h.signedIn(p.csc);
    manager = await h.signedIn(p.cscManager);
    raiser = await h.signedIn(raiserUser);
    health = await h.signedIn(p.health);
    childId = (await createChild(author, childBody({ givenName: 'Ruby', familyName: 'Ashcombe' }))).id;
    // The author is Ruby's lead worker, so may export her chronology.
    const allocated = await manager.post(`/api/children/${childId}/professionals`, {
      userId: p.csc.id,
      kind: 'lead_worker',
    });
    expect(allocated.status).toBe(201);
  });
  afterAll(() => h?.close());

  it('raise → accept: a new version with the amended words, the original kept, and the PDF uses the amended text', async () => {
    const noteId = await finalNote();

    // The assistant's findings on the note, checked on view, point at the words.
    const wording = await raiser.get(`/api/children/${childId}/notes/${noteId}/wording`);
    expect(wording.status).toBe(200);
    const finding = wording.json.findings.find((f: { ruleId: string }) => f.ruleId === 'absconded');
    expect(finding).toMatchObject({ text: 'absconded', start: 5, end: 14 });
    expect(wording.json.version).toBe(1);

    const raised = await raiser.post(challenges(noteId), {
      version: 1,
      span: { start: finding.start, end: finding.end, text: finding.text },
      reason: REASON,
      suggestedWording: 'went missing',
      ruleId: 'absconded',
    });
    expect(raised.status).toBe(201);
    const challenge = raised.json.challenge;
    expect(challenge).toMatchObject({
      status: 'open',
      version: 1,
      span: { start: 5, end: 14, text: 'absconded' },
      ruleId: 'absconded',
      raisedBy: { id: raiserUser.id, name: 'Rowan Ellery' },
      permissions: { withdraw: true, decide: false },
    });
    expect(challenge.lexiconVersion).toBe(wording.json.lexiconVersion);

    // The note's challenges, as the author sees them; the author has a task in My work.
    const listed = await author.get(challenges(noteId));
    expect(listed.status).toBe(200);
    expect(listed.json.mayRaise).toBe(true);
    expect(listed.json.challenges).toHaveLength(1);
    expect(listed.json.challenges[0].permissions).toEqual({ withdraw: false, decide: true });
    const work = await author.get('/api/my-work');
    expect(work.json.tasks.map((t: { kind: string }) => t.kind)).toContain('wording_challenge');

    // The list of challenges to decide: the author's, and their manager's; not the raiser's.
    const toDecide = await author.get('/api/wording-challenges');
    expect(toDecide.status).toBe(200);
    expect(toDecide.json.challenges.map((c: { id: string }) => c.id)).toContain(challenge.id);
    expect(toDecide.json.challenges[0]).toMatchObject({
      child: { id: childId, name: 'Ruby Ashcombe' },
      subject: { type: 'note', id: noteId, author: { name: 'Priya Fernside' } },
    });
    expect(
      (await manager.get('/api/wording-challenges')).json.challenges.map((c: { id: string }) => c.id),
    ).toContain(challenge.id);
    expect((await raiser.get('/api/wording-challenges')).json.challenges).toEqual([]);

    const accepted = await author.post(`${challenges(noteId)}/${challenge.id}/decision`, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.challenge).toMatchObject({
      status: 'accepted',
      amendedVersion: 2,
      decidedBy: { id: p.csc.id },
    });

    const note = await raiser.get(`/api/children/${childId}/notes/${noteId}`);
    expect(note.json.note.body).toBe(AMENDED);
    expect(note.json.note.version).toBe(2);
    expect(note.json.note.versions.map((v: { body: string }) => v.body)).toEqual([NOTE, AMENDED]);
    expect(note.json.note.versions[0].amendedByChallenge).toBeNull();
    expect(note.json.note.versions[1]).toMatchObject({
      reason: `Wording amended after a challenge: ${REASON}`,
      createdBy: { id: p.csc.id },
      amendedByChallenge: {
        id: challenge.id,
        reason: REASON,
        raisedBy: { name: 'Rowan Ellery' },
        raisedAgency: { id: raiserUser.agencyId },
      },
    });
    // The list of notes reads the current version too.
    const notes = await raiser.get(`/api/children/${childId}/notes`);
    expect(notes.json.notes.find((n: { id: string }) => n.id === noteId).body).toBe(AMENDED);

    // Every export uses the amended text: the chronology PDF holds the new words, never the old.
    const res = await fetch(`${h.url}/api/children/${childId}/chronology.pdf`, {
      headers: { cookie: author.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const raw = pdfText(Buffer.from(await res.arrayBuffer()));
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Ruby went missing from Larch House');
    expect(text).toContain('Wording amended on');
    expect(text.toLowerCase()).not.toContain('absconded');
    const chronology = await author.get(`/api/children/${childId}/chronology?kinds=note`);
    const entry = chronology.json.entries.find(
      (e: { record: { id: string } | null }) => e.record?.id === noteId,
    );
    expect(entry.summary).toContain(AMENDED);
    expect(entry.summary).not.toMatch(/absconded/i);

    // The task is done; the audit log says what happened, without copying the words.
    const task = await h.db
      .selectFrom('tasks')
      .select('status')
      .where('kind', '=', 'wording_challenge')
      .where('assigned_to', '=', p.csc.id)
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('done');
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'child_id', 'record_id'])
      .where('action', 'like', 'language.challenge_%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['language.challenge_raised', 'language.challenge_accepted']);
    expect(audit[1]?.details).toMatchObject({
      challengeId: challenge.id,
      fromVersion: 1,
      toVersion: 2,
      ruleId: 'absconded',
    });
    expect(audit.every((a) => a.child_id === childId && a.record_id === noteId)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('went missing');

    // Decided once: a second decision is refused.
    const again = await author.post(`${challenges(noteId)}/${challenge.id}/decision`, { decision: 'accept' });
    expect(again.status).toBe(409);
  });

  it('a decline needs a reason, and the note stays as it was', async () => {
    const noteId = await finalNote();
    const raised = await raise(noteId);
    expect(raised.status).toBe(201);
    const id = raised.json.challenge.id;
    const before = await state(noteId);
    const noReason = await manager.post(`${challenges(noteId)}/${id}/decision`, { decision: 'decline' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.fields[0].path).toBe('reason');
    expect(await state(noteId)).toEqual(before);

    const declined = await manager.post(`${challenges(noteId)}/${id}/decision`, {
      decision: 'decline',
      reason: 'Ruby’s placement records use this word; the service will change them together.',
    });
    expect(declined.status).toBe(200);
    expect(declined.json.challenge).toMatchObject({
      status: 'declined',
      decidedBy: { id: p.cscManager.id },
      decisionReason: 'Ruby’s placement records use this word; the service will change them together.',
      amendedVersion: null,
    });
    const note = await author.get(`/api/children/${childId}/notes/${noteId}`);
    expect(note.json.note.body).toBe(NOTE);
    expect(note.json.note.versions).toHaveLength(1);
  });

  it('the person who raised a challenge cannot decide it, even as a manager in the author’s agency', async () => {
    const noteId = await finalNote();
    const raised = await raise(noteId, {}, manager);
    expect(raised.status).toBe(201);
    expect(raised.json.challenge.permissions).toEqual({ withdraw: true, decide: false });
    const before = await state(noteId);
    const res = await manager.post(`${challenges(noteId)}/${raised.json.challenge.id}/decision`, {
      decision: 'accept',
    });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/you raised this challenge/);
    expect(await state(noteId)).toEqual(before);
    // A colleague who is neither author nor manager cannot decide either.
    const colleague = await raiser.post(`${challenges(noteId)}/${raised.json.challenge.id}/decision`, {
      decision: 'accept',
    });
    expect(colleague.status).toBe(403);
    expect(await state(noteId)).toEqual(before);
    // The author can.
    const accepted = await author.post(`${challenges(noteId)}/${raised.json.challenge.id}/decision`, {
      decision: 'accept',
      wording: 'was reported missing',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.challenge.amendedWording).toBe('was reported missing');
    expect((await author.get(`/api/children/${childId}/notes/${noteId}`)).json.note.body).toBe(
      NOTE.replace('absconded', 'was reported missing'),
    );
  });

  it('someone who cannot read the note gets 404 everywhere, and nothing changes', async () => {
    const noteId = await finalNote();
    const raised = await raise(noteId);
    const id = raised.json.challenge.id;
    const before = await state(noteId);
    expect((await health.get(challenges(noteId))).status).toBe(404);
    expect((await health.get(`/api/children/${childId}/notes/${noteId}/wording`)).status).toBe(404);
    expect((await raise(noteId, { span: span('22:00'), suggestedWording: '10pm' }, health)).status).toBe(404);
    expect((await health.post(`${challenges(noteId)}/${id}/decision`, { decision: 'accept' })).status).toBe(
      404,
    );
    expect((await health.post(`${challenges(noteId)}/${id}/withdraw`, {})).status).toBe(404);
    expect((await health.get('/api/wording-challenges')).json.challenges).toEqual([]);
    expect(await state(noteId)).toEqual(before);
    // Signed out: 401.
    expect((await h.client().get(challenges(noteId))).status).toBe(401);
  });

  it('a draft cannot be challenged: its author changes it (409), and nobody else can see it (404)', async () => {
    const made = await author.post(`/api/children/${childId}/notes`, {
      type: 'contact',
      body: NOTE,
      occurredAt: earlier(),
    });
    const noteId = made.json.note.id;
    const own = await raise(noteId, {}, author);
    expect(own.status).toBe(409);
    expect(own.json.error.fields[0].path).toBe('status');
    expect((await raise(noteId)).status).toBe(404);
    expect(await h.db.selectFrom('wording_challenges').where('record_id', '=', noteId).execute()).toEqual([]);
  });

  it('names the field of bad input, and refuses a challenge on a version that is not current', async () => {
    const noteId = await finalNote();
    const before = await state(noteId);
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: '' }, 'reason'],
      [{ suggestedWording: '   ' }, 'suggestedWording'],
      [{ suggestedWording: 'went missing from [placement]' }, 'suggestedWording'],
      [{ suggestedWording: 'absconded' }, 'suggestedWording'],
      [{ span: { start: 5, end: 14, text: 'abscondin' } }, 'span.text'],
      [{ span: { start: 5, end: 900, text: 'absconded' } }, 'span.end'],
      [{ span: { start: 'five', end: 14, text: 'absconded' } }, 'span.start'],
      [{ version: undefined }, 'version'],
      [{ ruleId: 'not-a-rule' }, 'ruleId'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [body, path] of cases) {
      const res = await raise(noteId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.fields.map((f: { path: string }) => f.path)).toContain(path);
      expect(res.json.error.message).toContain(path);
    }
    const stale = await raise(noteId, { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.fields[0].path).toBe('version');
    expect(await state(noteId)).toEqual(before);

    // One open challenge per span and version.
    expect((await raise(noteId)).status).toBe(201);
    const twice = await raise(noteId, {}, manager);
    expect(twice.status).toBe(409);
    expect(twice.json.error.fields[0].path).toBe('span');
    // A bad decision names its field.
    const id = (await author.get(challenges(noteId))).json.challenges[0].id;
    const bad = await author.post(`${challenges(noteId)}/${id}/decision`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields[0].path).toBe('decision');
  });

  it('the raiser withdraws while it is open; nobody else may', async () => {
    const noteId = await finalNote();
    const id = (await raise(noteId)).json.challenge.id;
    expect((await author.post(`${challenges(noteId)}/${id}/withdraw`, {})).status).toBe(403);
    const withdrawn = await raiser.post(`${challenges(noteId)}/${id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.challenge.status).toBe('withdrawn');
    expect((await raiser.post(`${challenges(noteId)}/${id}/withdraw`, {})).status).toBe(409);
    expect((await author.post(`${challenges(noteId)}/${id}/decision`, { decision: 'accept' })).status).toBe(
      409,
    );
  });

  it('a note that moved on: the words are amended where they now are, or the challenge is superseded', async () => {
    const noteId = await finalNote(NOTE, false);
    const first = (await raise(noteId)).json.challenge.id;
    const second = (
      await raise(noteId, { span: span('two adult men'), suggestedWording: 'two men aged about 30' })
    ).json.challenge.id;
    const corrected = await author.post(`/api/children/${childId}/notes/${noteId}/corrections`, {
      body: `Friday evening. ${NOTE.replace('two adult men', 'two men')}`,
      reason: 'Added the day; the men’s ages are not known.',
    });
    expect(corrected.status).toBe(201);

    const moved = await author.post(`${challenges(noteId)}/${first}/decision`, { decision: 'accept' });
    expect(moved.status).toBe(200);
    expect(moved.json.challenge.amendedVersion).toBe(3);
    expect((await author.get(`/api/children/${childId}/notes/${noteId}`)).json.note.body).toBe(
      `Friday evening. ${AMENDED.replace('two adult men', 'two men')}`,
    );

    const gone = await author.post(`${challenges(noteId)}/${second}/decision`, { decision: 'accept' });
    expect(gone.status).toBe(409);
    expect(gone.json.error.fields[0].path).toBe('version');
    const listed = await author.get(challenges(noteId));
    expect(listed.json.challenges.find((c: { id: string }) => c.id === second).status).toBe('superseded');
    expect((await author.get(`/api/children/${childId}/notes/${noteId}`)).json.note.version).toBe(3);
  });

  it('a challenge without a span replaces the whole text', async () => {
    const noteId = await finalNote('Ruby is streetwise and knows the station well.', false);
    const raised = await raise(noteId, {
      span: undefined,
      suggestedWording: 'Ruby is 14. Adults at the station have exposed her to harm.',
      reason: 'Streetwise treats a child as an adult.',
    });
    expect(raised.status).toBe(201);
    expect(raised.json.challenge.span).toBeNull();
    expect(
      (
        await author.post(`${challenges(noteId)}/${raised.json.challenge.id}/decision`, {
          decision: 'accept',
        })
      ).status,
    ).toBe(200);
    expect((await author.get(`/api/children/${childId}/notes/${noteId}`)).json.note.body).toBe(
      'Ruby is 14. Adults at the station have exposed her to harm.',
    );
  });
});
