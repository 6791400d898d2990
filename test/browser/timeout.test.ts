import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  assertWebBuilt,
  expectNoAxeViolations,
  heading,
  launchBrowser,
  newPage,
  pageProblems,
  screenshot,
  signIn,
} from './support.ts';

// The shortest idle timeout the server allows (1 minute), with the warning 50 seconds before it:
// the warning appears about 10 seconds after the last request.
const IDLE_MINUTES = '1';
const WARNING_SECONDS = '50';

describe('the session timeout warning', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({
        demo: true,
        env: { LANTERN_SESSION_IDLE_MINUTES: IDLE_MINUTES, LANTERN_SESSION_WARNING_SECONDS: WARNING_SECONDS },
      }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('warns before the session ends, keeps it on request, and signs out when time runs out', async () => {
    const { context, page } = await newPage(browser);
    // A controllable clock that runs normally until the test moves it on.
    await page.clock.install();
    await signIn(page, server.url, 'tom.reed@fernbridge-school.example', server.demoPassword);
    await expect.poll(() => heading(page)).toBe('My work');

    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });
    await dialog.waitFor({ timeout: 20_000 });
    expect(await dialog.textContent()).toMatch(/we will sign you out in \d+ seconds?/);
    // The dialog is modal and has focus, so keyboard and screen reader users are in it.
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await expectNoAxeViolations(page, 'timeout warning');
    await screenshot(page, 'timeout-warning');

    // "Stay signed in" asks the server for more time.
    const extended = page.waitForResponse(
      (r) => r.url().endsWith('/api/session/extend') && r.status() === 200,
    );
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await extended;
    await dialog.waitFor({ state: 'hidden' });
    expect(await heading(page)).toBe('My work');

    // Escape also means "stay signed in".
    await dialog.waitFor({ timeout: 20_000 });
    const extendedAgain = page.waitForResponse((r) => r.url().endsWith('/api/session/extend'));
    await page.keyboard.press('Escape');
    await extendedAgain;
    await dialog.waitFor({ state: 'hidden' });

    // Leave it: when the time is up we sign out and say why.
    const signedOut = page.waitForResponse(
      (r) => r.url().endsWith('/api/session') && r.request().method() === 'DELETE',
    );
    await page.clock.fastForward('01:05');
    await signedOut;
    await expect.poll(() => page.url()).toMatch(/\/sign-in$/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'You have been signed out',
    );
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectNoAxeViolations(page, 'signed out after inactivity');
    await screenshot(page, 'signed-out-inactive');
    expect(pageProblems(page)).toEqual([]);

    await context.close();
  }, 90_000);
});
