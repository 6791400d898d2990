/**
 * Everything this module says to people, checked with the partnership's victim-blaming language
 * checker: labels, refusals, clock summaries, warnings and reasons. A child who goes missing is a
 * child at risk of harm (PRODUCT.md §3). Kept in one file so that the checker's own changes surface
 * here, beside the words they judge.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkText } from '../language/index.ts';
import { clockStatus } from './clock.ts';
import { MISSING_CONFIG } from './config.ts';
import { INDEPENDENCE_WHY, independenceWarning } from './independence.ts';
import {
  HARM_ANSWER_NAMES,
  INTERVIEW_STATUS_NAMES,
  missingEpisodeInputSchema,
  returnInterviewSchema,
  SHARE_RECIPIENT_NAMES,
} from './schema.ts';
import { chronologyEntry, reanalysisDue, triageReasons } from './triggers.ts';
import { partnershipShare } from './views.ts';

const at = (iso: string) => new Date(iso);

function expectNoFindings(texts: string[]) {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts.filter((t) => t.trim())) {
    expect({ text, findings: checkText(text).findings.map((f) => f.ruleId) }).toEqual({ text, findings: [] });
  }
}

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('wording never blames the child', () => {
  it('in every configured label and description', () => {
    const c = MISSING_CONFIG;
    expectNoFindings([
      ...c.policeRiskGrades.grades.flatMap((o) => [o.label, o.description ?? '']),
      ...c.protocolCategories.categories.flatMap((o) => [o.label, o.description ?? '']),
      ...c.missingFrom.flatMap((o) => [o.label, o.description ?? '']),
      ...c.howReturned.flatMap((o) => [o.label, o.description ?? '']),
      ...c.pushFactors.map((f) => f.label),
      ...c.pullFactors.map((f) => f.label),
    ]);
  });

  it('in the names of answers, statuses and recipients', () => {
    expectNoFindings([
      ...Object.values(HARM_ANSWER_NAMES),
      ...Object.values(INTERVIEW_STATUS_NAMES),
      ...Object.values(SHARE_RECIPIENT_NAMES),
    ]);
  });

  it('in refusals', () => {
    const episode = {
      childId: '00000000-0000-4000-8000-000000000001',
      reportedAt: '2026-03-28T10:00:00Z',
      lastSeenAt: '2026-03-28T11:00:00Z',
      reportedBy: { name: 'Sam' },
      missingFrom: { kind: 'nowhere', placement: {} },
      protocolCategory: 'unknown',
      policeRiskGrade: 'amber',
      returned: { at: '2026-03-28T09:00:00Z', how: 'unknown' },
      safeAndWellCheck: { at: '2026-03-28T08:00:00Z', by: { name: 'PC Lee' } },
    };
    const interview = {
      episodeId: '00000000-0000-4000-8000-0000000000e1',
      status: 'declined',
      offer: { offeredAt: '2026-03-28T08:00:00Z' },
      completedAt: '2026-03-28T07:00:00Z',
      notHeldDecision: { decidedAt: '2026-03-28T12:00:00Z', decidedBy: { name: 'M' } },
      pushFactors: ['x', 'x'],
      pullFactors: ['y'],
    };
    const schema = returnInterviewSchema(MISSING_CONFIG, { returned: { at: at('2026-03-28T09:00:00Z') } });
    const all = [
      ...messages(missingEpisodeInputSchema, episode),
      ...messages(schema, interview),
      ...messages(schema, { ...interview, status: 'not_possible', notHeldDecision: undefined }),
      ...messages(schema, { episodeId: interview.episodeId, status: 'not_held' }),
      ...messages(returnInterviewSchema(MISSING_CONFIG, { returned: null }), {
        ...interview,
        status: 'offered',
      }),
    ];
    expect(all.length).toBeGreaterThan(12);
    expectNoFindings(all);
  });

  it('in clock summaries', () => {
    const returned = { at: at('2026-03-28T10:00:00Z') };
    expectNoFindings(
      [
        clockStatus({ returned: null }, at('2026-03-28T10:00:00Z')),
        clockStatus({ returned }, at('2026-03-28T12:00:00Z')),
        clockStatus({ returned }, at('2026-04-10T00:00:00Z')),
        clockStatus(
          { returned, interview: { status: 'offered', offer: { offeredAt: at('2026-03-29T10:00:00Z') } } },
          returned.at,
        ),
        clockStatus(
          { returned, interview: { status: 'offered', offer: { offeredAt: at('2026-04-02T10:00:00Z') } } },
          returned.at,
        ),
        clockStatus(
          { returned, interview: { status: 'not_possible', reason: 'Moved out of area' } },
          returned.at,
        ),
        clockStatus(
          {
            returned,
            interview: { status: 'not_held', notHeldDecision: { decidedAt: returned.at, reason: 'r' } },
          },
          returned.at,
        ),
      ].map((c) => c.summary),
    );
  });

  it('in independence warnings', () => {
    const episode = {
      missingFrom: {
        kind: 'care_placement',
        placement: { name: 'Elm House', placementId: 'p', providerId: 'v', agencyId: 'a' },
      },
    };
    const warnings = [
      independenceWarning({ offeredBy: { name: 'Sam', placementId: 'p' } }, episode),
      independenceWarning({ offeredBy: { name: 'Sam', providerId: 'v' } }, episode),
      independenceWarning({ offeredBy: { name: 'Sam', agencyId: 'a' } }, episode),
      independenceWarning({ offeredBy: { name: 'Sam' } }, episode),
      independenceWarning({ offeredBy: null }, episode),
      independenceWarning({ offeredBy: { name: 'Sam' } }, { missingFrom: { kind: 'care_placement' } }),
    ];
    expectNoFindings([INDEPENDENCE_WHY, ...warnings.map((w) => w?.message ?? '')]);
  });

  it('in re-analysis and triage reasons, the chronology entry and the partnership note', () => {
    const episodes = ['2026-02-01', '2026-03-01', '2026-03-20'].map((d, i) => ({
      id: `e${i}`,
      reportedAt: at(`${d}T10:00:00Z`),
      harmWhileMissing: 'known' as const,
      crimeWhileMissing: 'suspected' as const,
    }));
    const last = episodes[2] as (typeof episodes)[number];
    const entry = chronologyEntry({
      ...last,
      reportedBy: { name: 'Sam' },
      missingFrom: { kind: 'care_placement' },
      protocolCategory: 'absent',
      policeRiskGrade: 'no_apparent_risk',
      returned: { at: at('2026-03-21T10:00:00Z'), how: 'brought_back_by_someone_else' },
    });
    expectNoFindings([
      reanalysisDue(last).reason,
      ...triageReasons(last, episodes).map((r) => r.message),
      entry.title,
      entry.summary,
      partnershipShare([], [], { now: at('2026-04-01T00:00:00Z') }).note,
    ]);
  });
});
