import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../children/pdf-text.ts';
import { describeDatabase } from '../support/database.ts';
import { Harness } from '../support/harness.ts';
import {
  dateIn,
  inDays,
  type Json,
  maceMeeting,
  moveIntoPast,
  RECORD_INTEL,
  RESTRICTED_INTEL,
  SHAREABLE,
  type World,
  world,
} from './fixtures.ts';

describe(`meetings: agenda to minutes to actions, packs, statutory-plan rule (${describeDatabase()})`, () => {
  let h: Harness;
  let w: World;
  let meetingId: string;
  let m: ReturnType<typeof maceMeeting>;

  beforeAll(async () => {
    h = await Harness.start();
    w = await world(h);
    m = maceMeeting(w);
    const res = await w.chair.post('/api/mace/meetings', m.body);
    expect(res.status, res.text).toBe(201);
    meetingId = res.json.id;
  });
  afterAll(() => h.close());

  const minuted = (overrides: Record<string, unknown> = {}) => ({
    ...m.body,
    attendance: [
      { inviteeId: m.invitations.school.id, status: 'present' },
      { inviteeId: m.invitations.intel.id, status: 'present' },
      { inviteeId: m.invitations.police.id, status: 'deputy', deputy: { name: 'DS Kim Ashby' } },
      { inviteeId: m.invitations.csc.id, status: 'apologies' },
    ],
    informationShared: [
      {
        itemId: m.items.tyler,
        sharedBy: m.invitations.intel.id,
        summary: 'Sightings with an adult male in a vehicle near the station',
        lawfulBasis: 'crime_and_disorder_act_1998_s115',
        sensitivity: 'police_intelligence',
      },
    ],
    minutes: [
      {
        itemId: m.items.tyler,
        shareable: SHAREABLE,
        restricted: [{ text: RESTRICTED_INTEL, sensitivity: 'police_intelligence' }],
      },
    ],
    decisions: [
      { itemId: m.items.tyler, text: 'Tyler to stay on the MACE list; disruption plan for the location.' },
    ],
    actions: [
      {
        itemId: m.items.tyler,
        title: 'Arrange a trusted adult for Tyler at school',
        owner: { name: w.schoolTeacher.name, personId: w.schoolTeacher.id },
        agencyId: w.schoolTeacher.agencyId,
        dueDate: dateIn(10),
      },
    ],
    ...overrides,
  });

  it('raises an immediate referral task for a child added to MACE with no statutory plan, and none for a child on a plan', async () => {
    const tasks = await h.db
      .selectFrom('tasks')
      .select(['child_id', 'title', 'assigned_to'])
      .where('kind', '=', 'immediate_referral_to_childrens_services')
      .execute();
    expect(tasks.map((t) => t.child_id)).toEqual([w.tyler]);
    expect(tasks[0]?.title).toBe('Refer Tyler to Children’s Services now');
    expect(tasks[0]?.assigned_to).toBe(w.chairUser.id);
  });

  it('shows the chair the agenda with the person of concern who appears in both items', async () => {
    const res = await w.chair.get(`/api/mace/meetings/${meetingId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.canManage).toBe(true);
    expect(res.json.sharedContexts).toHaveLength(1);
    expect(res.json.sharedContexts[0].contextId).toBe(w.poc.contextId);
    expect(res.json.sharedContexts[0].items).toHaveLength(2);
  });

  it('refuses attendance for someone who was not invited, with a clear message', async () => {
    const res = await w.chair.request(
      'PUT',
      `/api/mace/meetings/${meetingId}`,
      minuted({ attendance: [{ inviteeId: randomUUID(), status: 'present' }] }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/was not invited to this meeting/);
  });

  it('refuses an action without an owner or due date', async () => {
    const action = { title: 'Visit the family', agencyId: w.schoolTeacher.agencyId };
    const res = await w.chair.request(
      'PUT',
      `/api/mace/meetings/${meetingId}`,
      minuted({ actions: [action] }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/owner is required/);
    expect(res.json.error.message).toMatch(/dueDate is required/);
  });

  it('refuses a shareable minute that quotes restricted text, from the meeting or from the record', async () => {
    const fromMeeting = minuted({
      minutes: [
        {
          itemId: m.items.tyler,
          shareable: `Update: ${RESTRICTED_INTEL}.`,
          restricted: [{ text: RESTRICTED_INTEL, sensitivity: 'police_intelligence' }],
        },
      ],
    });
    const a = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, fromMeeting);
    expect(a.status).toBe(400);
    expect(a.json.error.fields[0].path).toBe('minutes.0.shareable');
    const fromRecord = minuted({
      minutes: [{ itemId: m.items.tyler, shareable: `Police said: ${RECORD_INTEL}.` }],
    });
    const b = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, fromRecord);
    expect(b.status).toBe(400);
    expect(b.json.error.fields[0].path).toBe('minutes.0.shareable');
  });

  it('saves attendance, information shared, minutes, decisions and actions, and adds the decision to the chronology', async () => {
    const res = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, minuted());
    expect(res.status, res.text).toBe(204);
    const entries = await h.db
      .selectFrom('chronology_entries')
      .select(['title', 'summary', 'sensitivity'])
      .where('child_id', '=', w.tyler)
      .where('kind', '=', 'meeting')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.summary).toContain('disruption plan');
    expect(entries[0]?.sensitivity).toBe('standard');
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', meetingId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['meeting.created', 'meeting.updated']),
    );
  });

  it('keeps police intelligence from a chair outside the police, and keeps it through the chair’s next save', async () => {
    const view = await w.chair.get(`/api/mace/meetings/${meetingId}`);
    expect(JSON.stringify(view.json.record)).not.toContain('Marcus Vane');
    expect(view.json.withheld).toBe(2);
    const again = await w.chair.request('PUT', `/api/mace/meetings/${meetingId}`, {
      ...view.json.record,
      title: 'MACE meeting, Fernbridge',
    });
    expect(again.status, again.text).toBe(204);
    const row = await h.db
      .selectFrom('mace_meetings')
      .select('document')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row.document)).toContain('Marcus Vane');
  });

  it('gives the school a copy of the minutes without police intelligence, checked in the PDF’s text', async () => {
    const res = await fetch(`${h.url}/api/mace/meetings/${meetingId}/pack.pdf?kind=minutes`, {
      headers: { cookie: w.school.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Prepared for: Ms Rowan Teach');
    expect(text).toContain('trusted adult at school');
    expect(text).not.toContain('Marcus Vane');
    expect(text).not.toContain('adult male in a vehicle');
    expect(text).not.toContain('burner phone');

    const intel = await fetch(`${h.url}/api/mace/meetings/${meetingId}/pack.pdf?kind=minutes`, {
      headers: { cookie: w.intel.cookie ?? '' },
    });
    expect(pdfText(Buffer.from(await intel.arrayBuffer()))).toContain('Marcus Vane');
  });

  it('sends each invited person their own copy and records what each held', async () => {
    const res = await w.chair.post(`/api/mace/meetings/${meetingId}/send`, { kind: 'minutes' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.sent).toHaveLength(4);
    const school = res.json.sent.find((s: Json) => s.recipient.userId === w.schoolTeacher.id);
    const intel = res.json.sent.find((s: Json) => s.recipient.userId === w.p.intel.id);
    expect(school.includedIds).not.toContain(`${m.items.tyler}/restricted/0`);
    expect(intel.includedIds).toContain(`${m.items.tyler}/restricted/0`);
    expect(
      await h.db.selectFrom('mace_pack_sendings').select('id').where('meeting_id', '=', meetingId).execute(),
    ).toHaveLength(4);
    const view = await w.chair.get(`/api/mace/meetings/${meetingId}`);
    expect(view.json.sendings).toHaveLength(4);
  });

  it('shows a member their own redacted copy, not the record, and refuses them changes', async () => {
    const res = await w.school.get(`/api/mace/meetings/${meetingId}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.record).toBeNull();
    expect(JSON.stringify(res.json.copy)).not.toContain('Marcus Vane');
    const put = await w.school.request('PUT', `/api/mace/meetings/${meetingId}`, minuted());
    expect(put.status).toBe(403);
    const stranger = await h.signedIn(await h.user(['practitioner'], 'housing'));
    expect((await stranger.get(`/api/mace/meetings/${meetingId}`)).status).toBe(404);
  });

  it('refuses re-scheduling a meeting in the past over an existing one, and a new meeting over a taken slot', async () => {
    const clash = await w.chair.post(
      '/api/mace/meetings',
      maceMeeting(w, { startsAt: inDays(3, 11), endsAt: inDays(3, 13) }).body,
    );
    expect(clash.status).toBe(409);
    expect(clash.json.error.message).toMatch(/already booked/);

    const past = await w.chair.post(
      '/api/mace/meetings',
      maceMeeting(w, { startsAt: inDays(20), endsAt: inDays(20, 12), agenda: [] }).body,
    );
    expect(past.status, past.text).toBe(201);
    await moveIntoPast(h, past.json.id, 2, 1);
    const moved = { ...maceMeeting(w, { startsAt: inDays(3), endsAt: inDays(3, 12), agenda: [] }).body };
    const res = await w.chair.request('PUT', `/api/mace/meetings/${past.json.id}`, moved);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/time has passed/);
  });
});
