import type { Browser } from 'playwright-core';
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
  totpCode,
} from './support.ts';

const OFFICER = 'priya.shah@fernbridge-police.example';

describe('signing in with 2-step verification', () => {
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

  it('enrols a police officer, then asks for the code at the next sign-in', async () => {
    const { context, page } = await newPage(browser);

    // Sign-in page: no navigation until signed in, and accessible.
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.url()).toMatch(/\/sign-in$/);
    expect(await heading(page)).toBe('Sign in to Lantern');
    expect(await page.title()).toBe('Sign in – Lantern');
    await expectNoAxeViolations(page, 'sign-in');
    await screenshot(page, 'sign-in');

    // The account must have MFA and has none: enrolment is the only page offered.
    await signIn(page, server.url, OFFICER, server.demoPassword);
    await expect.poll(() => page.url()).toMatch(/\/mfa\/set-up$/);
    await page.locator('#mfa-secret').waitFor();
    expect(await page.getByRole('navigation', { name: 'Menu' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Your account' }).count()).toBe(0);
    expect(await page.locator('img[alt="QR code for your authenticator app"]').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    await expectNoAxeViolations(page, 'MFA enrolment');
    await screenshot(page, 'mfa-enrol');

    // Another address while enrolment is outstanding comes back to enrolment.
    await page.goto(`${server.url}/my-work`);
    await expect.poll(() => page.url()).toMatch(/\/mfa\/set-up$/);

    // A wrong code is reported against the field.
    await page.locator('#mfa-secret').waitFor();
    await page.getByLabel('Security code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('#code-error').textContent()).toMatch(/code/i);
    expect(await page.title()).toBe('Error: Set up 2-step verification – Lantern');

    const secret = await enrolInMfa(page);
    await expect.poll(() => page.url()).toMatch(/\/my-work$/);
    await page.getByText('No children are allocated to you.').waitFor();
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      '2-step verification is set up',
    );
    // The success banner takes focus, so screen reader users hear it first.
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-notification-banner')),
    ).toBe(true);
    await expectNoAxeViolations(page, 'My work');
    await screenshot(page, 'my-work');

    // A start button for referrals, whose first question is whether the child is in immediate danger.
    await page.getByRole('button', { name: 'Make a referral' }).click();
    await expect.poll(() => heading(page)).toBe('Is the child in immediate danger?');
    // Focus moves to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Navigate with the service navigation and the account link.
    await page.getByRole('link', { name: 'Your account' }).click();
    await expect.poll(() => heading(page)).toBe('Your account');
    expect(await page.getByText('Priya Shah').count()).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click();
    await expect.poll(() => heading(page)).toBe('My work');

    // Sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => heading(page)).toBe('You have signed out');
    await page.goto(`${server.url}/my-work`);
    await expect.poll(() => page.url()).toMatch(/\/sign-in$/);

    // Next sign-in asks for the code (a later one than the code used to enrol: codes are single-use).
    await signIn(page, server.url, OFFICER, server.demoPassword);
    await expect.poll(() => heading(page)).toBe('Enter the code from your authenticator app');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoAxeViolations(page, 'MFA code entry');
    await screenshot(page, 'mfa-entry');
    await page.getByLabel('Security code').fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.url()).toMatch(/\/my-work$/);
    await expect.poll(() => heading(page)).toBe('My work');
    expect(await page.getByRole('banner').textContent()).toContain('Priya Shah');
    expect(pageProblems(page)).toEqual([]);

    await context.close();
  });

  it('signs out everywhere', async () => {
    const first = await newPage(browser);
    const second = await newPage(browser);
    const user = 'tom.reed@fernbridge-school.example';
    for (const { page } of [first, second]) {
      await signIn(page, server.url, user, server.demoPassword);
      await expect.poll(() => heading(page)).toBe('My work');
    }

    await first.page.getByRole('link', { name: 'Your account' }).click();
    await expect.poll(() => heading(first.page)).toBe('Your account');
    await expectNoAxeViolations(first.page, 'Your account');
    await first.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect.poll(() => heading(first.page)).toBe('You have signed out everywhere');

    // The other browser's session has ended too: its next request takes it back to sign-in.
    await second.page.getByRole('button', { name: 'Make a referral' }).click();
    await second.page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'My work' })
      .click();
    await expect.poll(() => second.page.url()).toMatch(/\/sign-in$/);
    expect(await second.page.locator('.govuk-notification-banner').textContent()).toContain(
      'You have been signed out',
    );

    await first.context.close();
    await second.context.close();
  });
});
