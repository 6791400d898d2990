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

const REFERRER = 'tom.reed@fernbridge-school.example';
const SCREENER = 'alex.morgan@fernbridge.example';
const PRACTITIONER = 'bea.lindqvist@fernbridge.example';
const MANAGER = 'sam.carter@fernbridge.example';
const NOTE =
  'Met Jaden at the youth centre with his youth worker. He said an older boy called “Tee” asked him to carry a bag.';
const CORRECTED =
  'Met Jaden at the Fernbridge youth centre with his youth worker. He said an older boy called “Tee” asked him to carry a bag to the station.';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Signs in through the API, setting up 2-step verification first where the account needs it. */
async function apiSignIn(baseUrl: string, email: string, password: string): Promise<Client> {
  const client = new Client(baseUrl);
  const res = await client.signIn(email, password);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.text}`);
  if (res.json.me.mfa.enrolmentRequired) {
    const setup = await client.post('/api/me/mfa/setup');
    const totp = new TOTP({ secret: Secret.fromBase32(setup.json.secret) });
    const confirm = await client.post('/api/me/mfa/confirm', { code: totp.generate() });
    if (confirm.status !== 200) throw new Error(`MFA enrolment failed: ${confirm.text}`);
  }
  return client;
}

/** A school's referral about Jaden, linked to a new record and decided by the front door, through the API. */
async function referredAndDecided(server: TestServer): Promise<{ childId: string; csc: Client }> {
  const school = await apiSignIn(server.url, REFERRER, server.demoPassword);
  const made = await school.post('/api/referrals', {
    immediateDanger: false,
    child: {
      givenName: 'Jaden',
      familyName: 'Okafor',
      dateOfBirth: '2011-07-02',
      school: 'Fernbridge Academy',
    },
    narrative:
      'Jaden has been seen at Fernbridge station late at night with older young people, carrying a bag.',
    seenOrHeardBy: 'Head of year, Fernbridge Academy',
    happenedOn: daysAgo(2),
    harmKinds: ['criminal'],
    onlineElement: 'not_known',
    childKnows: true,
    familyKnows: true,
    observations: [{ indicatorId: 's-missing', observedOn: daysAgo(3) }],
  });
  if (made.status !== 201) throw new Error(`referral failed: ${made.text}`);
  const id = made.json.referral.id as string;
  const csc = await apiSignIn(server.url, SCREENER, server.demoPassword);
  const linked = await csc.post(`/api/referrals/${id}/child`, { create: {} });
  if (linked.status !== 200) throw new Error(`link failed: ${linked.text}`);
  const decided = await csc.post(`/api/referrals/${id}/decision`, {
    decision: 'strategy_discussion',
    reasons:
      'Reasonable cause to suspect Jaden is being criminally exploited by older people at the station.',
    feedbackToReferrer: 'Thank you. Agencies will meet to plan how to keep Jaden safe.',
  });
  if (decided.status !== 200) throw new Error(`decision failed: ${decided.text}`);
  return { childId: linked.json.referral.child.id as string, csc };
}

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: /Sections of/ }).getByRole('link', { name, exact: true });
}

describe('the child’s record: summary, chronology, case notes, flags', () => {
  let server: TestServer;
  let browser: Browser;
  let childId: string;
  let alex: Client;
  let bea: { context: BrowserContext; page: Page };
  let sam: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    ({ childId, csc: alex } = await referredAndDecided(server));
  });

  afterAll(async () => {
    await bea?.context.close();
    await sam?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('a front-door practitioner reads the record, adds and corrects a note, and records harm', async () => {
    bea = await newPage(browser);
    const { page } = bea;
    await signIn(page, server.url, PRACTITIONER, server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    // ---- The record's summary.
    await page.goto(`${server.url}/children/${childId}`);
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    await page.getByRole('heading', { name: 'Strengths and interests' }).waitFor();
    const overview = (await page.locator('main').textContent()) ?? '';
    expect(overview).toContain('2 July 2011');
    expect(overview).toContain('No exploitation flag recorded');
    expect(overview).toContain('Concerns');
    // What the referrer noticed is shown as unverified.
    expect(overview).toContain('Unverified');
    expect(overview).not.toMatch(/high risk/i);
    await expectNoAxeViolations(page, 'child’s record: overview');
    await screenshot(page, 'child-1-overview');

    await section(page, 'Details').click();
    await page.getByRole('heading', { name: 'Statutory status history' }).waitFor();
    expect(await heading(page)).toBe('Jaden Okafor');
    await expectNoAxeViolations(page, 'child’s record: details');
    await screenshot(page, 'child-2-details');

    // ---- The chronology: the referral (unverified, from the school) and the decision.
    await section(page, 'Chronology').click();
    const table = page.locator('table.lantern-chronology');
    await table.waitFor();
    const referralRow = table.getByRole('row').filter({ hasText: 'Referral from Fernbridge Academy' });
    const decisionRow = table.getByRole('row').filter({ hasText: 'Screening decision' });
    await referralRow.waitFor();
    await decisionRow.waitFor();
    expect(await referralRow.textContent()).toContain('Unverified');
    expect(await referralRow.textContent()).toContain('Tom Reed');
    expect(await referralRow.textContent()).toContain('Label: Standard');
    expect(await decisionRow.textContent()).toContain('Strategy discussion');
    await expectNoAxeViolations(page, 'chronology');
    await screenshot(page, 'child-3-chronology');

    // Filter to unverified entries only.
    await page.getByLabel('Verification').selectOption({ label: 'Unverified' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toMatch(/verification=unverified/);
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Screening decision' }).count()).toBe(0);
    expect(await table.getByRole('row').filter({ hasText: 'Referral from Fernbridge Academy' }).count()).toBe(
      1,
    );
    await expectNoAxeViolations(page, 'chronology, filtered');
    await page.getByRole('link', { name: 'Clear the filters' }).click();

    // ---- Case notes: write a draft, finalise it, correct it with a reason.
    await section(page, 'Case notes').click();
    await page.getByText('There are no case notes you can see.').waitFor();
    await expectNoAxeViolations(page, 'case notes');
    await page.getByRole('button', { name: 'Add a case note' }).click();
    await expect.poll(() => heading(page)).toBe('Add a case note');
    await page.getByRole('radio', { name: 'Direct work' }).waitFor();
    await expectNoAxeViolations(page, 'add a case note');
    // Nothing filled in: the server's errors against each field.
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('#body-error').count()).toBe(1);
    await expectNoAxeViolations(page, 'add a case note, with errors');

    await page.getByRole('radio', { name: 'Direct work' }).check();
    const when = page.getByRole('group', { name: 'When did it happen?' });
    const [year, month, day] = daysAgo(1).split('-');
    await when.getByLabel('Day').fill(String(Number(day)));
    await when.getByLabel('Month').fill(String(Number(month)));
    await when.getByLabel('Year').fill(year ?? '');
    await page.getByLabel('The note').fill(NOTE);
    await screenshot(page, 'child-4-add-note');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Direct work, /);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'saved as a draft',
    );
    expect(await page.locator('main').textContent()).toContain('Draft');
    await expectNoAxeViolations(page, 'a draft note');

    await page.getByRole('button', { name: 'Finalise the note' }).click();
    await expect.poll(() => heading(page)).toBe('Finalise the note');
    await expectNoAxeViolations(page, 'finalise the note');
    await page.getByRole('button', { name: 'Finalise the note' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Direct work, /);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('finalised');
    // Once final it cannot be changed, only corrected.
    expect(await page.getByRole('button', { name: 'Change the draft' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Correct the note' }).click();
    await expect.poll(() => heading(page)).toBe('Correct the note');
    await page.getByLabel('The corrected note').fill(CORRECTED);
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.locator('#reason-error').waitFor();
    await expectNoAxeViolations(page, 'correct the note, with errors');
    await page
      .getByLabel('Reason for the correction')
      .fill('The place and where he was asked to go were missing.');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Direct work, /);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const history = (await page.locator('.lantern-versions').textContent()) ?? '';
    expect(history).toContain('Original');
    expect(history).toContain(NOTE);
    expect(history).toContain('Correction 1');
    expect(history).toContain('The place and where he was asked to go were missing.');
    expect(await page.locator('.lantern-note-body').textContent()).toContain(CORRECTED);
    await expectNoAxeViolations(page, 'a corrected note');
    await screenshot(page, 'child-5-corrected-note');

    await page.getByRole('link', { name: 'Back to case notes' }).click();
    const noteRow = page.getByRole('row').filter({ hasText: 'Direct work' });
    await noteRow.waitFor();
    expect(await noteRow.textContent()).toContain('Corrected');

    // ---- Flags and harm: suspected or known, against the policy definition.
    await section(page, 'Flags and harm').click();
    await page.getByText('No exploitation flag is recorded.').waitFor();
    await expectNoAxeViolations(page, 'flags and harm');
    await page.getByRole('button', { name: 'Add a flag' }).click();
    await expect.poll(() => heading(page)).toBe('Add a flag');
    await page.getByRole('radio', { name: 'Child criminal exploitation' }).check();
    await page
      .getByLabel('What is the imbalance of power?')
      .fill('Older young people and adults at the station; Jaden is 15 and says he owes them money.');
    await page
      .getByLabel('What is exchanged?')
      .fill('Jaden is given money and food; the people exploiting him sell drugs.');
    await page.getByLabel('The person exploiting the child (money, status or other gain)').check();
    await page
      .getByRole('group', { name: 'Is the child under 18?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByRole('radio', { name: 'In person', exact: true }).check();
    await page.getByRole('radio', { name: 'Exploitation suspected' }).check();
    await page
      .getByLabel('Why do you say this?')
      .fill('The school and his youth worker have both seen this; not yet confirmed by police.');
    await expectNoAxeViolations(page, 'add a flag');
    await page.getByRole('button', { name: 'Add the flag' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    await page.locator('.govuk-summary-card').first().waitFor();
    const flags = (await page.locator('main').textContent()) ?? '';
    expect(flags).toContain('Exploitation suspected');
    expect(flags).toContain('Imbalance of power');
    expect(flags).not.toMatch(/high risk/i);
    await expectNoAxeViolations(page, 'flags and harm, with a flag');
    await screenshot(page, 'child-6-flags');

    // ---- Allocation and closure: shown, with only the actions the server allows.
    await section(page, 'Allocation').click();
    await page.getByRole('heading', { name: 'Allocation' }).waitFor();
    expect(await page.getByRole('button', { name: 'Allocate a worker' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'allocation');
    await section(page, 'Closure').click();
    await page.getByRole('heading', { name: 'Closure' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ask to close the case' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'closure');

    await section(page, 'Overview').click();
    await page.getByRole('heading', { name: 'Strengths and interests' }).waitFor();
    expect(await page.locator('.lantern-child-facts').textContent()).toContain('Exploitation suspected');
    await screenshot(page, 'child-7-overview-with-flag');

    expect(pageProblems(page)).toEqual([]);
  }, 180_000);

  it('a manager allocates a lead worker; closure needs a reason and a manager, and never gives up on the child', async () => {
    sam = await newPage(browser);
    const manager = sam.page;
    await signIn(manager, server.url, MANAGER, server.demoPassword);
    await enrolInMfa(manager);
    await expect.poll(() => heading(manager)).toBe('My work');

    // ---- Allocation, by a children's social care manager.
    await manager.goto(`${server.url}/children/${childId}/allocation`);
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    await manager.getByRole('button', { name: 'Allocate a worker' }).click();
    await expect.poll(() => heading(manager)).toBe('Allocate a worker');
    await manager.locator('#userId option', { hasText: 'Bea Lindqvist' }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(manager, 'allocate a worker');
    await manager.getByLabel('Who?').selectOption({ label: 'Bea Lindqvist, Fernbridge Children’s Services' });
    await manager.getByRole('radio', { name: 'Lead worker' }).check();
    await manager.getByRole('button', { name: 'Allocate', exact: true }).click();
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    const lead = manager.getByRole('row').filter({ hasText: 'Bea Lindqvist' });
    await lead.waitFor();
    expect(await lead.textContent()).toContain('Lead worker');
    await screenshot(manager, 'child-8-allocation');

    // ---- The lead worker: not having reached the child keeps the case open, with an outreach action.
    const page = bea.page;
    await page.goto(`${server.url}/children/${childId}/closure`);
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    await page.getByRole('button', { name: 'Ask to close the case' }).click();
    await expect.poll(() => heading(page)).toBe('Ask to close the case');
    const options = (await page.locator('form').textContent()) ?? '';
    expect(options).not.toMatch(/disengag|refus|non-complian|lifestyle|chose/i);
    await expectNoAxeViolations(page, 'ask to close the case');
    await screenshot(page, 'child-9-request-closure');
    await page.getByRole('radio', { name: 'Services have not yet found a way to engage' }).check();
    await page
      .getByLabel('Details')
      .fill(
        'Jaden has not come to the last two appointments at the youth centre. We will try meeting him at school.',
      );
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'The case stays open',
    );
    expect(await page.locator('.lantern-child-facts').textContent()).toContain('Open');
    await page.getByRole('button', { name: 'Ask to close the case' }).waitFor();

    // A closure with a reason waits for a manager.
    await page.getByRole('button', { name: 'Ask to close the case' }).click();
    await expect.poll(() => heading(page)).toBe('Ask to close the case');
    await page.getByRole('radio', { name: 'The plan is complete and the child is safe' }).check();
    await page
      .getByLabel('Details')
      .fill('Jaden has settled at a new school with a mentor; the people at the station have been arrested.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Closure requested',
    );
    // The one who asked cannot approve it.
    expect(await page.getByRole('button', { name: 'Approve or decline the closure' }).count()).toBe(0);

    // ---- The manager approves, then reopens.
    await manager.goto(`${server.url}/children/${childId}/closure`);
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    await manager.getByRole('button', { name: 'Approve or decline the closure' }).click();
    await expect.poll(() => heading(manager)).toBe('Approve or decline the closure');
    await manager.getByText('The plan is complete and the child is safe').waitFor();
    await expectNoAxeViolations(manager, 'approve or decline the closure');
    await screenshot(manager, 'child-10-closure-decision');
    await manager.getByRole('radio', { name: 'Approve: close the case' }).check();
    await manager.getByRole('button', { name: 'Save the decision' }).click();
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    expect(await manager.locator('.govuk-notification-banner--success').textContent()).toContain(
      'The case has been closed',
    );
    expect(await manager.locator('.lantern-child-facts').textContent()).toContain('Closed');

    await manager.getByRole('button', { name: 'Reopen the case' }).click();
    await expect.poll(() => heading(manager)).toBe('Reopen the case');
    await expectNoAxeViolations(manager, 'reopen the case');
    await manager
      .getByLabel('Why are you reopening the case?')
      .fill('Jaden was seen at the station again last night.');
    await manager.getByRole('button', { name: 'Reopen the case' }).click();
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    expect(await manager.locator('.govuk-notification-banner--success').textContent()).toContain('reopened');

    // ---- My work: the lead worker's child and the outreach action, each linked.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click();
    await expect.poll(() => heading(page)).toBe('My work');
    await page.getByRole('link', { name: 'Jaden Okafor', exact: true }).waitFor();
    await page.getByRole('link', { name: /^Outreach:/ }).waitFor();
    await expectNoAxeViolations(page, 'my work, lead worker');
    await screenshot(page, 'child-11-my-work');

    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(manager)).toEqual([]);
  }, 180_000);
  it('finds the child, changes details, adds an address and a statutory status, ends it; a manager merges a duplicate and undoes it', async () => {
    const page = bea.page;

    // ---- Children: search, with an empty state that says what to do.
    await page.goto(`${server.url}/children`);
    await expect.poll(() => heading(page)).toBe('Children');
    await expectNoAxeViolations(page, 'children search');
    await page.getByLabel('Search by name or known-as name').fill('J');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#q-error').waitFor();
    await expectNoAxeViolations(page, 'children search, with errors');
    await page.getByLabel('Search by name or known-as name').fill('Ozymandias Vexley');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: /No children found/ }).waitFor();
    await expectNoAxeViolations(page, 'children search, nothing found');
    await page.getByLabel('Search by name or known-as name').fill('Jaden Okafor');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Jaden Okafor' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    await screenshot(page, 'child-12-search');

    // ---- Details: each row has a Change link; a practitioner cannot merge records.
    await section(page, 'Details').click();
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    expect(await page.getByRole('button', { name: 'Merge another record into this one' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'details, with change links');

    await page.getByRole('link', { name: 'Change known-as names' }).click();
    await expect.poll(() => heading(page)).toBe('Change the name');
    await expectNoAxeViolations(page, 'change the name');
    // The server refuses an empty first name, against the field.
    await page.getByLabel('First name').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#givenName-error').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('First name');
    await expectNoAxeViolations(page, 'change the name, with errors');
    await page.getByLabel('First name').fill('Jaden');
    await page.getByLabel('Known as (optional)').fill('JJ');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain('Name changed');
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('JJ');

    // A special category detail carries its label on the page that changes it.
    await page.getByRole('link', { name: 'Change ethnicity' }).click();
    await expect.poll(() => heading(page)).toBe('Change the ethnicity');
    await expect
      .poll(async () => (await page.locator('main').textContent()) ?? '')
      .toContain('Special category');
    await expectNoAxeViolations(page, 'change the ethnicity');
    await page.getByLabel(/^Ethnicity/).fill('Black British');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('Black British');

    await page.getByRole('link', { name: 'Change date of birth' }).click();
    await expect.poll(() => heading(page)).toBe('Change the date of birth');
    await page.getByRole('radio', { name: 'No, but I can estimate the child’s age' }).check();
    await page.getByLabel('Estimated age in years').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#estimatedAge-error').waitFor();
    await expectNoAxeViolations(page, 'change the date of birth, with errors');
    await page.getByRole('radio', { name: 'Yes, I know the date of birth' }).check();
    const dob = page.getByRole('group', { name: 'Date of birth', exact: true });
    await dob.getByLabel('Day').fill('3');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('3 July 2011');

    await page.getByRole('link', { name: 'Change strengths' }).click();
    await expect.poll(() => heading(page)).toBe('Change strengths and interests');
    await page.getByLabel('Strengths', { exact: true }).fill('Funny, loyal to his friends, good at maths.');
    await page.getByLabel('Interests', { exact: true }).fill('Football and making music with his cousin.');
    await expectNoAxeViolations(page, 'change strengths and interests');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('good at maths');

    // ---- Address history.
    await page.getByRole('button', { name: 'Add an address' }).click();
    await expect.poll(() => heading(page)).toBe('Add an address');
    await expectNoAxeViolations(page, 'add an address');
    await page.getByRole('button', { name: 'Add the address' }).click();
    await page.locator('#line1-error').waitFor();
    await expectNoAxeViolations(page, 'add an address, with errors');
    await page.getByLabel('Address line 1').fill('7 Heron Close');
    await page.getByLabel('Town or city (optional)').fill('Fernbridge');
    await page.getByLabel('Postcode (optional)').fill('FB4 9QT');
    const [fy, fm, fd] = daysAgo(10).split('-');
    const from = page.getByRole('group', { name: /start living here/ });
    await from.getByLabel('Day').fill(String(Number(fd)));
    await from.getByLabel('Month').fill(String(Number(fm)));
    await from.getByLabel('Year').fill(fy ?? '');
    await page.getByRole('button', { name: 'Add the address' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    const address = page.getByRole('row').filter({ hasText: '7 Heron Close' });
    await address.waitFor();
    expect(await address.textContent()).toContain('Current');
    await screenshot(page, 'child-13-details');

    // ---- Statutory status: add, then end, with the history kept.
    await page.getByRole('button', { name: 'Add a statutory status' }).click();
    await expect.poll(() => heading(page)).toBe('Add a statutory status');
    await page.getByRole('button', { name: 'Add the status' }).click();
    await page.locator('#status-error').waitFor();
    expect(await page.locator('#reason-error').count()).toBe(1);
    await expectNoAxeViolations(page, 'add a statutory status, with errors');
    await page.getByRole('radio', { name: 'Child in Need (section 17)' }).check();
    const [sy, sm, sd] = daysAgo(8).split('-');
    const started = page.getByRole('group', { name: 'When did it start?' });
    await started.getByLabel('Day').fill(String(Number(sd)));
    await started.getByLabel('Month').fill(String(Number(sm)));
    await started.getByLabel('Year').fill(sy ?? '');
    await page
      .getByLabel('Reason')
      .fill('Children’s services assessment found Jaden needs support to stay safe.');
    await page.getByRole('button', { name: 'Add the status' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    const status = page.getByRole('row').filter({ hasText: 'Child in Need (section 17)' });
    await status.waitFor();
    expect(await status.textContent()).toContain('Current');

    await status.getByRole('link', { name: 'End Child in Need (section 17)' }).click();
    await expect.poll(() => heading(page)).toBe('End Child in Need (section 17)');
    await expectNoAxeViolations(page, 'end a statutory status');
    const [ey, em, ed] = daysAgo(1).split('-');
    const ended = page.getByRole('group', { name: 'When did it end?' });
    await ended.getByLabel('Day').fill(String(Number(ed)));
    await ended.getByLabel('Month').fill(String(Number(em)));
    await ended.getByLabel('Year').fill(ey ?? '');
    await page.getByLabel('Reason').fill('Stepped up to a child protection plan.');
    await page.getByRole('button', { name: 'End the status' }).click();
    await expect.poll(() => heading(page)).toBe('Jaden Okafor');
    const endedRow = page.getByRole('row').filter({ hasText: 'Child in Need (section 17)' });
    await endedRow.waitFor();
    await expect.poll(async () => (await endedRow.textContent()) ?? '').not.toContain('Current');
    await expectNoAxeViolations(page, 'details, with history');

    // ---- A duplicate record of the same child, made at the front door.
    const body = {
      givenName: 'Jaden',
      familyName: 'Okafor',
      knownAs: ['Jay'],
      dateOfBirth: '2011-07-03',
      school: 'Fernbridge Academy',
    };
    let made = await alex.post('/api/children', body);
    if (made.status === 409) {
      const ids = (made.json.error.fields[0].message as string).split(': ')[1]?.split(', ') ?? [];
      made = await alex.post('/api/children', { ...body, notAMatchOf: ids });
    }
    if (made.status !== 201) throw new Error(`duplicate failed: ${made.text}`);
    const duplicateId = made.json.child.id as string;

    // ---- The manager merges it, seeing both records side by side, then undoes the merge.
    // The manager signed in (with two-factor authentication) in the test before.
    const manager = sam.page;
    await manager.goto(`${server.url}/children/${childId}/details`);
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    await manager.getByRole('button', { name: 'Merge another record into this one' }).click();
    await expect.poll(() => heading(manager)).toBe('Merge another record into this one');
    await manager.getByRole('link', { name: 'Compare with Jaden Okafor' }).first().waitFor();
    await expectNoAxeViolations(manager, 'merge: find the other record');
    await manager.goto(`${server.url}/children/${childId}/merge/${duplicateId}`);
    await expect.poll(() => heading(manager)).toBe('Check and merge the records');
    const comparison = manager.locator('table.lantern-merge-comparison');
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain('Jay');
    expect(await comparison.textContent()).toContain('JJ');
    await expectNoAxeViolations(manager, 'merge: the two records side by side');
    await manager.getByRole('button', { name: 'Merge the records' }).click();
    await manager.locator('#reason-error').waitFor();
    await expectNoAxeViolations(manager, 'merge, with errors');
    await manager
      .getByLabel('Why are these the same child?')
      .fill('Same school and home address; the school confirmed the date of birth was mistyped.');
    await screenshot(manager, 'child-14-merge');
    await manager.getByRole('button', { name: 'Merge the records' }).click();
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    expect(await manager.locator('.govuk-notification-banner--success').textContent()).toContain(
      'The records have been merged',
    );
    const undo = manager.getByRole('link', { name: 'Undo the merge of Jaden Okafor' });
    await undo.waitFor();
    await expectNoAxeViolations(manager, 'details, with a merged record');

    // The duplicate's address now leads to the record that was kept.
    await manager.goto(`${server.url}/children/${duplicateId}`);
    await expect.poll(() => manager.url()).toContain(`/children/${childId}`);

    await manager.goto(`${server.url}/children/${childId}/details`);
    await undo.click();
    await expect.poll(() => heading(manager)).toBe('Undo the merge');
    await expectNoAxeViolations(manager, 'undo the merge');
    await manager
      .getByLabel('Why are you undoing the merge?')
      .fill('The school has since found these are two different boys with the same name.');
    await manager.getByRole('button', { name: 'Undo the merge' }).click();
    await expect.poll(() => heading(manager)).toBe('Jaden Okafor');
    expect(await manager.locator('.govuk-notification-banner--success').textContent()).toContain(
      'The merge has been undone',
    );
    await manager.getByText('No other record has been merged into this one.').waitFor();
    const separate = await alex.get(`/api/children/${duplicateId}`);
    expect(separate.json.child.mergedIntoId).toBeNull();

    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(manager)).toEqual([]);
  }, 240_000);
});
