import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
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
  signIn,
  totpCode,
} from './support.ts';

const CHAIR = 'sam.carter@fernbridge.example';

const inDays = (n: number, hour = 10) => {
  const d = new Date(Date.now() + n * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('meetings: the chair records attendance, minutes an item and sees the action in the tracker', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs a meeting from the agenda to an action, accessibly', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, CHAIR, server.demoPassword);
    const secret = await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    // The meeting is convened through the API, as the chair.
    const api = new Client(server.url);
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
    await context.close();
  });
});
