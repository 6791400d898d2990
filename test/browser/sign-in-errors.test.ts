import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  assertWebBuilt,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
} from './support.ts';

describe('sign-in errors', () => {
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

  it('a wrong password shows an error summary linked to the password field', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'tom.reed@fernbridge-school.example', 'not the right password');

    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    // The summary takes focus and the title says there is an error, for screen reader users.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    expect(await page.title()).toBe('Error: Sign in – Lantern');
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');

    const link = summary.getByRole('link', { name: 'The email address or password is not right' });
    expect(await link.getAttribute('href')).toBe('#password');
    // The same message is shown against the field, and the field is described by it.
    expect(await page.locator('#password-error').textContent()).toContain(
      'The email address or password is not right',
    );
    expect(await page.locator('#password').getAttribute('aria-describedby')).toContain('password-error');
    expect(await page.locator('#password').getAttribute('class')).toContain('govuk-input--error');
    await expectNoAxeViolations(page, 'sign-in with an error');
    await screenshot(page, 'sign-in-error');

    // Following the link puts the cursor in the field.
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');

    await context.close();
  });

  it('an empty form gets an error against each field, in page order', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const hrefs = await summary
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['#email', '#password']);
    expect(await page.locator('#email-error').count()).toBe(1);
    expect(await page.locator('#password-error').count()).toBe(1);
    await expectNoAxeViolations(page, 'sign-in with empty fields');
    await context.close();
  });
});
