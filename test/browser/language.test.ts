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
