import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
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

const SENTENCE = 'She is putting herself at risk with her boyfriend who is 24';

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu' });
}

describe('the language assistant', () => {
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

  it('points out blaming words as they are typed, and uses a suggestion in one click', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'tom.reed@fernbridge-school.example', server.demoPassword);
    await expect.poll(() => heading(page)).toBe('My work');
    await menu(page).getByRole('link', { name: 'Check wording' }).click();
    await expect.poll(() => heading(page)).toBe('Check your wording');
    // A referrer is offered the wording check, but not the rules or the statistics.
    expect(await page.getByRole('link', { name: 'Language rules' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Language statistics' }).count()).toBe(0);

    const field = page.getByLabel('Your text');
    const checks: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/language/check')) checks.push(request.postData() ?? '');
    });
    await field.pressSequentially(SENTENCE, { delay: 15 });

    const findings = page.locator('.lantern-language__finding');
    await expect.poll(() => findings.count()).toBe(2);
    // Checked after a pause in typing, not for every key.
    expect(checks.length).toBeLessThan(5);
    expect(await findings.nth(0).locator('mark').textContent()).toBe('putting herself at risk');
    expect(await findings.nth(1).locator('mark').textContent()).toBe('boyfriend');
    expect(await findings.nth(0).textContent()).toContain('No child puts themselves at risk');
    expect(await findings.nth(0).textContent()).toContain('Source: Seed 000');

    // Screen readers: the field is described by the assistant's summary, and the change is announced.
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('text-language');
    expect(await page.locator('#text-language').textContent()).toBe(
      '2 wording suggestions below. You can still save as it is.',
    );
    const liveRegion = page.locator('.lantern-language [aria-live="polite"]');
    await expect
      .poll(() => liveRegion.textContent())
      .toBe('2 wording suggestions below the field, about ‘putting herself at risk’, ‘boyfriend’.');
    // Nothing was changed without a click.
    expect(await field.inputValue()).toBe(SENTENCE);

    await expectNoAxeViolations(page, 'check wording, with suggestions');
    await screenshot(page, 'language-assistant');

    const use = page.getByRole('button', {
      name: 'Use ‘is being exploited by [who]’ instead of ‘putting herself at risk’',
    });
    expect(await use.count()).toBe(1);
    await use.click();
    expect(await field.inputValue()).toBe('She is being exploited by [who] with her boyfriend who is 24');
    // Focus goes back to the text, with the placeholder selected to type over.
    expect(
      await page.evaluate(() => {
        const active = document.activeElement as HTMLTextAreaElement;
        return `${active.id}:${active.value.slice(active.selectionStart, active.selectionEnd)}`;
      }),
    ).toBe('text:[who]');

    await expect.poll(() => findings.count()).toBe(1);
    expect(await findings.nth(0).locator('mark').textContent()).toBe('boyfriend');
    await expect
      .poll(() => liveRegion.textContent())
      .toBe('1 wording suggestion below the field, about ‘boyfriend’.');
    await expectNoAxeViolations(page, 'check wording, after using a suggestion');

    // Counted for the team, once each; the text itself is nowhere.
    const counts = await server.server.database.db
      .selectFrom('language_counts')
      .innerJoin('teams', 'teams.id', 'language_counts.team_id')
      .select(['teams.name', 'rule_id', 'flagged', 'accepted'])
      .orderBy('rule_id')
      .execute();
    expect(counts.map((c) => [c.name, c.rule_id, Number(c.flagged), Number(c.accepted)])).toEqual([
      ['Pastoral Team', 'boyfriend-girlfriend', 1, 0],
      ['Pastoral Team', 'putting-self-at-risk', 1, 1],
    ]);

    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('an administrator switches a rule off with a reason, adds a rule, and reads the statistics', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'admin@fernbridge.example', server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    await menu(page).getByRole('link', { name: 'Check wording' }).click();
    await expect.poll(() => heading(page)).toBe('Check your wording');
    await page.getByRole('link', { name: 'Language rules' }).click();
    await expect.poll(() => heading(page)).toBe('Language rules');
    await page.getByRole('table', { name: 'Criminalising and dehumanising words' }).waitFor();
    await expectNoAxeViolations(page, 'language rules');
    await screenshot(page, 'language-rules');

    await page.getByRole('link', { name: 'Switch off absconded' }).click();
    await expect.poll(() => heading(page)).toBe('Switch off absconded');
    await page.getByRole('button', { name: 'Switch off rule' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('#reason-error').textContent()).toContain('The reason');
    await expectNoAxeViolations(page, 'switch off a rule, with errors');
    await page
      .getByLabel('Why is the partnership switching this rule off?')
      .fill('Local guidance already says “went missing”.');
    await page.getByRole('button', { name: 'Switch off rule' }).click();
    await expect.poll(() => heading(page)).toBe('Language rules');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'absconded is switched off',
    );
    const row = page.getByRole('row').filter({ hasText: 'absconded' });
    expect(await row.textContent()).toContain('Switched off');

    // The partnership adds a rule of its own; the form names what is wrong, field by field.
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await expect.poll(() => heading(page)).toBe('Add a language rule');
    await page
      .locator('#family option', { hasText: 'Exchange and transaction framing' })
      .waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'add a language rule');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    for (const id of [
      'id',
      'family',
      'severity',
      'patterns',
      'message',
      'suggestions',
      'source',
      'negation',
    ]) {
      expect(await page.locator(`.govuk-error-summary a[href="#${id}"]`).count(), id).toBe(1);
    }
    await expectNoAxeViolations(page, 'add a language rule, with errors');
    await screenshot(page, 'language-add-rule-errors');
    await page.getByLabel('Rule id').fill('pocket-money-framing');
    await page.getByLabel('Family').selectOption({ label: 'Exchange and transaction framing' });
    await page.getByLabel('Medium').check();
    await page.getByLabel('Patterns').fill('earn|earns|earned ...1 pocket money');
    await page
      .getByLabel('Why it matters')
      .fill('Money given by an adult who is abusing a child is not pocket money she earned.');
    await page.getByLabel('Suggestions').fill('[who] gives her money as part of grooming her');
    await page.getByLabel('Source').fill('Fernbridge partnership practice note (fictional)');
    await page.getByLabel('Only a negative directly before the words').check();
    await page.getByLabel('Sentences it must flag').fill('She earns pocket money from the men.');
    // A "clean" example the rule would flag: refused, on that line.
    await page
      .getByLabel('Sentences it must leave alone')
      .fill('She earns money at the bakery.\nShe earned pocket money.');
    await page.getByRole('button', { name: 'Add rule' }).click();
    // The error from the first attempt is replaced by the one for this attempt.
    await expect.poll(() => page.locator('#examples-clean-error').textContent()).toContain('line 2');
    expect(await page.locator('.govuk-error-summary li').count()).toBe(1);
    await page.getByLabel('Sentences it must leave alone').fill('She earns money at the bakery.');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => heading(page)).toBe('Language rules');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'pocket-money-framing has been added',
    );

    await menu(page).getByRole('link', { name: 'Check wording' }).click();
    await expect.poll(() => heading(page)).toBe('Check your wording');
    await page.getByLabel('Your text').fill('She earns pocket money from the men at the flat.');
    await expect
      .poll(() => page.locator('.lantern-language__finding mark').textContent())
      .toBe('earns pocket money');
    await page.getByRole('link', { name: 'Language statistics' }).click();
    await expect.poll(() => heading(page)).toBe('Language statistics');
    await page.getByRole('table', { name: 'Totals by week' }).waitFor();
    expect(await page.locator('svg[role="img"] title').textContent()).toBe(
      'Words pointed out and suggestions used, by week',
    );
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Pastoral Team, Fernbridge Academy');
    expect(text).not.toContain('Tom Reed');
    await expectNoAxeViolations(page, 'language statistics');
    await screenshot(page, 'language-statistics');

    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});

// ---- Challenge and amend: a reader challenges the wording of a finalised note; a manager accepts it.

// Fictional: Marnie Quill and Larch House are made up for this test (Fernbridge).
const CHALLENGED_NOTE =
  'Marnie absconded from Larch House at 22:00. Staff found her at Fernbridge station with two adult men.';
const CHALLENGE_AUTHOR = 'bea.lindqvist@fernbridge.example';

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

/** A child referred by the school and linked by the front door, and a finalised note about her. */
async function finalisedNote(server: TestServer): Promise<{ childId: string; noteId: string }> {
  const school = await apiSignIn(server.url, 'tom.reed@fernbridge-school.example', server.demoPassword);
  const made = await school.post('/api/referrals', {
    immediateDanger: false,
    child: {
      givenName: 'Marnie',
      familyName: 'Quill',
      dateOfBirth: '2011-03-09',
      school: 'Fernbridge Academy',
    },
    narrative: 'Marnie has been seen at Fernbridge station late at night with adult men.',
    seenOrHeardBy: 'Head of year, Fernbridge Academy',
    happenedOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
    harmKinds: ['sexual'],
    onlineElement: 'not_known',
    childKnows: true,
    familyKnows: true,
  });
  if (made.status !== 201) throw new Error(`referral failed: ${made.text}`);
  const frontDoor = await apiSignIn(server.url, 'alex.morgan@fernbridge.example', server.demoPassword);
  const linked = await frontDoor.post(`/api/referrals/${made.json.referral.id}/child`, { create: {} });
  if (linked.status !== 200) throw new Error(`link failed: ${linked.text}`);
  const childId = linked.json.referral.child.id as string;
  const author = await apiSignIn(server.url, CHALLENGE_AUTHOR, server.demoPassword);
  const note = await author.post(`/api/children/${childId}/notes`, {
    type: 'direct_work',
    body: CHALLENGED_NOTE,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    significant: true,
  });
  if (note.status !== 201) throw new Error(`note failed: ${note.text}`);
  const noteId = note.json.note.id as string;
  const final = await author.post(`/api/children/${childId}/notes/${noteId}/finalise`, {});
  if (final.status !== 200) throw new Error(`finalise failed: ${final.text}`);
  return { childId, noteId };
}

describe('challenge and amend: the wording of a finalised note', () => {
  let server: TestServer;
  let browser: Browser;
  let childId: string;
  let noteId: string;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    ({ childId, noteId } = await finalisedNote(server));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a reader raises a challenge from the assistant’s finding; a manager in the author’s agency accepts it', async () => {
    // ---- Sam Carter reads the note and challenges "absconded".
    const raiser = await newPage(browser);
    let page = raiser.page;
    await signIn(page, server.url, 'sam.carter@fernbridge.example', server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');
    await page.goto(`${server.url}/children/${childId}/notes/${noteId}`);
    await expect.poll(() => heading(page)).toMatch(/^Direct work, /);
    await page.getByText('No one has challenged the wording of this note.').waitFor();
    await expectNoAxeViolations(page, 'a finalised note, with the way to challenge it');
    await page.getByRole('link', { name: 'Challenge the wording' }).click();
    await expect.poll(() => heading(page)).toBe('Challenge the wording');

    // Prefilled from the assistant's finding: the words, its first suggestion and the rule's reason.
    const finding = page.getByLabel('‘absconded’');
    await finding.waitFor();
    expect(await finding.isChecked()).toBe(true);
    const suggestion = page.getByLabel('What should it say instead?');
    expect(await suggestion.inputValue()).toBe('went missing from [placement] at [time]');
    expect(await page.getByLabel('Why should the wording change?').inputValue()).toMatch(
      /language of escaping custody/,
    );
    await expectNoAxeViolations(page, 'challenge the wording');
    await screenshot(page, 'challenge-1-raise');

    // A placeholder left in is refused, naming the field.
    await page.getByRole('button', { name: 'Send the challenge' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    const summaryLink = page.locator('.govuk-error-summary a[href="#suggestedWording"]');
    expect(await summaryLink.textContent()).toContain('[placement]');
    expect(await page.locator('#suggestedWording-error').textContent()).toContain(
      'The suggested wording must not have [placement] in it',
    );
    await expectNoAxeViolations(page, 'challenge the wording, with errors');
    await suggestion.fill('went missing');
    await page.getByRole('button', { name: 'Send the challenge' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Direct work, /);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Your challenge has been sent',
    );
    const open = page.locator('.lantern-challenge');
    await open.waitFor();
    expect(await open.textContent()).toContain('‘absconded’ → ‘went missing’');
    // The person who raised it may not decide it.
    expect(await open.getByRole('link', { name: /^View/ }).count()).toBe(1);
    expect(await open.getByRole('link', { name: /^Decide/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'a note with an open challenge');
    expect(pageProblems(page)).toEqual([]);
    await raiser.context.close();

    // ---- Jordan Blake, a manager in the author's agency, decides it from the list.
    const decider = await newPage(browser);
    page = decider.page;
    await signIn(page, server.url, 'jordan.blake@fernbridge.example', server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');
    await page.goto(`${server.url}/wording-challenges`);
    await expect.poll(() => heading(page)).toBe('Wording challenges');
    const row = page.getByRole('row').filter({ hasText: 'Marnie Quill' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Sam Carter');
    await expectNoAxeViolations(page, 'wording challenges');
    await screenshot(page, 'challenge-2-list');
    await row.getByRole('link', { name: 'Marnie Quill: Direct work' }).click();
    await expect.poll(() => heading(page)).toBe('Challenge to the wording');
    // Old and new wording side by side.
    const sideBySide = page.getByRole('table', { name: 'The wording, now and as suggested' });
    await sideBySide.waitFor();
    expect(await sideBySide.locator('del').textContent()).toBe('absconded');
    expect(await sideBySide.locator('ins').textContent()).toBe('went missing');
    await expectNoAxeViolations(page, 'decide a challenge');
    await screenshot(page, 'challenge-3-decide');

    // Declining needs a reason.
    await page.getByLabel('Decline: keep the wording').check();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await page.locator('.govuk-error-summary a[href="#reason"]').waitFor();
    expect(await page.locator('#reason-error').textContent()).toContain('Your reason');
    await expectNoAxeViolations(page, 'decide a challenge, with errors');

    await page.getByLabel('Accept: amend the note').check();
    expect(await page.getByLabel('The wording to use').inputValue()).toBe('went missing');
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Direct work, /);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'The wording has been amended',
    );
    const body = (await page.locator('.lantern-note-body').textContent()) ?? '';
    expect(body).toContain('Marnie went missing from Larch House');
    expect(body).not.toContain('absconded');
    const history = (await page.locator('.lantern-versions').textContent()) ?? '';
    expect(history).toContain('Original');
    expect(history).toContain(CHALLENGED_NOTE);
    expect(history).toContain(
      'Version 2 — wording amended after a challenge raised by Sam Carter, Fernbridge Children’s Services',
    );
    const earlier = page.getByRole('table', { name: 'Earlier challenges' });
    await earlier.waitFor();
    expect(await earlier.textContent()).toContain('Accepted');
    await expectNoAxeViolations(page, 'an amended note');
    await screenshot(page, 'challenge-4-amended');
    expect(pageProblems(page)).toEqual([]);
    await decider.context.close();
  });
});

// ---- Challenge and amend on a referral: the front door challenges the referrer's words; the referrer accepts.

// Fictional: Kacey Thorne is made up for this test (Fernbridge).
const CHALLENGED_NARRATIVE =
  'Kacey absconded from school at lunchtime and was seen getting into a car with two adult men.';

/** A referral from the school, linked by the front door to a new record for the child. */
async function linkedReferral(server: TestServer): Promise<{ childId: string; referralId: string }> {
  const school = await apiSignIn(server.url, 'tom.reed@fernbridge-school.example', server.demoPassword);
  const made = await school.post('/api/referrals', {
    immediateDanger: false,
    child: {
      givenName: 'Kacey',
      familyName: 'Thorne',
      dateOfBirth: '2010-11-02',
      school: 'Fernbridge Academy',
    },
    narrative: CHALLENGED_NARRATIVE,
    seenOrHeardBy: 'Head of year, Fernbridge Academy',
    happenedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    harmKinds: ['sexual'],
    onlineElement: 'not_known',
    childKnows: true,
    familyKnows: true,
  });
  if (made.status !== 201) throw new Error(`referral failed: ${made.text}`);
  const referralId = made.json.referral.id as string;
  const frontDoor = await apiSignIn(server.url, 'alex.morgan@fernbridge.example', server.demoPassword);
  const linked = await frontDoor.post(`/api/referrals/${referralId}/child`, { create: {} });
  if (linked.status !== 200) throw new Error(`link failed: ${linked.text}`);
  return { childId: linked.json.referral.child.id as string, referralId };
}

describe('challenge and amend: the wording of a referral', () => {
  let server: TestServer;
  let browser: Browser;
  let referralId: string;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    ({ referralId } = await linkedReferral(server));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the front door challenges the referrer’s words; the referrer accepts; the referral shows the amended text', async () => {
    // ---- Sam Carter, at the front door, challenges "absconded" from the referral's page.
    const raiser = await newPage(browser);
    let page = raiser.page;
    await signIn(page, server.url, 'sam.carter@fernbridge.example', server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');
    await page.goto(`${server.url}/referrals/${referralId}`);
    await expect.poll(() => heading(page)).toBe('Referral about Kacey Thorne');
    await page.getByText('No one has challenged the wording of this referral.').waitFor();
    await expectNoAxeViolations(page, 'a referral, with the way to challenge its wording');
    await page.getByRole('link', { name: 'Challenge the wording' }).click();
    await expect.poll(() => heading(page)).toBe('Challenge the wording');
    const finding = page.getByLabel('‘absconded’');
    await finding.waitFor();
    expect(await finding.isChecked()).toBe(true);
    expect(await page.locator('.govuk-inset-text').textContent()).toBe(CHALLENGED_NARRATIVE);
    expect(await page.locator('main').textContent()).toContain('written by Tom Reed');
    await expectNoAxeViolations(page, 'challenge the wording of a referral');
    await screenshot(page, 'challenge-referral-1-raise');

    // Nothing chosen to replace: the error summary says so.
    await page.getByLabel('What should it say instead?').fill('');
    await page.getByRole('button', { name: 'Send the challenge' }).click();
    await page.locator('.govuk-error-summary a[href="#suggestedWording"]').waitFor();
    await expectNoAxeViolations(page, 'challenge the wording of a referral, with errors');
    await page.getByLabel('What should it say instead?').fill('went missing');
    await page.getByRole('button', { name: 'Send the challenge' }).click();
    await expect.poll(() => heading(page)).toBe('Referral about Kacey Thorne');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Your challenge has been sent',
    );
    const open = page.locator('.lantern-challenge');
    await open.waitFor();
    expect(await open.textContent()).toContain('‘absconded’ → ‘went missing’');
    expect(await open.getByRole('link', { name: /^View/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'a referral with an open challenge');
    expect(pageProblems(page)).toEqual([]);

    // ---- Tom Reed, who wrote the referral, decides it from his list.
    const author = await newPage(browser);
    page = author.page;
    await signIn(page, server.url, 'tom.reed@fernbridge-school.example', server.demoPassword);
    await expect.poll(() => heading(page)).toBe('My work');
    await page.goto(`${server.url}/wording-challenges`);
    await expect.poll(() => heading(page)).toBe('Wording challenges');
    const row = page.getByRole('row').filter({ hasText: 'Kacey Thorne' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Sam Carter');
    await expectNoAxeViolations(page, 'wording challenges, with a referral');
    await row.getByRole('link', { name: /^Kacey Thorne: Referral from / }).click();
    await expect.poll(() => heading(page)).toBe('Challenge to the wording');
    const sideBySide = page.getByRole('table', { name: 'The wording, now and as suggested' });
    await sideBySide.waitFor();
    expect(await sideBySide.locator('del').textContent()).toBe('absconded');
    expect(await sideBySide.locator('ins').textContent()).toBe('went missing');
    await expectNoAxeViolations(page, 'decide a challenge to a referral');
    await screenshot(page, 'challenge-referral-2-decide');

    await page.getByRole('button', { name: 'Save the decision' }).click();
    await page.locator('.govuk-error-summary a[href="#decision"]').waitFor();
    await expectNoAxeViolations(page, 'decide a challenge to a referral, with errors');
    await page.getByLabel('Accept: amend the referral').check();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await expect.poll(() => heading(page)).toBe('Referral about Kacey Thorne');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'The wording has been amended',
    );
    const amended = 'Kacey went missing from school at lunchtime';
    const sent = page.locator('.govuk-summary-list').filter({ hasText: 'What has been seen or heard' });
    await expect.poll(() => sent.textContent()).toContain(amended);
    expect(await sent.textContent()).not.toContain('absconded');
    // The referrer's own page lists the challenge to their words, decided.
    await page.getByRole('table', { name: 'Earlier challenges' }).waitFor();
    expect(await page.getByRole('table', { name: 'Earlier challenges' }).textContent()).toContain('Accepted');
    await expectNoAxeViolations(page, 'an amended referral, as its referrer sees it');
    expect(pageProblems(page)).toEqual([]);
    await author.context.close();

    // ---- Back at the front door: the amended text, the outcome, and the original kept as earlier wording.
    page = raiser.page;
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Referral about Kacey Thorne');
    await page.getByRole('table', { name: 'Earlier challenges' }).waitFor();
    expect(await page.getByRole('table', { name: 'Earlier challenges' }).textContent()).toContain('Accepted');
    const concern = await page
      .locator('.govuk-summary-list')
      .filter({ hasText: 'What has been seen or heard' });
    expect(await concern.textContent()).toContain(amended);
    await page.getByText('Earlier wording').click();
    const earlier = page.locator('.govuk-details__text');
    await expect.poll(() => earlier.textContent()).toContain(CHALLENGED_NARRATIVE);
    expect(await earlier.textContent()).toContain('Original wording');
    expect(await earlier.textContent()).toContain('Wording amended after a challenge');
    await expectNoAxeViolations(page, 'an amended referral, with its earlier wording');
    await screenshot(page, 'challenge-referral-3-amended');
    expect(pageProblems(page)).toEqual([]);
    await raiser.context.close();
  });
});
