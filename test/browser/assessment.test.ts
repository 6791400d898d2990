import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childBody, createChild, daysAgo } from '../children/fixtures.ts';
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

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** A demo account signed in through the API, enrolling its second factor as the person would. */
async function apiClient(server: TestServer, email: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.signIn(email, server.demoPassword);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.text}`);
  if (res.json.me.mfa.enrolmentRequired) {
    const setup = await client.post('/api/me/mfa/setup');
    const totp = new TOTP({ secret: Secret.fromBase32(setup.json.secret) });
    const confirm = await client.post('/api/me/mfa/confirm', { code: totp.generate() });
    if (confirm.status !== 200) throw new Error(`MFA enrolment failed: ${confirm.text}`);
  }
  return client;
}

describe('a lead worker’s risk analysis and plan', () => {
  let server: TestServer;
  let browser: Browser;
  let childId: string;
  let manager: Client;
  let entryId: string;
  let session: { context: BrowserContext; page: Page } | undefined;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer({ demo: true }), launchBrowser()]);
    // The team manager records the child, makes Alex Morgan the lead worker, and a teacher's sighting is on
    // the chronology, not yet verified.
    manager = await apiClient(server, 'jordan.blake@fernbridge.example');
    childId = (
      await createChild(manager, childBody({ givenName: 'Skye', familyName: 'Hollins', knownAs: [] }))
    ).id;
    const alex = await server.server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'alex.morgan@fernbridge.example')
      .executeTakeFirstOrThrow();
    const lead = await manager.post(`/api/children/${childId}/professionals`, {
      userId: alex.id,
      kind: 'lead_worker',
    });
    expect(lead.status, lead.text).toBe(201);
    const entry = await manager.post(`/api/children/${childId}/chronology`, {
      occurredAt: `${daysAgo(2)}T15:30:00Z`,
      title: 'Seen getting into a grey car near school',
      summary: 'A teacher saw her get into a grey hatchback driven by an adult man.',
      source: 'Head of year, Fernbridge Academy',
      verification: 'unverified',
    });
    expect(entry.status, entry.text).toBe(201);
    entryId = entry.json.id;
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('completes a RAF, sees it in the history and the chart, and makes a plan with a disruption objective', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, server.url, 'alex.morgan@fernbridge.example', server.demoPassword);
    await enrolInMfa(page);
    await expect.poll(() => heading(page)).toBe('My work');

    await page.goto(`${server.url}/children/${childId}`);
    await expect.poll(() => heading(page)).toBe('Skye Hollins');
    await page.getByRole('link', { name: 'Assessments and plans' }).click();
    await page.getByRole('heading', { name: 'Assessments and plans', level: 2 }).waitFor();
    await expectNoAxeViolations(page, 'the assessments section');

    await page.getByRole('button', { name: 'Start a Risk Analysis Framework' }).click();
    await expect.poll(() => heading(page)).toBe('Risk Analysis Framework');
    await expectNoAxeViolations(page, 'an empty Risk Analysis Framework');

    await byId(page, 'answers.context.reason').check();
    // A risk factor with its evidence from the chronology; the entry is marked unverified where it is offered.
    await byId(page, 'answers.dev.risk_factors').click();
    await byId(page, 'answers.dev.risk_factors-new-description').fill(
      'A teacher saw an adult man collect her near school in a grey car.',
    );
    const evidence = byId(page, 'answers.dev.risk_factors-new-evidence');
    await evidence.check();
    expect(await page.locator('.govuk-checkboxes__hint', { hasText: 'Unverified' }).count()).toBeGreaterThan(
      0,
    );
    await page.getByRole('button', { name: 'Add this risk factor' }).click();
    const factor = page.locator('.lantern-factor').first();
    expect(await factor.textContent()).toContain('Unverified');

    // The child's voice, not obtained, with the reason; a parent's view.
    await byId(page, 'voices.child-2').check();
    await byId(page, 'voices.child.reason').fill(
      'She did not want to talk this week; her worker will try again on Friday.',
    );
    await page.getByRole('button', { name: 'Add a parent or carer' }).click();
    await byId(page, 'voices.parentsCarers.0.person').fill('Dee Hollins');
    await byId(page, 'voices.parentsCarers.0.relationship').fill('Mother');
    await byId(page, 'voices.parentsCarers.0.status').check();
    await byId(page, 'voices.parentsCarers.0.view').fill('Wants her daughter home and safe at night.');

    // The judgement: no level is chosen for the practitioner, and the count is only indicative.
    await byId(page, 'analysis').fill(
      'An adult man is targeting Skye near school; she goes with him in his car.',
    );
    await byId(page, 'balance').fill(
      'Her mother protects her but cannot balance the harm from the man in the car.',
    );
    expect(await page.locator('input[name="judgement.level"]:checked').count()).toBe(0);
    expect(await page.locator('.lantern-indicative').textContent()).toContain(
      'Indicative only — not a level of concern',
    );
    await page.getByLabel('Significant', { exact: true }).check();
    await byId(page, 'judgement.rationale').fill('An adult is targeting her and nothing yet stops him.');
    await page.getByLabel('Exploitation suspected', { exact: true }).check();
    await byId(page, 'harm.kinds').check();
    await byId(page, 'harm.description').fill(
      'The man in the grey car is suspected of sexually exploiting her.',
    );
    await byId(page, 'needsToChange').fill(
      'The man’s access to Skye is disrupted; she has a safe adult to call.',
    );
    await expectNoAxeViolations(page, 'a filled-in Risk Analysis Framework');
    await screenshot(page, 'assessment-form');

    await page.getByRole('button', { name: 'Complete the assessment' }).click();
    await page.getByText('Risk Analysis Framework completed').waitFor();
    await expect.poll(() => heading(page)).toMatch(/^Risk Analysis Framework, /);
    const missing = page.locator('.lantern-missing-voices');
    expect(await missing.textContent()).toContain('not obtained — She did not want to talk this week');
    expect(await page.locator('.lantern-factor').first().textContent()).toContain('Unverified');
    await expectNoAxeViolations(page, 'a completed assessment');

    // The history and the chart, labelled as judgement.
    await page.getByRole('link', { name: 'Back to assessments' }).first().click();
    await page.getByRole('table', { name: 'History' }).waitFor();
    const history = page.getByRole('table', { name: 'History' });
    expect(await history.textContent()).toContain('Significant');
    expect(await history.textContent()).toContain('Completed');
    const chart = page.locator('figure.lantern-chart');
    expect(await chart.locator('figcaption').textContent()).toContain('Professional judgement, not a score');
    expect(await chart.locator('svg[role="img"]').count()).toBe(1);
    const table = page.getByRole('table', { name: /behind the chart/ });
    expect(await table.textContent()).toContain('An adult is targeting her and nothing yet stops him.');
    await expectNoAxeViolations(page, 'the history and the chart');
    await screenshot(page, 'assessment-history');

    // The plan: the disruption section's rule is explained where it applies.
    await page.getByRole('button', { name: 'Make a plan' }).click();
    await expect.poll(() => heading(page)).toBe('Make a plan');
    expect(await page.locator('.lantern-rule').textContent()).toContain(
      'This section is required for Skye Hollins now',
    );
    await byId(page, 'reviewDate').fill('20');
    await byId(page, 'reviewDate-month').fill('12');
    await byId(page, 'reviewDate-year').fill(String(new Date().getFullYear() + 1));
    await byId(page, 'sections.disruption_and_investigation.objectives').click();
    const o = 'sections.disruption_and_investigation.objectives.0';
    await byId(page, `${o}.aim`).fill(
      'Police serve a Child Abduction Warning Notice on the man who collects her in the grey car.',
    );
    await byId(page, `${o}.owner`).selectOption('someone-else');
    await byId(page, `${o}.ownerName`).fill('PC Dan Hughes');
    await byId(page, `${o}.agency`).fill('Fernbridge Police');
    await byId(page, `${o}.dueDate`).fill('15');
    await byId(page, `${o}.dueDate-month`).fill('12');
    await byId(page, `${o}.dueDate-year`).fill(String(new Date().getFullYear() + 1));
    await expectNoAxeViolations(page, 'the plan editor');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect.poll(() => heading(page)).toBe('Safety and support plan');
    await page.getByText('The plan has been saved').waitFor();
    const disruption = page.locator('section', {
      has: page.getByRole('heading', { name: 'Disruption and investigation of those causing harm' }),
    });
    expect(await disruption.textContent()).toContain('Child Abduction Warning Notice');
    expect(await disruption.textContent()).toContain('PC Dan Hughes, Fernbridge Police');
    await expectNoAxeViolations(page, 'the plan');
    await screenshot(page, 'plan');

    expect(pageProblems(page)).toEqual([]);
    session = { context, page };
  }, 90_000);

  it('updates an objective, writes the young person’s plan and compares two analyses', async () => {
    if (!session) throw new Error('the first journey did not finish');
    const { page } = session;
    await page
      .getByRole('link', { name: /Update status/ })
      .first()
      .click();
    await expect.poll(() => heading(page)).toBe('Update an objective’s status');
    await expectNoAxeViolations(page, 'an objective’s status');
    await page.getByLabel('In progress', { exact: true }).check();
    await page.getByRole('button', { name: 'Update the status' }).click();
    await page.getByText('The objective’s status has been updated').waitFor();

    await page.getByRole('link', { name: 'The young person’s plan' }).click();
    await expect.poll(() => heading(page)).toBe('The young person’s plan');
    await page.getByRole('button', { name: 'Generate the young person’s plan' }).click();
    await page.getByRole('heading', { name: 'Their plan' }).waitFor();
    expect(await page.locator('[id="section-intro"]').inputValue()).toContain(
      'What has happened is not your fault.',
    );
    await expectNoAxeViolations(page, 'the young person’s plan');
    await page
      .locator('[id="section-intro"]')
      .fill('This is your plan, Skye. What has happened is not your fault.');
    await page.getByRole('button', { name: 'Save this section “Your plan”' }).click();
    await page.getByText('“Your plan” has been saved').waitFor();
    await byId(page, 'sawItOn').fill(String(new Date().getDate()));
    await byId(page, 'sawItOn-month').fill(String(new Date().getMonth() + 1));
    await byId(page, 'sawItOn-year').fill(String(new Date().getFullYear()));
    await page.getByLabel('Went through it with them in person').check();
    await byId(page, 'hadTimeToQuestion').check();
    await byId(page, 'said').check();
    await byId(page, 'said.words').fill('I don’t want the police coming to my school.');
    await page.getByLabel('Partly', { exact: true }).check();
    await byId(page, 'whyNot').fill('The police will come after lessons, in plain clothes.');
    await page.getByRole('button', { name: 'Record what they said' }).click();
    await page.getByText('What they said has been recorded').waitFor();
    expect(await page.getByRole('heading', { name: 'What they said before' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'the young person’s plan with their response');

    // A second analysis by a co-worker, then the two side by side.
    const co = await manager.post(`/api/children/${childId}/professionals`, {
      userId: (
        await server.server.database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'jordan.blake@fernbridge.example')
          .executeTakeFirstOrThrow()
      ).id,
      kind: 'co_worker',
    });
    expect(co.status, co.text).toBe(201);
    const history = (await manager.get(`/api/children/${childId}/assessments`)).json;
    const first = history.assessments[0].id;
    const started = await manager.post(`/api/children/${childId}/assessments`, {
      instrumentId: 'raf',
      instrumentVersion: '2025.1',
      copyFrom: first,
    });
    const draft = (await manager.get(`/api/children/${childId}/assessments/${started.json.id}`)).json
      .assessment;
    const saved = await manager.request('PUT', `/api/children/${childId}/assessments/${started.json.id}`, {
      answers: { ...draft.answers, 'context.reason': { type: 'choice', value: 'plan_review' } },
      analysis: 'The warning notice was served; she has not been seen with the man since.',
      balance: 'Her mother and school now protect her; the man has kept away.',
      needsToChange: 'Keep the notice in force and keep checking the flat.',
      judgement: { level: 'moderate', rationale: 'Disruption is working, but he may come back.' },
      harm: {
        status: 'suspected',
        kinds: ['sexual'],
        description: 'Suspected, no longer happening now.',
        evidence: [{ chronologyEntryId: entryId }],
      },
      voices: {
        child: {
          status: 'given',
          inTheirOwnWords: true,
          words: 'I feel better now.',
          howExpressed: 'spoken',
          on: daysAgo(0),
        },
        parentsCarers: [
          { status: 'given', person: 'Dee Hollins', relationship: 'Mother', view: 'Much calmer at home.' },
        ],
        agencies: [],
      },
    });
    expect(saved.status, saved.text).toBe(200);
    const done = await manager.post(`/api/children/${childId}/assessments/${started.json.id}/complete`);
    expect(done.status, done.text).toBe(200);

    await page.goto(`${server.url}/children/${childId}/assessments`);
    await page.getByRole('button', { name: 'Compare side by side' }).click();
    await expect.poll(() => heading(page)).toBe('Compare two assessments');
    await page.getByText('Less concern than before').waitFor();
    expect(await page.getByRole('table', { name: 'Child’s developmental needs' }).textContent()).toContain(
      'Unchanged',
    );
    await expectNoAxeViolations(page, 'two assessments side by side');
    await screenshot(page, 'assessment-compare');
    expect(pageProblems(page)).toEqual([]);
  }, 90_000);
});
