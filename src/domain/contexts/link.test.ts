import { describe, expect, it } from 'vitest';
import {
  defaultViewStatus,
  isConfirmed,
  isInDefaultView,
  LINK_CONFIG,
  type Link,
  type LinkInput,
  linkSchema,
  makeLinkSchema,
} from './link.ts';
import { violationsOf } from './rules.ts';

const base: LinkInput = {
  from: { kind: 'child', id: 'child-1' },
  to: { kind: 'person_of_concern', id: 'poc-1' },
  nature: 'seen_with',
  firstSeen: '2025-01-10',
  lastSeen: '2025-02-20',
  source: { agencyId: 'police', authorId: 'officer-1', reference: 'LOG/123' },
  grading: { source: '2', intelligence: 'C', handling: 'P' },
  sensitivity: 'police_intelligence',
};

function parse(input: unknown): Link {
  const r = linkSchema.safeParse(input);
  if (!r.success) throw new Error(JSON.stringify(violationsOf(r.error)));
  return r.data;
}

function refused(input: unknown) {
  const r = linkSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? violationsOf(r.error) : [];
}

describe('link schema', () => {
  it('accepts a sourced, graded link and sets the review date from configuration', () => {
    const link = parse(base);
    expect(link.scope).toBe('child_context');
    expect(link.reviewDate).toBe('2025-08-20');
    expect(link.corroborations).toEqual([]);
  });

  it('defaults last seen to first seen', () => {
    const { lastSeen: _omit, ...rest } = base;
    const link = parse(rest);
    expect(link.lastSeen).toBe('2025-01-10');
    expect(link.reviewDate).toBe('2025-07-10');
  });

  it('uses a partnership configuration for the default review date', () => {
    const schema = makeLinkSchema({ ...LINK_CONFIG, reviewMonthsAfterLastSeen: 3 });
    expect(schema.parse(base).reviewDate).toBe('2025-05-20');
  });

  it('accepts a link between two contexts', () => {
    const link = parse({
      ...base,
      from: { kind: 'person_of_concern', id: 'poc-1' },
      to: { kind: 'vehicle', id: 'veh-1' },
      nature: 'drives_or_uses',
    });
    expect(link.scope).toBe('context_context');
  });

  it('refuses a link with no source, naming the field', () => {
    const { source: _omit, ...noSource } = base;
    expect(refused(noSource)).toEqual([
      expect.objectContaining({
        rule: 'link.source-required',
        path: 'source',
        message: expect.stringMatching(/source\.agencyId/),
      }),
    ]);
    expect(refused({ ...base, source: { authorId: 'officer-1' } })).toEqual([
      expect.objectContaining({ rule: 'link.source-required', path: 'source.agencyId' }),
    ]);
    expect(refused({ ...base, source: { agencyId: 'police', authorId: '  ' } })).toEqual([
      expect.objectContaining({ rule: 'link.source-required', path: 'source.authorId' }),
    ]);
  });

  it('refuses a reliability grade outside the scheme, naming the rule', () => {
    expect(refused({ ...base, grading: { source: '4', intelligence: 'A', handling: 'P' } })).toEqual([
      expect.objectContaining({ rule: 'grading.source-evaluation', path: 'grading.source' }),
    ]);
    expect(refused({ ...base, grading: { source: '1', intelligence: 'Z', handling: 'P' } })[0]?.rule).toBe(
      'grading.intelligence-assessment',
    );
    const { grading: _omit, ...noGrade } = base;
    expect(refused(noGrade)[0]?.rule).toBe('grading.required');
  });

  it('refuses last seen before first seen', () => {
    expect(refused({ ...base, firstSeen: '2025-03-01', lastSeen: '2025-02-01' })).toEqual([
      expect.objectContaining({ rule: 'link.seen-order', path: 'lastSeen' }),
    ]);
  });

  it('refuses dates that are not real dates', () => {
    expect(refused({ ...base, firstSeen: '2025-02-30' })[0]).toMatchObject({
      rule: 'link.first-seen',
      path: 'firstSeen',
    });
    expect(refused({ ...base, lastSeen: 'yesterday' })[0]).toMatchObject({ rule: 'link.last-seen' });
  });

  it('refuses a review date before the link was last seen, or too far after it', () => {
    expect(refused({ ...base, reviewDate: '2025-02-01' })[0]).toMatchObject({
      rule: 'link.review-after-seen',
      path: 'reviewDate',
    });
    expect(refused({ ...base, reviewDate: '2026-02-21' })[0]).toMatchObject({
      rule: 'link.review-date-limit',
    });
    expect(parse({ ...base, reviewDate: '2026-02-20' }).reviewDate).toBe('2026-02-20');
  });

  it('refuses a nature that does not exist or does not fit its ends', () => {
    expect(refused({ ...base, nature: 'dating' })[0]).toMatchObject({ rule: 'link.nature', path: 'nature' });
    expect(refused({ ...base, nature: 'lives_at' })[0]).toMatchObject({ rule: 'link.nature-endpoints' });
    // A context nature used from a child.
    expect(refused({ ...base, nature: 'trades_from' })[0]).toMatchObject({ rule: 'link.nature' });
    const { nature: _omit, ...noNature } = base;
    expect(refused(noNature)[0]).toMatchObject({ rule: 'link.nature' });
  });

  it('refuses a child at the far end, unknown kinds and a context linked to itself', () => {
    expect(refused({ ...base, to: { kind: 'child', id: 'child-2' } })[0]).toMatchObject({
      rule: 'link.endpoint',
    });
    expect(refused({ ...base, from: { kind: 'gang', id: 'x' } })[0]).toMatchObject({ rule: 'link.endpoint' });
    expect(
      refused({
        ...base,
        from: { kind: 'person_of_concern', id: 'poc-1' },
        to: { kind: 'person_of_concern', id: 'poc-1' },
        nature: 'associates_with',
      })[0],
    ).toMatchObject({ rule: 'link.self' });
  });

  it('needs a sensitivity label', () => {
    const { sensitivity: _omit, ...rest } = base;
    expect(refused(rest)[0]).toMatchObject({ rule: 'link.sensitivity' });
  });

  it('refuses a corroboration by the original source', () => {
    expect(
      refused({
        ...base,
        corroborations: [{ agencyId: 'police', authorId: 'officer-1', on: '2025-03-01' }],
      })[0],
    ).toMatchObject({ rule: 'link.corroboration-independent', path: 'corroborations.0.authorId' });
  });

  it('needs a reason to withdraw a link', () => {
    expect(
      refused({ ...base, withdrawn: { on: '2025-04-01', byUserId: 'u1', reason: '' } })[0],
    ).toMatchObject({
      rule: 'link.withdrawn',
    });
    expect(
      parse({ ...base, withdrawn: { on: '2025-04-01', byUserId: 'u1', reason: 'Wrong person' } }).withdrawn
        ?.reason,
    ).toBe('Wrong person');
  });

  it('accepts a stored link again as it is, and refuses a scope that does not fit its ends', () => {
    const link = parse(base);
    expect(parse(link)).toEqual(link);
    expect(refused({ ...base, scope: 'context_context' })[0]).toMatchObject({ rule: 'link.scope' });
  });

  it('refuses fields it does not know', () => {
    expect(refused({ ...base, boyfriend: true })[0]?.rule).toBe('schema');
  });
});

describe('default views: mapping must not label children for ever', () => {
  const unconfirmed = parse(base); // 2C, review 2025-08-20
  const confirmed = parse({ ...base, grading: { source: '1', intelligence: 'A', handling: 'P' } });

  it('shows an unconfirmed link, as unverified, until its review date', () => {
    expect(isInDefaultView(unconfirmed, '2025-08-20')).toBe(true);
    expect(defaultViewStatus(unconfirmed, '2025-08-20').reason).toBe('unconfirmed_before_review');
  });

  it('drops an unconfirmed link out of default views after its review date', () => {
    expect(isInDefaultView(unconfirmed, '2025-08-21')).toBe(false);
    const status = defaultViewStatus(unconfirmed, new Date('2025-09-01T10:00:00Z'));
    expect(status).toMatchObject({ visible: false, reason: 'unconfirmed_past_review', reviewDue: true });
    expect(status.explanation).toMatch(/does not label the child/);
  });

  it('keeps a link confirmed by its grade, flagging that its review is due', () => {
    expect(isConfirmed(confirmed)).toBe(true);
    expect(defaultViewStatus(confirmed, '2026-01-01')).toMatchObject({
      visible: true,
      reason: 'confirmed',
      reviewDue: true,
    });
  });

  it('keeps a link confirmed by a second source', () => {
    const corroborated = parse({
      ...base,
      corroborations: [{ agencyId: 'school', authorId: 'teacher-1', on: '2025-03-01' }],
    });
    expect(isConfirmed(corroborated)).toBe(true);
    expect(isInDefaultView(corroborated, '2026-01-01')).toBe(true);
  });

  it('never shows intelligence suspected to be false, or a withdrawn link', () => {
    const e = parse({ ...base, grading: { source: '1', intelligence: 'E', handling: 'P' } });
    expect(defaultViewStatus(e, '2025-03-01')).toMatchObject({ visible: false, reason: 'suspected_false' });
    const w = parse({
      ...confirmed,
      withdrawn: { on: '2025-03-01', byUserId: 'u1', reason: 'Mistaken identity' },
    });
    expect(defaultViewStatus(w, '2025-03-02')).toMatchObject({ visible: false, reason: 'withdrawn' });
  });

  it('follows a partnership threshold', () => {
    const lenient = {
      ...LINK_CONFIG,
      confirmation: {
        sourceEvaluations: ['1', '2'] as const,
        intelligenceAssessments: ['A', 'B', 'C'] as const,
      },
    };
    expect(isInDefaultView(unconfirmed, '2026-01-01', lenient)).toBe(true);
  });
});
