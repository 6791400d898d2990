import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { Secret, TOTP } from 'otpauth';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** The built web app the server serves; the browser tests need it (`npm run build:web`). */
const builtIndex = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web/index.html');

export function assertWebBuilt(): void {
  if (!existsSync(builtIndex)) {
    throw new Error('The web app has not been built: run `npm run build:web` before the browser tests.');
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const problems = new WeakMap<Page, string[]>();

/**
 * Script errors and anything the content security policy refused, on this page so far. The server's
 * policy allows no inline script or style, so the web app must never need one.
 */
export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? [];
}

/** A fresh browser profile (cookies, storage) with Lantern's page errors surfaced in the test output. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
  // Fail at the step that went wrong, well within the test's own time limit.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const found: string[] = [];
  problems.set(page, found);
  page.on('pageerror', (error) => {
    found.push(`Page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      found.push(`Refused by the content security policy: ${message.text()}`);
    }
  });
  return { context, page };
}

/** Fails the test on any accessibility violation axe-core finds, listing each one. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const described = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(described, `axe violations on ${where}:\n${described.join('\n')}`).toEqual([]);
}

/** Saves a screenshot for a person to look at when SCREENSHOTS_DIR is set. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The code an authenticator app would show now, or `stepsAhead` periods of 30 seconds later. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')) }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sets up 2-step verification on the enrolment page, returning the secret for later sign-ins. */
export async function enrolInMfa(page: Page): Promise<string> {
  await expect.poll(() => page.locator('h1').textContent()).toBe('Set up 2-step verification');
  const secret = ((await page.locator('#mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Security code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  return secret;
}

export async function heading(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').trim();
}
