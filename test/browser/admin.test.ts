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

const AGENCY = 'Northwold Homes';
const TEAM = 'Tenancy Support';
const USER = { name: 'Casey Fairweather', email: 'casey.fairweather@northwold-homes.example' };

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu' });
}

describe('administration: agencies, teams and users', () => {
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

  it('an administrator adds an agency, a team and a user, and disables the user', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'admin@fernbridge.example', server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    // The administrator is offered administration, because the server says they may.
    for (const name of ['Agencies', 'Teams', 'Users']) {
      expect(await menu(page).getByRole('link', { name }).count()).toBe(1);
    }

    // --- Agencies
    await menu(page).getByRole('link', { name: 'Agencies' }).click();
    await expect.poll(() => heading(page)).toBe('Agencies');
    await page.getByRole('cell', { name: 'Fernbridge Police' }).waitFor();
    await expectNoAxeViolations(page, 'agencies');
    await screenshot(page, 'admin-agencies');

    await page.getByRole('button', { name: 'Add an agency' }).click();
    await expect.poll(() => heading(page)).toBe('Add an agency');
    await page.getByLabel('Housing').waitFor();
    await expectNoAxeViolations(page, 'add an agency');

    // Submitting with nothing filled in: the server's errors, in a summary and against each field.
    await page.getByRole('button', { name: 'Add agency' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    expect(await page.locator('#name-error').count()).toBe(1);
    expect(await page.locator('#type-error').count()).toBe(1);
    expect(await page.locator('.govuk-error-summary a[href="#name"]').count()).toBe(1);
    expect(await page.locator('.govuk-error-summary a[href="#type"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'add an agency, with errors');
    await screenshot(page, 'admin-agency-errors');

    await page.getByLabel('Agency name').fill(AGENCY);
    await page.getByLabel('Housing').check();
    await page.getByRole('button', { name: 'Add agency' }).click();
    await expect.poll(() => heading(page)).toBe('Agencies');
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      `${AGENCY} has been added`,
    );
    const agencyRow = page.getByRole('row').filter({ hasText: AGENCY });
    expect(await agencyRow.textContent()).toContain('Housing');

    await agencyRow.getByRole('link', { name: `Change ${AGENCY}` }).click();
    await expect.poll(() => heading(page)).toBe(`Change ${AGENCY}`);
    await expectNoAxeViolations(page, 'change an agency');

    // --- Teams
    await menu(page).getByRole('link', { name: 'Teams' }).click();
    await expect.poll(() => heading(page)).toBe('Teams');
    await page.getByRole('cell', { name: 'Front Door' }).waitFor();
    await expectNoAxeViolations(page, 'teams');
    await page.getByRole('button', { name: 'Add a team' }).click();
    await expect.poll(() => heading(page)).toBe('Add a team');
    await page.locator('#agencyId option', { hasText: AGENCY }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'add a team');
    await page.getByLabel('Agency').selectOption({ label: AGENCY });
    await page.getByLabel('Team name').fill(TEAM);
    await page.getByRole('button', { name: 'Add team' }).click();
    await expect.poll(() => heading(page)).toBe('Teams');
    await page.getByRole('cell', { name: TEAM }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: TEAM }).textContent()).toContain(AGENCY);
    await screenshot(page, 'admin-teams');

    // --- Users
    await menu(page).getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => heading(page)).toBe('Users');
    await page.getByRole('link', { name: 'Priya Shah' }).waitFor();
    await expectNoAxeViolations(page, 'users');
    await screenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'Add a user' }).click();
    await expect.poll(() => heading(page)).toBe('Add a user');
    await page.getByLabel('Referrer').waitFor();
    await expectNoAxeViolations(page, 'add a user');
    await page.getByLabel('Full name').fill(USER.name);
    await page.getByLabel('Work email address').fill(USER.email);
    await page.getByLabel('Agency').selectOption({ label: AGENCY });
    await page.getByLabel('Referrer').check();
    await page.getByLabel(TEAM).check();
    await screenshot(page, 'admin-add-user');
    await page.getByRole('button', { name: 'Add user' }).click();

    // The temporary password is shown once.
    await expect.poll(() => heading(page)).toBe('User added');
    const temporaryPassword = ((await page.locator('#temporary-password').textContent()) ?? '').trim();
    expect(temporaryPassword.length).toBeGreaterThan(8);
    expect(await page.getByText('This is the only time you will see this password').count()).toBe(1);
    await expectNoAxeViolations(page, 'user added');
    await screenshot(page, 'admin-user-added');

    // The new user signs in (in their own browser) and must choose their own password first.
    const casey = await newPage(browser);
    await signIn(casey.page, server.url, USER.email, temporaryPassword);
    await expect.poll(() => heading(casey.page)).toBe('Choose a new password');
    await expectNoAxeViolations(casey.page, 'choose a new password');
    await screenshot(casey.page, 'choose-new-password');
    await casey.page.getByLabel('Current password').fill(temporaryPassword);
    await casey.page.getByLabel('New password').fill('harbour kettle violet lamp');
    await casey.page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(casey.page)).toBe('My work');
    expect(await casey.page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Your password has been changed',
    );
    // A referrer is not offered administration.
    expect(await menu(casey.page).getByRole('link', { name: 'Users' }).count()).toBe(0);

    // Back to the administrator: disable the account.
    await page.getByRole('link', { name: `View ${USER.name}’s account` }).click();
    await expect.poll(() => heading(page)).toBe(USER.name);
    await page.getByText(USER.email).waitFor();
    await expectNoAxeViolations(page, 'a user');
    await screenshot(page, 'admin-user');
    await page.getByRole('button', { name: 'Disable account' }).click();
    await expect.poll(() => heading(page)).toBe(`Are you sure you want to disable ${USER.name}’s account?`);
    await expectNoAxeViolations(page, 'disable a user');
    await page.getByRole('button', { name: 'Disable account' }).click();
    await expect.poll(() => heading(page)).toBe(USER.name);
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      `${USER.name}’s account has been disabled`,
    );
    await page.getByRole('button', { name: 'Enable account' }).waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Disabled');

    // The disabled user's session has ended: their next step takes them to sign-in.
    await casey.page.getByRole('button', { name: 'Make a referral' }).click();
    await menu(casey.page).getByRole('link', { name: 'My work' }).click();
    await expect.poll(() => casey.page.url()).toMatch(/\/sign-in$/);
    expect(await casey.page.locator('.govuk-notification-banner').textContent()).toContain(
      'You have been signed out',
    );

    // The list shows the account as disabled.
    await menu(page).getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Name or email address').fill('Casey');
    await page.getByRole('button', { name: 'Find users' }).click();
    await expect.poll(() => page.url()).toMatch(/q=Casey/);
    // The address changes before the filtered list arrives: wait for the list itself.
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    const row = page.getByRole('row').filter({ hasText: USER.name });
    expect(await row.textContent()).toContain('Disabled');

    // Enable it again, from the user's page: the confirmation takes focus.
    await row.getByRole('link', { name: USER.name }).click();
    await expect.poll(() => heading(page)).toBe(USER.name);
    await page.getByRole('button', { name: 'Enable account' }).click();
    await page.getByText(`${USER.name}’s account has been enabled`).waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.classList.contains('govuk-notification-banner')),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Disable account' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
    expect(pageProblems(casey.page)).toEqual([]);

    await casey.context.close();
    await context.close();
  }, 120_000);
});
