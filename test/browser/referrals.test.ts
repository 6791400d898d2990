import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const SCREENER = 'bea.lindqvist@fernbridge.example';
const CHILD = { givenName: 'Keira', familyName: 'Ashworth', knownAs: 'Kiki', dob: ['9', '3', '2012'] };
const PROMPT = 'Has money, clothes, phones or other items with no plausible explanation';
const FEEDBACK =
  'Thank you for your referral. A social worker will see Keira this week; please keep the school’s pastoral support in place.';

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu' });
}

async function next(page: Page, expected: string) {
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect.poll(() => heading(page)).toBe(expected);
}

/** Yesterday, as day, month and year fields. */
function yesterday(): string[] {
  const d = new Date(Date.now() - 86_400_000);
  return [String(d.getDate()), String(d.getMonth() + 1), String(d.getFullYear())];
}

async function fillDate(page: Page, group: string, [day, month, year]: string[]) {
  const fields = page.getByRole('group', { name: group });
  await fields.getByLabel('Day').fill(day ?? '');
  await fields.getByLabel('Month').fill(month ?? '');
  await fields.getByLabel('Year').fill(year ?? '');
}

describe('referrals: a school makes a referral, the front door screens it, the school hears back', () => {
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

  it('from the first question to the outcome', async () => {
    // ---- The school referrer makes a referral.
    const tom = await newPage(browser);
    const page = tom.page;
    await signIn(page, server.url, REFERRER, server.demoPassword);
    await expect.poll(() => heading(page)).toBe('My work');
    await page.getByRole('button', { name: 'Make a referral' }).click();

    // The first question, before anything else.
    await expect.poll(() => heading(page)).toBe('Is the child in immediate danger?');
    await expectNoAxeViolations(page, 'referral: immediate danger');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('#immediateDanger-error').textContent()).toContain('Select yes');
    // Answering yes says at once to call the police.
    await page.getByRole('radio', { name: 'Yes' }).check();
    expect(await page.locator('main').textContent()).toContain('call the police on 999');
    await screenshot(page, 'referral-1-immediate-danger');
    // Going on with yes: what to do now comes before anything else.
    await next(page, 'If the child is in immediate danger, call the police on 999 now');
    expect(await page.locator('.lantern-urgent').textContent()).toContain('Call 999');
    await expectNoAxeViolations(page, 'referral: what to do now');
    await screenshot(page, 'referral-1b-what-to-do-now');
    await page.getByRole('link', { name: 'Back' }).click();
    await expect.poll(() => heading(page)).toBe('Is the child in immediate danger?');
    await page.getByRole('radio', { name: 'No' }).check();
    await next(page, 'About the child');

    await expectNoAxeViolations(page, 'referral: about the child');
    await page.getByLabel('First name').fill(CHILD.givenName);
    await page.getByLabel('Last name').fill(CHILD.familyName);
    await page.getByLabel('Other names they are known by (optional)').fill(CHILD.knownAs);
    await fillDate(page, 'Date of birth', CHILD.dob);
    await page.getByRole('radio', { name: 'Female' }).check();
    await page.getByLabel('School or college (optional)').fill('Fernbridge Academy');
    await screenshot(page, 'referral-2-child');
    // A school account may not look for children's records, so no matches are offered: on to the narrative.
    await next(page, 'What has been seen or heard?');

    await expectNoAxeViolations(page, 'referral: what has been seen or heard');
    // The language assistant sits under the narrative (and every other free-text field).
    await page.locator('#narrative-language').waitFor();
    await page
      .getByLabel('What has been seen or heard?')
      .fill(
        'Keira was seen getting into a car with two adult men outside Fernbridge Academy after school. ' +
          'She has a new phone and new trainers, and told a friend a man called “Dee” gave them to her.',
      );
    await fillDate(page, 'When did it happen?', yesterday());
    // "Who saw or heard it" is left out on purpose: the server says it is needed, on this question.
    await next(page, 'What kind of harm are you worried about?');

    await expectNoAxeViolations(page, 'referral: kind of harm');
    await page.getByLabel('Sexual exploitation').check();
    await page.getByRole('radio', { name: 'Not known' }).check();
    await next(page, 'Prompts to help you describe the concern (optional)');

    // The indicator guide: optional prompts with their evidence notes, and no score or count anywhere.
    await page.getByRole('group', { name: 'Possible signs of harm' }).waitFor();
    for (const group of ['Vulnerabilities', 'Possible signs of harm', 'Protective factors and strengths']) {
      expect(await page.getByRole('group', { name: group }).count()).toBe(1);
    }
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('not a score');
    expect(main).not.toMatch(/\bscore:|\d+\s+(of|out of)\s+\d+|high risk/i);
    await page.getByLabel(PROMPT).check();
    const evidence = page.locator('.lantern-prompt__evidence').first();
    await evidence.getByText('What the evidence says').click();
    await expectNoAxeViolations(page, 'referral: prompts');
    await screenshot(page, 'referral-3-prompts');
    await next(page, 'Who knows about this referral?');

    await page
      .getByRole('group', { name: 'Does the child know you are making this referral?' })
      .getByRole('radio', { name: 'No' })
      .check();
    await page
      .getByRole('group', { name: 'Does the child’s family know?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page
      .getByLabel('Why are you making this referral without them knowing?')
      .fill('Keira has not been told yet: her head of year will talk to her today with her mother.');
    await expectNoAxeViolations(page, 'referral: consent');
    await next(page, 'Check your answers before sending your referral');

    // The prompts' wording comes with the indicator guide, which the page reads as it opens.
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain(PROMPT);
    const check = (await page.locator('main').textContent()) ?? '';
    expect(check).toContain('Keira Ashworth');
    await expectNoAxeViolations(page, 'referral: check your answers');
    await screenshot(page, 'referral-4-check');

    // Sending without saying who saw it: the server's error, linked to the question it belongs to.
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'referral: check your answers, with errors');
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /Who saw or heard it/ })
      .click();
    await expect.poll(() => heading(page)).toBe('What has been seen or heard?');
    expect(await page.locator('#seenOrHeardBy-error').textContent()).toContain('Who saw or heard it');
    await expectNoAxeViolations(page, 'referral: what has been seen or heard, with errors');
    await page.getByLabel('Who saw or heard it?').fill('Head of year, Fernbridge Academy');
    await next(page, 'Check your answers before sending your referral');

    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect.poll(() => heading(page)).toBe('Referral sent');
    const reference = ((await page.locator('#referral-reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, 'referral sent');
    await screenshot(page, 'referral-5-sent');

    // The referrer sees it in their referrals, waiting for a decision.
    await menu(page).getByRole('link', { name: 'Referrals' }).click();
    await expect.poll(() => heading(page)).toBe('Your referrals');
    const row = page.getByRole('row').filter({ hasText: 'Keira Ashworth' });
    await row.waitFor();
    expect(await row.textContent()).toContain('waiting for a screening decision');
    await expectNoAxeViolations(page, 'your referrals');

    // ---- The front door screens it.
    const bea = await newPage(browser);
    const screener = bea.page;
    await signIn(screener, server.url, SCREENER, server.demoPassword);
    await enrolInMfa(screener);
    await expect.poll(() => heading(screener)).toBe('My work');
    await screener.getByRole('link', { name: 'Go to the screening queue' }).click();
    await expect.poll(() => heading(screener)).toBe('Screening queue');
    const queued = screener.getByRole('row').filter({ hasText: 'Keira Ashworth' });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('Fernbridge Academy');
    expect(await queued.textContent()).toMatch(/Waited \d+ working days? of 1 working day/);
    await expectNoAxeViolations(screener, 'screening queue');
    await screenshot(screener, 'screening-1-queue');

    await queued.getByRole('link', { name: 'Keira Ashworth' }).click();
    await expect.poll(() => heading(screener)).toBe('Referral about Keira Ashworth');
    await screener.getByText(PROMPT).waitFor();
    expect(await screener.locator('main').textContent()).toContain('Unverified');
    await expectNoAxeViolations(screener, 'referral, screener’s view');
    await screenshot(screener, 'screening-2-referral');

    // One child, one record: the record is found or made before the decision.
    await screener.getByRole('button', { name: 'Find the child’s record' }).click();
    await expect.poll(() => heading(screener)).toBe('Make a record for Keira Ashworth');
    await expectNoAxeViolations(screener, 'find the child’s record');
    await screener.getByRole('button', { name: 'Make the record' }).click();
    await expect.poll(() => heading(screener)).toBe('Referral about Keira Ashworth');
    expect(await screener.locator('.govuk-notification-banner--success').textContent()).toContain(
      'The referral is now on Keira Ashworth’s record',
    );

    await screener.getByRole('button', { name: 'Record the screening decision' }).click();
    await expect.poll(() => heading(screener)).toBe('Screening decision for Keira Ashworth');
    for (const name of [
      'No further action, with advice',
      'Early Help Assessment',
      'Children’s Services Assessment (child in need, section 17)',
      'Strategy discussion (significant harm, section 47)',
      'Immediate police action',
    ]) {
      expect(await screener.getByRole('radio', { name }).count()).toBe(1);
    }
    await screener.getByRole('button', { name: 'Continue' }).click();
    await screener.locator('#decision-error').waitFor();
    await expectNoAxeViolations(screener, 'decision, with errors');
    // Advice is asked for with the decision that needs it.
    await screener.getByRole('radio', { name: 'No further action, with advice' }).check();
    await screener.getByLabel('Advice given').waitFor();
    await screener
      .getByRole('radio', { name: 'Children’s Services Assessment (child in need, section 17)' })
      .check();
    expect(await screener.getByLabel('Advice given').count()).toBe(0);
    await screener.getByLabel('What the referrer will be told').fill(FEEDBACK);
    await screenshot(screener, 'screening-3-decision');
    await screener.getByRole('button', { name: 'Continue' }).click();

    // What will happen, before confirming.
    await expect.poll(() => heading(screener)).toBe('Check what will happen');
    const plan = (await screener.locator('main').textContent()) ?? '';
    expect(plan).toContain('Child in Need (section 17)');
    expect(plan).toContain('See the child and hear their wishes and feelings, due within 5 working days');
    await expectNoAxeViolations(screener, 'check what will happen');
    await screenshot(screener, 'screening-4-check');

    // Reasons are required: the server refuses, and the form says so against the field.
    await screener.getByRole('button', { name: 'Record the decision' }).click();
    await screener.locator('#reasons-error').waitFor();
    expect(await screener.locator('#reasons-error').textContent()).toContain('Reasons for the decision');
    await screener
      .getByLabel('Reasons for your decision')
      .fill(
        'Keira is 14 and was seen with adult men who appear to be giving her gifts: this fits the policy definition. ' +
          'An assessment under section 17 will find out what support she and her family need.',
      );
    await screener.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(screener)).toBe('Check what will happen');
    await screener.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => heading(screener)).toBe('Referral about Keira Ashworth');
    expect(await screener.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Screening decision recorded',
    );
    await screener
      .getByRole('rowheader', { name: 'See the child and hear their wishes and feelings' })
      .waitFor();
    await expectNoAxeViolations(screener, 'referral, decided');
    await screenshot(screener, 'screening-5-decided');

    // The follow-on tasks are the screener's, on My work, each linked to the child's record.
    await menu(screener).getByRole('link', { name: 'My work' }).click();
    await expect.poll(() => heading(screener)).toBe('My work');
    // The demo partnership has decided referrals of its own: each task's link names the child it is about.
    const task = screener.getByRole('link', {
      name: 'See the child and hear their wishes and feelings for Keira Ashworth',
    });
    await task.waitFor();
    // Keira's referral no longer waits (the demo partnership's own referrals may still).
    const waiting = screener.getByRole('region', { name: 'Referrals waiting for a decision' });
    expect(await waiting.getByRole('link', { name: 'Keira Ashworth' }).count()).toBe(0);
    await expectNoAxeViolations(screener, 'my work, with tasks');
    await screenshot(screener, 'screening-6-my-work');
    await task.click();
    await expect.poll(() => heading(screener)).toBe('Keira Ashworth');
    await expect
      .poll(async () => (await screener.locator('main').textContent()) ?? '')
      .toContain('Child in Need (section 17)');

    // ---- The referrer hears back: the decision and what the front door wrote for them, not the reasons.
    await menu(page).getByRole('link', { name: 'My work' }).click();
    await menu(page).getByRole('link', { name: 'Referrals' }).click();
    await expect.poll(() => heading(page)).toBe('Your referrals');
    const decided = page.getByRole('row').filter({ hasText: 'Keira Ashworth' });
    await expect.poll(async () => (await decided.textContent()) ?? '').toContain('Decision made');
    await decided.getByRole('link', { name: 'Keira Ashworth' }).click();
    await expect.poll(() => heading(page)).toBe('Referral about Keira Ashworth');
    await page.getByText(FEEDBACK).waitFor();
    const outcome = (await page.locator('main').textContent()) ?? '';
    expect(outcome).toContain('Children’s Services Assessment (child in need, section 17)');
    expect(outcome).toContain('A social worker will assess the child’s needs.');
    expect(outcome).not.toContain('this fits the policy definition');
    await expectNoAxeViolations(page, 'referral outcome, referrer’s view');
    await screenshot(page, 'referral-6-outcome');

    // ---- Someone who may look for records is shown likely matches, with the server's reasons, to pick from.
    await menu(screener).getByRole('link', { name: 'My work' }).click();
    await screener.getByRole('button', { name: 'Make a referral' }).click();
    await expect.poll(() => heading(screener)).toBe('Is the child in immediate danger?');
    await screener.getByRole('radio', { name: 'No' }).check();
    await next(screener, 'About the child');
    await screener.getByLabel('First name').fill('Kiki');
    await screener.getByLabel('Last name').fill('Ashworth');
    await fillDate(screener, 'Date of birth', CHILD.dob);
    await next(screener, 'Is this the child you are referring?');
    const match = screener.getByRole('radio', { name: 'Keira Ashworth' });
    await match.waitFor();
    const reasons = (await screener.locator('main').textContent()) ?? '';
    expect(reasons).toContain('same date of birth');
    expect(reasons).toMatch(/known-as/);
    await expectNoAxeViolations(screener, 'referral: likely matches');
    await screenshot(screener, 'referral-7-matches');
    await match.check();
    await next(screener, 'What has been seen or heard?');
    await screener.getByRole('link', { name: 'Back' }).click();
    await expect.poll(() => heading(screener)).toBe('Is this the child you are referring?');

    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(screener)).toEqual([]);
    await bea.context.close();
    await tom.context.close();
  }, 180_000);
});
