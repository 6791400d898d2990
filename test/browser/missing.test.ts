import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/domain/language/index.ts';
import { londonParts } from '../../src/domain/missing/index.ts';
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
} from './support.ts';

const PRACTITIONER = 'alex.morgan@fernbridge.example';
const MANAGER = 'jordan.blake@fernbridge.example';
const ACCOUNT =
  'I went to Dee’s flat because he said I owed him for the phone. I did not feel I could say no.';

/** Signs in through the API, setting up 2-step verification first where the account needs it. */
async function apiSignIn(server: TestServer, email: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.signIn(email, server.demoPassword);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.text}`);
  if (res.json.me.mfa.enrolmentRequired) {
    const { Secret, TOTP } = await import('otpauth');
    const setup = await client.post('/api/me/mfa/setup');
    const totp = new TOTP({ secret: Secret.fromBase32(setup.json.secret) });
    const confirm = await client.post('/api/me/mfa/confirm', { code: totp.generate() });
    if (confirm.status !== 200) throw new Error(`MFA enrolment failed: ${confirm.text}`);
  }
  return client;
}

/** A child with Alex Morgan as lead worker, made by a children's services manager through the API. */
async function childForAlex(server: TestServer): Promise<string> {
  const manager = await apiSignIn(server, MANAGER);
  const body = {
    givenName: 'Mia',
    familyName: 'Hartwell',
    dateOfBirth: '2010-06-21',
    sex: 'female',
    school: 'Fernbridge Academy',
  };
  let made = await manager.post('/api/children', body);
  if (made.status === 409) {
    const ids = (made.json.error.fields[0].message as string).split(': ')[1]?.split(', ') ?? [];
    made = await manager.post('/api/children', { ...body, notAMatchOf: ids });
  }
  if (made.status !== 201) throw new Error(`create child failed: ${made.text}`);
  const childId = made.json.child.id as string;
  const users = await manager.get('/api/users?q=Alex');
  const alex = (users.json.users as { id: string; email: string }[]).find((u) => u.email === PRACTITIONER);
  if (!alex) throw new Error(`Alex Morgan not found: ${users.text}`);
  const lead = await manager.post(`/api/children/${childId}/professionals`, {
    userId: alex.id,
    kind: 'lead_worker',
  });
  if (lead.status !== 201) throw new Error(`allocation failed: ${lead.text}`);
  return childId;
}

/** What the page says, checked with Lantern's own victim-blaming language checker. */
async function expectNoBlamingWords(page: Page, where: string) {
  const text = await page.locator('main').innerText();
  const findings = checkText(text).findings.map((f) => `${f.ruleId}: "${f.text}"`);
  expect(findings, `wording on ${where}`).toEqual([]);
}

/** Fills a date-and-time field with the UK local time `hours` ago. */
async function fillTime(page: Page, name: string, hoursAgo: number) {
  const p = londonParts(new Date(Date.now() - hoursAgo * 3_600_000));
  const values = { '': p.day, '-month': p.month, '-year': p.year, '-hour': p.hour, '-minute': p.minute };
  for (const [suffix, value] of Object.entries(values)) {
    await page.locator(`[id="${name}${suffix}"]`).fill(String(value));
  }
}

describe('missing episodes: a practitioner records an episode, the return and the interview', () => {
  let server: TestServer;
  let browser: Browser;
  let childId: string;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    childId = await childForAlex(server);
    // A place already known to the partnership, recorded by police intelligence (fictional).
    const intel = await apiSignIn(server, 'priya.shah@fernbridge-police.example');
    const place = await intel.post('/api/contexts', {
      kind: 'place',
      sensitivity: 'standard',
      placeKind: 'leisure',
      name: 'Millbrook Arcade',
      addressLines: ['3 Millbrook Parade', 'Fernbridge'],
      postcode: 'ZX9 8QT',
    });
    if (place.status !== 201) throw new Error(`create place failed: ${place.text}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records an episode and the return, sees the interview due with its clock, records it, sees the pattern', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, PRACTITIONER, server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    // --- The child's missing episodes: none yet.
    await page.goto(`${server.url}/children/${childId}/missing`);
    await page.getByText('No missing episodes are recorded for Mia Hartwell.').waitFor();
    expect(
      await page
        .getByRole('navigation', { name: /Sections of/ })
        .getByRole('link', { name: 'Missing episodes' })
        .getAttribute('aria-current'),
    ).toBe('page');
    await expectNoAxeViolations(page, 'missing episodes, none yet');

    // --- Record an episode.
    await page.getByRole('button', { name: 'Record a missing episode' }).click();
    await expect.poll(() => heading(page)).toBe('Record a missing episode');
    expect(await page.locator('#reportedAt-hint').textContent()).toContain('UK local time');
    await expectNoAxeViolations(page, 'record a missing episode');
    await expectNoBlamingWords(page, 'record a missing episode');
    await fillTime(page, 'reportedAt', 30);
    await page.getByLabel('Who reported it').fill('Carla Hartwell');
    await page.getByLabel('Their role or relationship to the child (optional)').fill('Mother');
    await page.getByLabel('Home (family or relatives)').check();
    await page.getByLabel('Missing', { exact: true }).check();
    await page.getByLabel('Police reference (optional)').fill('FB-2026-0718');
    await page.getByLabel('Medium risk').check();
    await screenshot(page, 'missing-record-episode');
    await page.getByRole('button', { name: 'Record missing episode' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Alex Morgan has a task to repeat the risk analysis.',
    );
    await page.getByRole('heading', { name: /^Episode 1: reported missing/ }).waitFor();
    await expectNoAxeViolations(page, 'missing episodes, one episode');

    // --- Record the return: first a time before the report, refused with the reason, then the real one.
    await page.getByRole('button', { name: 'Record the return' }).click();
    await expect.poll(() => heading(page)).toBe('Record the return');
    await fillTime(page, 'returned.at', 31);
    await page.getByLabel('Found by police').check();
    await page.getByRole('button', { name: 'Record the return' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'cannot be found or return before being reported missing',
    );
    await expectNoAxeViolations(page, 'record the return, with an error');
    await fillTime(page, 'returned.at', 20);
    await page.getByLabel('Where the child was found (optional)').fill('Bus station, Mill Road');
    await page.getByRole('button', { name: 'Record the return' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toMatch(
      /A return interview should be offered by .* \(UK time\)/,
    );

    // --- My work lists the interview to offer, with a link to record it.
    await page.goto(`${server.url}/my-work`);
    const mine = page.locator('section[aria-labelledby="return-interviews"]');
    await mine
      .getByRole('link', { name: /Mia Hartwell/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'my work with a return interview to offer');
    await expectNoBlamingWords(page, 'my work');

    // --- The interviews due, with the clock.
    await page.goto(`${server.url}/missing/interviews?scope=mine`);
    await expect.poll(() => heading(page)).toBe('Return interviews due');
    const row = page.getByRole('row').filter({ hasText: 'Mia Hartwell' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/2 days \d+ hours? left/);
    await expectNoAxeViolations(page, 'return interviews due');
    await expectNoBlamingWords(page, 'return interviews due');
    await screenshot(page, 'missing-interviews-due');

    // --- Record the interview: offered independently and completed, with the child's own words.
    await row.getByRole('link', { name: /Record the interview/ }).click();
    await expect.poll(() => heading(page)).toBe('Return interview');
    await page.getByLabel('Completed', { exact: true }).check();
    await fillTime(page, 'offer.offeredAt', 10);
    await page.getByLabel('Who offered it').fill('Jess Whitcombe');
    await fillTime(page, 'completedAt', 2);
    await page.getByLabel('Placed far from family, friends or school').check();
    await page.getByLabel('Threats, debts or coercion from people exploiting the child').check();
    await page.getByLabel('The child’s account, in their own words (optional)').fill(ACCOUNT);
    await page.getByRole('button', { name: 'Add a place' }).click();
    await page.getByLabel('Record as a new place of concern').check();
    await page.getByLabel('Name of the place').fill('Flat above the Golden Wok');
    // A second place: one already recorded in Lantern, found with the contexts search.
    await page.getByRole('button', { name: 'Add a place' }).click();
    const second = page.locator('.lantern-missing-entry').filter({ hasText: 'Place 2' });
    await second.getByLabel('A place already recorded in Lantern').check();
    await second.getByLabel('Name, nickname, phone, registration or postcode').fill('Millbrook Arcade');
    await second.getByRole('button', { name: 'Find' }).click();
    // Choosing a record replaces the search with the record chosen.
    await second.getByLabel(/Millbrook Arcade/).click();
    await second.getByRole('button', { name: /Choose another/ }).waitFor();
    await expectNoAxeViolations(page, 'return interview form');
    await expectNoBlamingWords(page, 'return interview form');
    await screenshot(page, 'missing-interview');
    await page.getByRole('button', { name: 'Save return interview' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();

    // --- The pattern chart and the record of the interview.
    const chart = page.getByRole('img', { name: /Missing episodes over time/ });
    await chart.waitFor();
    expect(await page.locator('svg title#missing-chart-title').count()).toBe(1);
    expect(await page.locator('svg desc#missing-chart-desc').textContent()).toContain('1 episode');
    const table = page.getByRole('table', { name: /Every episode, oldest first/ });
    expect(await table.textContent()).toContain('Bus station, Mill Road');
    expect(await page.locator('blockquote').textContent()).toContain(ACCOUNT);
    expect(await page.locator('blockquote').textContent()).toContain('own words');
    expect(await page.getByRole('table', { name: 'Places and people named' }).textContent()).toContain(
      'Flat above the Golden Wok',
    );
    // The linked place leads to its page in Contexts, and can be recorded as a graded link.
    expect(await page.getByRole('link', { name: 'Millbrook Arcade' }).first().getAttribute('href')).toMatch(
      /^\/contexts\//,
    );
    await page.getByText('Record this place as a link').first().click();
    await page.getByLabel('Stayed there').check();
    await page.getByLabel('2 — Untested').check();
    await page.getByLabel('C — Known indirectly to the source', { exact: true }).check();
    await page.getByLabel('P — Lawful sharing permitted', { exact: true }).check();
    await expectNoAxeViolations(page, 'record a place as a link');
    await page.getByRole('button', { name: 'Record the link' }).click();
    await page.getByRole('link', { name: 'see the link and its grading' }).first().waitFor();
    await expectNoAxeViolations(page, 'missing episodes with the pattern chart');
    await expectNoBlamingWords(page, 'missing episodes with the pattern chart');
    await screenshot(page, 'missing-pattern');

    // Offered, Mia's return leaves the list (the demo's own children may still be on it).
    await page.goto(`${server.url}/missing/interviews?scope=mine`);
    await expect.poll(() => heading(page)).toBe('Return interviews due');
    await page
      .locator('.govuk-table, p.govuk-body:has-text("No return interviews are waiting")')
      .first()
      .waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Mia Hartwell' }).count()).toBe(0);

    expect(pageProblems(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
