import { Secret, TOTP } from 'otpauth';
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
} from './support.ts';

const INTELLIGENCE_OFFICER = 'priya.shah@fernbridge-police.example';
const SCREENER = 'alex.morgan@fernbridge.example';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A child's record made by the front door through the API, as the setup for the journey. */
async function childOnRecord(server: TestServer): Promise<{ id: string; name: string }> {
  const client = new Client(server.url);
  const res = await client.signIn(SCREENER, server.demoPassword);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.text}`);
  if (res.json.me.mfa.enrolmentRequired) {
    const setup = await client.post('/api/me/mfa/setup');
    const totp = new TOTP({ secret: Secret.fromBase32(setup.json.secret) });
    await client.post('/api/me/mfa/confirm', { code: totp.generate() });
  }
  const body = {
    givenName: 'Kyla',
    familyName: 'Brennock',
    dateOfBirth: '2011-02-17',
    sex: 'female',
    knownAs: [],
  };
  let made = await client.post('/api/children', body);
  if (made.status === 409) {
    const ids = (made.json.error.fields[0].message as string).split(': ')[1]?.split(', ') ?? [];
    made = await client.post('/api/children', { ...body, notAMatchOf: ids });
  }
  if (made.status !== 201) throw new Error(`child failed: ${made.status} ${made.text}`);
  return { id: made.json.child.id, name: 'Kyla Brennock' };
}

async function fillDate(page: Page, name: string, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.locator(`#${name}`).fill(String(Number(day)));
  await page.locator(`#${name}-month`).fill(String(Number(month)));
  await page.locator(`#${name}-year`).fill(year ?? '');
}

/** From a context's page: link it to the child, with its grade. */
async function linkToChild(page: Page, childName: string, nature: RegExp) {
  await page.getByRole('button', { name: 'Link to a child' }).click();
  await expect.poll(() => heading(page)).toBe('Record a link');
  await page.getByLabel('Child’s name').fill(childName);
  await page.getByRole('button', { name: 'Find' }).click();
  // Choosing the child replaces the search with the choice made.
  await page.getByRole('radio', { name: new RegExp(`^${childName}`) }).click();
  await page.getByRole('button', { name: /Choose another/ }).waitFor();
  await page.getByLabel(nature).check();
  await fillDate(page, 'firstSeen', daysAgo(12));
  await fillDate(page, 'lastSeen', daysAgo(5));
  await page.getByLabel(/^1 — Reliable/).check();
  await page.getByLabel(/^B — Known indirectly to the source but corroborated/).check();
  await page.getByLabel(/^P — Lawful sharing permitted$/).check();
  await expectNoAxeViolations(page, 'record a link');
  await page.getByRole('button', { name: 'Save the link' }).click();
}

describe('contexts: a police intelligence officer maps a child’s network', () => {
  let server: TestServer;
  let browser: Browser;
  let child: { id: string; name: string };
  let session: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    child = await childOnRecord(server);
  }, 180_000);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('records a person of concern and a place, links them to a child, and reads the network as text', async () => {
    session = await newPage(browser);
    const { page } = session;
    await signIn(page, server.url, INTELLIGENCE_OFFICER, server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    // ---- A person of concern.
    await page.getByRole('link', { name: 'Contexts', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Contexts');
    await expectNoAxeViolations(page, 'contexts');
    await page.getByRole('button', { name: 'Record a person, place or other context' }).click();
    await page.getByLabel('Person of concern').check();
    await page.getByLabel('Name (if known)').fill('Tyrell Vance');
    await page.getByLabel('Nicknames and other names (optional)').fill('Tee');
    await page.getByLabel('Phone numbers (optional)').fill('07700 900123');
    await page
      .getByLabel('Description (optional)')
      .fill('Seen waiting in a silver car outside Fernbridge Academy at home time.');
    await expectNoAxeViolations(page, 'record a person of concern');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await expect.poll(() => heading(page)).toBe('Tyrell Vance');
    const personUrl = page.url();
    expect(await page.locator('main').textContent()).toContain('+447700900123');
    await expectNoAxeViolations(page, 'person of concern');
    await screenshot(page, 'contexts-1-person');
    await linkToChild(page, child.name, /seen with Tyrell Vance/);
    await expect.poll(() => heading(page)).toBe('Tyrell Vance');
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('1B P');

    // ---- A place, linked to the same child.
    await page.goto(`${server.url}/contexts/new`);
    await page.getByLabel('Place', { exact: true }).check();
    await page.getByLabel('Kind of place').selectOption({ label: 'Takeaway' });
    await page.getByLabel('Name (optional)').fill('Kestrel Fried Chicken');
    await page.getByLabel('Address (optional)').fill('14 Wharf Street\nFernbridge');
    await page.getByLabel('Postcode (optional)').fill('zx1 4ab');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await expect.poll(() => heading(page)).toBe('Kestrel Fried Chicken');
    await linkToChild(page, child.name, /spends time at Kestrel Fried Chicken/);
    await expect.poll(() => heading(page)).toBe('Kestrel Fried Chicken');
    const links = page.getByRole('table', { name: 'Links in the default view' });
    await expect.poll(async () => (await links.textContent()) ?? '').toContain(child.name);
    await expectNoAxeViolations(page, 'place with its link');

    // ---- The network around the person of concern, two steps out.
    await page.goto(personUrl);
    await expect.poll(() => heading(page)).toBe('Tyrell Vance');
    await page.getByRole('button', { name: 'See the network' }).click();
    await expect.poll(() => heading(page)).toBe('Around Tyrell Vance');
    const records = page.getByRole('table', { name: /^Records/ });
    await expect.poll(async () => (await records.textContent()) ?? '').toContain('Kestrel Fried Chicken');
    const text = (await records.textContent()) ?? '';
    expect(text).toContain(child.name);
    expect(text).toContain('Tyrell Vance');
    const linkTable = (await page.getByRole('table', { name: /^Links/ }).textContent()) ?? '';
    expect(linkTable).toContain('seen with');
    expect(linkTable).toContain('spends time at');
    await page.locator('.lantern-network__canvas canvas').first().waitFor();
    expect(
      await page.getByRole('img', { name: /Drawing of the network: 3 records and 2 links/ }).count(),
    ).toBe(1);
    await expectNoAxeViolations(page, 'network view');
    await screenshot(page, 'contexts-2-network');

    // ---- One step only: the place drops out, in the drawing and the list alike.
    await page.getByLabel('How many links away').selectOption('1');
    await page.getByRole('button', { name: 'Show the network' }).click();
    await expect
      .poll(async () => (await page.getByRole('table', { name: /^Records/ }).textContent()) ?? '')
      .not.toContain('Kestrel');
    expect(pageProblems(page)).toEqual([]);
  });
});
