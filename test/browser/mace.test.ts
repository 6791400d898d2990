import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/harness.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  assertWebBuilt,
  enrolInMfa,
  expectNoAxeViolations,
  heading,
  launchBrowser,
  newPage,
  pageProblems,
  screenshot,
  signIn,
  totpCode,
} from './support.ts';

const CHAIR = 'sam.carter@fernbridge.example';

const inDays = (n: number, hour = 10) => {
  const d = new Date(Date.now() + n * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/** A date and time as someone in the UK types them into the meeting forms. */
const ukFields = (iso: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};

describe('meetings: the chair records attendance, minutes an item and sees the action in the tracker', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: Client;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('runs a meeting from the agenda to an action, accessibly', async () => {
    ({ context, page } = await newPage(browser));
    await signIn(page, server.url, CHAIR, server.demoPassword);
    const secret = await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    // The meeting is convened through the API, as the chair.
    api = new Client(server.url);
    const res = await api.signIn(CHAIR, server.demoPassword, totpCode(secret, 1));
    expect(res.status, res.text).toBe(200);
    const me = res.json.me.user;
    const created = await api.post('/api/mace/meetings', {
      title: 'MACE meeting, Fernbridge North',
      type: 'mace',
      groupId: randomUUID(),
      startsAt: inDays(2),
      endsAt: inDays(2, 12),
      agenda: [
        {
          kind: 'context',
          heading: 'Gullet Lane car park',
          context: { contextId: randomUUID(), kind: 'place', label: 'Gullet Lane car park' },
        },
      ],
      invitations: [
        {
          person: { name: me.name, personId: me.id, agencyId: me.agency.id },
          agencyId: me.agency.id,
          agencyType: me.agency.type,
          agencyName: me.agency.name,
        },
      ],
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;

    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Meetings');
    await expectNoAxeViolations(page, 'meetings');
    await page.getByRole('link', { name: 'MACE meeting, Fernbridge North' }).click();
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge North');
    await expectNoAxeViolations(page, 'one meeting');

    // Attendance.
    await page.getByRole('link', { name: 'Record attendance' }).click();
    await expect.poll(() => heading(page)).toBe('Record attendance');
    await page.getByLabel('Present').check();
    await expectNoAxeViolations(page, 'record attendance');
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge North');
    await page
      .getByText('Sam Carter, Fernbridge Children’s Services: Present')
      .or(page.getByText(/Sam Carter, .*: Present/))
      .first()
      .waitFor();

    // Minute the item: an action without a due date is refused with the reason, then saved with one.
    await page.getByRole('link', { name: /Minute this item/ }).click();
    await expect.poll(() => heading(page)).toBe('Minute: Gullet Lane car park');
    await page
      .getByLabel('Shareable minute')
      .fill('Agencies agreed patrols and a welfare check on children seen there.');
    await page.getByLabel('Decision (optional)').fill('Refer the car park to the licensing partnership.');
    await page.getByLabel('What is to be done').fill('Arrange evening patrols at the car park');
    await page.getByLabel('Owner').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Save the minute' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Due date is required');
    expect(await page.locator('#action\\.dueDate-error').textContent()).toContain('Due date is required');
    await expectNoAxeViolations(page, 'minute an item, with an error');
    await page.getByLabel('Due date').fill(inDays(14).slice(0, 10));
    await page.getByRole('button', { name: 'Save the minute' }).click();
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge North');
    await page
      .getByText(/Arrange evening patrols at the car park/)
      .first()
      .waitFor();

    // The tracker.
    await page.goto(`${server.url}/meetings/actions`);
    await expect.poll(() => heading(page)).toBe('Meeting actions');
    await page.getByRole('row').filter({ hasText: 'Arrange evening patrols' }).waitFor();
    await expectNoAxeViolations(page, 'meeting actions');
    expect(id).toBeTruthy();
    expect(pageProblems(page)).toEqual([]);
  });

  it('convenes a MACE meeting with a child on the agenda, refuses a slot already taken, triages, records participation and sends papers', async () => {
    // Convene a MACE meeting from the meetings list.
    await page.goto(`${server.url}/meetings`);
    await expect.poll(() => heading(page)).toBe('Meetings');
    await page.getByRole('button', { name: 'Convene a meeting' }).click();
    await expect.poll(() => heading(page)).toBe('Convene a meeting');
    await expectNoAxeViolations(page, 'convene a meeting');

    // Nothing filled in: the error summary names the fields, each linked to its field.
    await page.getByRole('button', { name: 'Convene the meeting' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Choose the type of meeting');
    expect(await page.locator('.govuk-error-summary a[href="#startsAt"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'convene a meeting, with errors');

    const when = ukFields(inDays(9));
    const until = ukFields(inDays(9, 12));
    const fillIn = async (title: string) => {
      await page.getByLabel('MACE meeting', { exact: true }).check();
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Date').fill(when.date);
      await page.getByLabel('Start time').fill(when.time);
      await page.getByLabel('End time').fill(until.time);
      await page.getByLabel('Add a child').fill('Kayla');
      await page.getByRole('button', { name: 'Search children' }).click();
      await page.getByRole('button', { name: /Add to the agenda.*Kayla/ }).click();
      await page.getByRole('listitem').filter({ hasText: 'Remove' }).filter({ hasText: 'Kayla' }).waitFor();
      // A person of concern from the demo records, found by name.
      await page.getByLabel(/Add a person of concern/).fill('Dale');
      await page.getByRole('button', { name: 'Search contexts' }).click();
      await page
        .getByRole('button', { name: /Add to the agenda/ })
        .first()
        .click();
      await page.getByRole('listitem').filter({ hasText: 'Person of concern' }).first().waitFor();
      await page.getByLabel('Find a person or an agency').fill('Priya');
      await page.getByLabel('Priya Shah').check();
      await page.getByLabel('Find a person or an agency').fill('');
      await page.getByLabel('Sam Carter').check();
    };
    await fillIn('MACE meeting, Fernbridge, next month');
    await expectNoAxeViolations(page, 'convene a meeting, filled in');
    await screenshot(page, 'mace-convene');
    await page.getByRole('button', { name: 'Convene the meeting' }).click();
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge, next month');
    await page.getByRole('heading', { name: /Kayla/ }).first().waitFor();
    const maceId = page.url().split('/').pop() as string;

    // The same slot again is refused, and the reason is shown against the date.
    await page.goto(`${server.url}/meetings/new`);
    await expect.poll(() => heading(page)).toBe('Convene a meeting');
    await fillIn('MACE meeting, the same slot');
    await page.getByRole('button', { name: 'Convene the meeting' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toMatch(/already booked/);
    expect(await page.locator('.govuk-error-summary a[href="#startsAt"]').textContent()).toMatch(
      /already booked/,
    );
    expect(await page.locator('#startsAt-error').textContent()).toMatch(/already booked/);
    await expectNoAxeViolations(page, 'convene a meeting, slot taken');
    await screenshot(page, 'mace-convene-slot-taken');

    // Triage: the list from the records, each item with its reasons, and a decision with reasons.
    await page.goto(`${server.url}/meetings`);
    await page.getByRole('link', { name: 'Prepare the MACE triage list' }).click();
    await expect.poll(() => heading(page)).toBe('MACE triage');
    await page.locator('.govuk-summary-card').first().waitFor();
    await expectNoAxeViolations(page, 'triage list');
    await screenshot(page, 'mace-triage');
    const firstItem = page.locator('.govuk-summary-card').first();
    const itemName = ((await firstItem.locator('h3').textContent()) ?? '').trim();
    expect(await firstItem.locator('li').count()).toBeGreaterThan(0);
    await firstItem.getByRole('link', { name: /Record a decision/ }).click();
    await expect.poll(() => heading(page)).toMatch(/^Decision: /);
    // A decision without reasons is refused: every decision records why.
    await page.getByLabel('No further MACE action').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/Reasons are required/);
    expect(await page.locator('.govuk-error-summary a[href="#reasons"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'triage decision, with an error');
    await screenshot(page, 'mace-triage-decision');
    await page.getByLabel('Discuss at the MACE meeting').check();
    await page
      .getByLabel('Reasons', { exact: true })
      .fill('New connections to a person of concern and a place: agencies need to plan disruption together.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => heading(page)).toBe('MACE triage');
    await page
      .locator('.govuk-summary-card')
      .filter({ hasText: itemName.slice(0, 10) })
      .filter({ hasText: 'Decided' })
      .first()
      .waitFor();

    // A strategy meeting about Kayla (convened through the API), then her participation in the browser.
    const signedIn = (await api.get('/api/me')).json;
    const me = (signedIn.me ?? signedIn).user;
    const found = await api.get('/api/children?q=Kayla');
    expect(found.status, found.text).toBe(200);
    const kayla = found.json.children[0];
    const strategy = await api.post('/api/mace/meetings', {
      title: 'Strategy meeting for Kayla',
      type: 'strategy',
      childId: kayla.id,
      startsAt: inDays(4),
      endsAt: inDays(4, 11),
      agenda: [{ kind: 'child', childId: kayla.id, heading: kayla.displayName }],
      invitations: [
        {
          person: { name: me.name, personId: me.id, agencyId: me.agency.id },
          agencyId: me.agency.id,
          agencyType: me.agency.type,
          agencyName: me.agency.name,
        },
      ],
    });
    expect(strategy.status, strategy.text).toBe(201);
    await page.goto(`${server.url}/meetings/${strategy.json.id}`);
    await expect.poll(() => heading(page)).toBe('Strategy meeting for Kayla');
    await page.getByRole('link', { name: 'Record participation' }).click();
    await expect.poll(() => heading(page)).toBe('Record participation');
    await page.getByLabel('Took part in part of the meeting').check();
    await page.getByRole('button', { name: 'Save participation' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/Which part they took part in/);
    await expectNoAxeViolations(page, 'record participation, with an error');
    await screenshot(page, 'mace-participation');
    await page
      .getByLabel('Which part they took part in')
      .fill('The part where the plan of support and protection was discussed and decided');
    await page.getByRole('button', { name: 'Save participation' }).click();
    await expect.poll(() => heading(page)).toBe('Strategy meeting for Kayla');
    await page.getByText(/The young person: Took part in part of the meeting/).waitFor();
    await expectNoAxeViolations(page, 'strategy meeting with participation');

    // Papers: the links to the caller's own copies, sending, and the record of who was sent what.
    await page.goto(`${server.url}/meetings/${maceId}`);
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge, next month');
    const pack = page.getByRole('link', { name: 'Download your copy of the meeting pack (PDF)' });
    expect(await pack.getAttribute('href')).toBe(`/api/mace/meetings/${maceId}/pack.pdf?kind=pack`);
    const pdf = await api.get(`/api/mace/meetings/${maceId}/pack.pdf?kind=pack`);
    expect(pdf.status).toBe(200);
    await page.getByText('No papers have been sent yet.').waitFor();
    await page.getByRole('button', { name: 'Send the meeting pack' }).click();
    await page.getByText(/Sent 2 copies/).waitFor();
    // The persons of concern and places on the agenda are listed with the items they appear in.
    await page
      .getByRole('row')
      .filter({ hasText: 'Priya Shah' })
      .filter({ hasText: 'Meeting pack' })
      .waitFor();
    await expectNoAxeViolations(page, 'meeting with papers sent');
    await screenshot(page, 'mace-meeting-papers');

    // Change the meeting: a new time.
    await page.getByRole('link', { name: /Change the meeting/ }).click();
    await expect.poll(() => heading(page)).toBe('Change the meeting');
    await expectNoAxeViolations(page, 'change the meeting');
    await page.getByLabel('Start time').fill('13:00');
    await page.getByLabel('End time').fill('15:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge, next month');
    await page.getByText(/13:00/).first().waitFor();

    // Carry the open action from the first meeting over to this later one: it counts as carried over.
    await page.goto(`${server.url}/meetings`);
    await page.getByRole('link', { name: 'MACE meeting, Fernbridge North' }).click();
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge North');
    await page.getByRole('link', { name: /Carry over.*Arrange evening patrols/ }).click();
    await expect.poll(() => heading(page)).toBe('Carry an action over');
    await expectNoAxeViolations(page, 'carry an action over');
    await page.getByRole('button', { name: 'Carry the action over' }).click();
    await page.locator('.govuk-error-summary a[href="#toMeetingId"]').waitFor();
    await page.getByLabel('Meeting to carry it to').selectOption(maceId);
    await page.getByRole('button', { name: 'Carry the action over' }).click();
    await expect.poll(() => heading(page)).toBe('MACE meeting, Fernbridge, next month');
    await page.getByText(/Arrange evening patrols at the car park .*carried over once/).waitFor();

    // The tracker offers a chair the escalation of overdue actions.
    await page.goto(`${server.url}/meetings/actions`);
    await expect.poll(() => heading(page)).toBe('Meeting actions');
    await page.getByRole('button', { name: 'Escalate overdue actions' }).click();
    await page
      .getByText(/No action is overdue enough to escalate|overdue action/)
      .first()
      .waitFor();
    expect(pageProblems(page)).toEqual([]);
  }, 180_000);
});
