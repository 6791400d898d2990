import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MISSING_CONFIG, type MissingConfig } from './config.ts';
import {
  type MissingEpisodeInput,
  missingEpisodeInputSchema,
  missingEpisodeSchema,
  type ReturnInterviewInput,
  returnInterviewInputSchema,
  returnInterviewSchema,
} from './schema.ts';

const CHILD = '00000000-0000-4000-8000-000000000001';
const AGENCY = '00000000-0000-4000-8000-0000000000a1';
const PROVIDER = '00000000-0000-4000-8000-0000000000b1';
const EPISODE = '00000000-0000-4000-8000-0000000000e1';
const PLACE = '00000000-0000-4000-8000-0000000000c1';
const PERSON = '00000000-0000-4000-8000-0000000000d1';

function episodeInput(overrides: Partial<MissingEpisodeInput> = {}): MissingEpisodeInput {
  return {
    childId: CHILD,
    reportedAt: '2026-03-28T10:00:00Z',
    lastSeenAt: '2026-03-28T08:30:00Z',
    reportedBy: { name: 'Sam Carter', role: 'Residential support worker', agencyId: AGENCY },
    missingFrom: { kind: 'care_placement', placement: { name: 'Elm House', providerId: PROVIDER } },
    protocolCategory: 'missing',
    policeReference: 'MP/2026/0042',
    policeRiskGrade: 'medium',
    returned: {
      at: '2026-03-29T18:00:00+01:00',
      where: { description: 'A flat on Mill Road' },
      whoWith: [{ description: 'Two adults not known to the home' }],
      how: 'found_by_police',
    },
    harmWhileMissing: 'suspected',
    crimeWhileMissing: 'not_known_yet',
    safeAndWellCheck: { at: '2026-03-29T19:30:00+01:00', by: { name: 'PC Lee', agencyId: AGENCY } },
    ...overrides,
  };
}

function interviewInput(overrides: Partial<ReturnInterviewInput> = {}): ReturnInterviewInput {
  return {
    episodeId: EPISODE,
    status: 'completed',
    offer: {
      offeredAt: '2026-03-30T09:00:00+01:00',
      offeredBy: { name: 'Alex Morgan', role: 'Return interview worker', agencyId: AGENCY },
    },
    completedAt: '2026-03-31T15:00:00+01:00',
    conductedBy: { name: 'Alex Morgan', agencyId: AGENCY },
    pushFactors: ['placed_far_from_home'],
    pushFactorsOther: 'Misses their younger brother',
    pullFactors: ['groomed_with_gifts_or_money', 'supplied_drugs_or_alcohol'],
    whatHappened: 'Was given a lift to a flat by two adults.',
    childsAccount: '"They said I could stay as long as I wanted."',
    whereTheyWere: [
      { link: 'existing_place', placeId: PLACE },
      { link: 'new_place_of_concern', name: 'Flat above the takeaway', address: 'Mill Road' },
      { link: 'not_linked', description: 'The bus station' },
    ],
    whoWith: [
      { link: 'existing_person', personId: PERSON },
      { link: 'new_person_of_concern', name: '"Jay"', description: 'Adult man, drives a grey car' },
      { link: 'not_linked', description: 'Another young person' },
    ],
    actions: [
      { description: 'Share the flat address with police', ownerName: 'Alex Morgan', dueDate: '2026-04-01' },
    ],
    sharing: [
      { with: 'police', sharedAt: '2026-03-31T17:00:00+01:00', summary: 'Address and description of "Jay".' },
      { with: 'childrens_services', sharedAt: '2026-03-31T17:05:00+01:00', summary: 'Full interview.' },
    ],
    ...overrides,
  };
}

function issues(schema: z.ZodType, input: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const returnedEpisode = { returned: { at: new Date('2026-03-29T17:00:00Z') } };

describe('missing episode: good input', () => {
  it('accepts a full episode and turns times into UTC Dates', () => {
    const parsed = missingEpisodeInputSchema.parse(episodeInput());
    expect(parsed.reportedAt).toEqual(new Date('2026-03-28T10:00:00Z'));
    expect(parsed.returned?.at).toEqual(new Date('2026-03-29T17:00:00Z'));
  });

  it('accepts an episode still open, with defaults for what is not known yet', () => {
    const parsed = missingEpisodeInputSchema.parse(
      episodeInput({
        returned: undefined,
        safeAndWellCheck: undefined,
        harmWhileMissing: undefined,
        crimeWhileMissing: undefined,
      }),
    );
    expect(parsed.returned).toBeUndefined();
    expect(parsed.harmWhileMissing).toBe('not_known_yet');
    expect(parsed.crimeWhileMissing).toBe('not_known_yet');
  });

  it.each(MISSING_CONFIG.missingFrom.map((o) => o.id))('accepts missing from "%s"', (kind) => {
    const from = MISSING_CONFIG.missingFrom.find((o) => o.id === kind);
    const missingFrom = from?.placement ? { kind, placement: { name: 'Elm House' } } : { kind };
    expect(issues(missingEpisodeInputSchema, episodeInput({ missingFrom }))).toEqual([]);
  });

  it.each(MISSING_CONFIG.howReturned.map((o) => o.id))('accepts returned "%s"', (how) => {
    const input = episodeInput();
    expect(issues(missingEpisodeInputSchema, { ...input, returned: { ...input.returned, how } })).toEqual([]);
  });

  it.each(MISSING_CONFIG.policeRiskGrades.grades.map((g) => g.id))(
    'accepts the police grading "%s"',
    (grade) => {
      expect(issues(missingEpisodeInputSchema, episodeInput({ policeRiskGrade: grade }))).toEqual([]);
    },
  );

  it.each(MISSING_CONFIG.protocolCategories.categories.map((c) => c.id))('accepts the category "%s"', (c) => {
    expect(issues(missingEpisodeInputSchema, episodeInput({ protocolCategory: c }))).toEqual([]);
  });

  it('accepts a return at the very moment of the report', () => {
    const input = episodeInput({ safeAndWellCheck: undefined });
    const returned = { ...input.returned, at: input.reportedAt, how: 'came_back_themselves' };
    expect(issues(missingEpisodeInputSchema, { ...input, returned })).toEqual([]);
  });
});

describe('missing episode: bad input is refused with the field and the rule', () => {
  it('refuses a child found before being reported missing', () => {
    const input = episodeInput({ safeAndWellCheck: undefined });
    const found = issues(missingEpisodeInputSchema, {
      ...input,
      returned: { ...input.returned, at: '2026-03-28T09:59:00Z' },
    });
    expect(found).toEqual([
      {
        path: 'returned.at',
        message: expect.stringMatching(
          /^returned\.at .* is before reportedAt .*cannot be found or return before/,
        ),
      },
    ]);
  });

  it('refuses last seen after the report', () => {
    expect(issues(missingEpisodeInputSchema, episodeInput({ lastSeenAt: '2026-03-28T10:01:00Z' }))).toEqual([
      { path: 'lastSeenAt', message: expect.stringMatching(/^lastSeenAt .* is after reportedAt/) },
    ]);
  });

  it('refuses a police grading outside the national scheme and names the scheme', () => {
    for (const grade of ['amber', 'very high', 'High', 'absent']) {
      expect(issues(missingEpisodeInputSchema, episodeInput({ policeRiskGrade: grade }))).toEqual([
        {
          path: 'policeRiskGrade',
          message: expect.stringMatching(
            /not a grading in the national police scheme \(no apparent risk, low risk, medium risk, high risk; College of Policing/,
          ),
        },
      ]);
    }
  });

  it('refuses an unconfigured place, way of returning or protocol category', () => {
    expect(issues(missingEpisodeInputSchema, episodeInput({ missingFrom: { kind: 'street' } }))).toEqual([
      {
        path: 'missingFrom.kind',
        message: expect.stringMatching(/"street" is not one of the configured places/),
      },
    ]);
    const input = episodeInput();
    expect(
      issues(missingEpisodeInputSchema, { ...input, returned: { ...input.returned, how: 'teleported' } }),
    ).toEqual([
      {
        path: 'returned.how',
        message: expect.stringMatching(/"teleported" is not one of the configured ways/),
      },
    ]);
    expect(issues(missingEpisodeInputSchema, episodeInput({ protocolCategory: 'absconded' }))).toEqual([
      { path: 'protocolCategory', message: expect.stringMatching(/not a category in the local protocol/) },
    ]);
  });

  it('refuses placement details when the child did not go missing from a placement', () => {
    expect(
      issues(
        missingEpisodeInputSchema,
        episodeInput({ missingFrom: { kind: 'home', placement: { name: 'Elm House' } } }),
      ),
    ).toEqual([
      {
        path: 'missingFrom.placement',
        message: expect.stringMatching(/only recorded when .* care placement/),
      },
    ]);
  });

  it('refuses a safe and well check before the return, or with no return', () => {
    expect(
      issues(
        missingEpisodeInputSchema,
        episodeInput({ safeAndWellCheck: { at: '2026-03-29T16:00:00Z', by: { name: 'PC Lee' } } }),
      ),
    ).toEqual([{ path: 'safeAndWellCheck.at', message: expect.stringMatching(/is before returned\.at/) }]);
    expect(issues(missingEpisodeInputSchema, episodeInput({ returned: undefined }))).toEqual([
      { path: 'safeAndWellCheck', message: expect.stringMatching(/needs the return recorded first/) },
    ]);
  });

  it('refuses a time without an offset, which is ambiguous around the clock changes', () => {
    expect(issues(missingEpisodeInputSchema, episodeInput({ reportedAt: '2026-10-25T01:30:00' }))).toEqual([
      { path: 'reportedAt', message: expect.stringMatching(/with an offset/) },
    ]);
  });

  it('reports a malformed time once, without a confusing second message', () => {
    const found = issues(missingEpisodeInputSchema, episodeInput({ reportedAt: 'yesterday' }));
    expect(found.map((f) => f.path)).toEqual(['reportedAt']);
  });

  it('refuses unknown fields, an empty reporter and an invalid child id', () => {
    const found = issues(missingEpisodeInputSchema, {
      ...episodeInput({ childId: 'x', reportedBy: { name: ' ' } }),
      absconded: true,
    });
    expect(found.map((f) => f.path).sort()).toEqual(['', 'childId', 'reportedBy.name']);
  });

  it('builds its lists from the configuration it is given', () => {
    const config: MissingConfig = structuredClone(MISSING_CONFIG);
    config.missingFrom.push({ id: 'supported_lodgings', label: 'Supported lodgings', placement: true });
    const input = episodeInput({
      missingFrom: { kind: 'supported_lodgings', placement: { name: 'Flat 2' } },
    });
    expect(issues(missingEpisodeSchema(config), input)).toEqual([]);
    expect(issues(missingEpisodeInputSchema, input).map((i) => i.path)).toEqual(['missingFrom.kind']);
  });
});

describe('return interview: good input', () => {
  const schema = returnInterviewSchema(MISSING_CONFIG, returnedEpisode);

  it('accepts a completed interview with places and people linked, created or only described', () => {
    const parsed = schema.parse(interviewInput());
    expect(parsed.completedAt).toEqual(new Date('2026-03-31T14:00:00Z'));
    expect(parsed.whereTheyWere.map((p) => p.link)).toEqual([
      'existing_place',
      'new_place_of_concern',
      'not_linked',
    ]);
    expect(parsed.whoWith.map((p) => p.link)).toEqual([
      'existing_person',
      'new_person_of_concern',
      'not_linked',
    ]);
  });

  it('does not require the child to say anything: no disclosure is needed to complete one', () => {
    const input = interviewInput({
      pushFactors: [],
      pullFactors: [],
      whatHappened: undefined,
      childsAccount: undefined,
      whereTheyWere: [],
      whoWith: [],
    });
    expect(issues(schema, input)).toEqual([]);
  });

  it('accepts an offer still waiting for a reply, and a decline with the child’s reason', () => {
    expect(issues(schema, interviewInput({ status: 'offered', completedAt: undefined }))).toEqual([]);
    expect(
      issues(
        schema,
        interviewInput({ status: 'declined', completedAt: undefined, reason: 'Did not want to talk today' }),
      ),
    ).toEqual([]);
  });

  it('accepts a recorded decision not to hold one, with its reason and no offer', () => {
    const input = interviewInput({
      status: 'not_held',
      offer: undefined,
      completedAt: undefined,
      notHeldDecision: {
        decidedAt: '2026-03-30T10:00:00+01:00',
        decidedBy: { name: 'Team manager' },
        reason: 'Police are interviewing the child as a witness today; a joint approach was agreed',
      },
    });
    expect(issues(schema, input)).toEqual([]);
  });

  it('accepts "not possible" with a reason', () => {
    const input = interviewInput({
      status: 'not_possible',
      offer: undefined,
      completedAt: undefined,
      reason: 'The child was reported missing again before it could be offered',
    });
    expect(issues(schema, input)).toEqual([]);
  });

  it.each(MISSING_CONFIG.pushFactors.map((f) => f.id))('accepts the push factor "%s"', (id) => {
    expect(issues(schema, interviewInput({ pushFactors: [id] }))).toEqual([]);
  });

  it.each(MISSING_CONFIG.pullFactors.map((f) => f.id))('accepts the pull factor "%s"', (id) => {
    expect(issues(schema, interviewInput({ pullFactors: [id] }))).toEqual([]);
  });

  it('accepts an offer at the very moment of return', () => {
    const input = interviewInput({
      offer: { offeredAt: '2026-03-29T17:00:00Z', offeredBy: { name: 'Alex Morgan' } },
    });
    expect(issues(schema, input)).toEqual([]);
  });
});

describe('return interview: bad input is refused with the field and the rule', () => {
  const schema = returnInterviewSchema(MISSING_CONFIG, returnedEpisode);

  it('refuses an offer with no offerer', () => {
    const input = interviewInput({ offer: { offeredAt: '2026-03-30T09:00:00+01:00' } });
    expect(issues(schema, input)).toEqual([
      {
        path: 'offer.offeredBy',
        message: expect.stringMatching(/^offer\.offeredBy is required: .*independence/),
      },
    ]);
  });

  it('refuses an interview completed before the return', () => {
    const input = interviewInput({
      offer: { offeredAt: '2026-03-29T17:30:00Z', offeredBy: { name: 'Alex Morgan' } },
      completedAt: '2026-03-29T16:00:00Z',
    });
    const found = issues(schema, input);
    expect(found).toContainEqual({
      path: 'completedAt',
      message: expect.stringMatching(/^completedAt .* is before the child was found or returned/),
    });
  });

  it('refuses an offer made before the return', () => {
    const input = interviewInput({
      offer: { offeredAt: '2026-03-29T12:00:00Z', offeredBy: { name: 'Alex Morgan' } },
    });
    expect(issues(schema, input)).toEqual([
      {
        path: 'offer.offeredAt',
        message: expect.stringMatching(/^offer\.offeredAt .* is before the child was found/),
      },
    ]);
  });

  it('refuses an interview for an episode with no return yet', () => {
    expect(issues(returnInterviewSchema(MISSING_CONFIG, { returned: null }), interviewInput())).toEqual([
      { path: 'episodeId', message: expect.stringMatching(/no return recorded/) },
    ]);
  });

  it('refuses a "not held" decision without a reason', () => {
    const input = interviewInput({
      status: 'not_held',
      offer: undefined,
      completedAt: undefined,
      notHeldDecision: {
        decidedAt: '2026-03-30T10:00:00+01:00',
        decidedBy: { name: 'Team manager' },
        reason: '  ',
      },
    });
    expect(issues(schema, input)).toEqual([
      { path: 'notHeldDecision.reason', message: expect.stringMatching(/must say why/) },
    ]);
  });

  it('refuses "not held" with no decision recorded at all', () => {
    const input = interviewInput({ status: 'not_held', offer: undefined, completedAt: undefined });
    expect(issues(schema, input)).toEqual([
      {
        path: 'notHeldDecision',
        message: expect.stringMatching(/decision not to hold a return interview is recorded/),
      },
    ]);
  });

  it('refuses a decision not to hold one alongside another status', () => {
    const input = interviewInput({
      notHeldDecision: { decidedAt: '2026-03-30T10:00:00+01:00', decidedBy: { name: 'M' }, reason: 'r' },
    });
    expect(issues(schema, input)).toEqual([
      { path: 'notHeldDecision', message: expect.stringMatching(/only recorded when status is "not_held"/) },
    ]);
  });

  it.each(['offered', 'accepted', 'declined', 'completed'] as const)(
    'refuses "%s" with no offer',
    (status) => {
      const input = interviewInput({
        status,
        offer: undefined,
        completedAt: status === 'completed' ? '2026-03-31T15:00:00+01:00' : undefined,
        reason: status === 'declined' ? 'Did not want to' : undefined,
      });
      expect(issues(schema, input)).toEqual([
        {
          path: 'offer',
          message: expect.stringMatching(new RegExp(`^offer is required when status is "${status}"`)),
        },
      ]);
    },
  );

  it('refuses a decline or "not possible" without a reason', () => {
    expect(issues(schema, interviewInput({ status: 'declined', completedAt: undefined }))).toEqual([
      {
        path: 'reason',
        message: expect.stringMatching(/record what they said, or that they gave no reason/),
      },
    ]);
    expect(issues(schema, interviewInput({ status: 'not_possible', completedAt: undefined }))).toEqual([
      { path: 'reason', message: expect.stringMatching(/not possible: record why/) },
    ]);
  });

  it('refuses a completed interview with no completion time, and a completion time on another status', () => {
    expect(issues(schema, interviewInput({ completedAt: undefined }))).toEqual([
      { path: 'completedAt', message: 'completedAt is required when status is "completed"' },
    ]);
    expect(issues(schema, interviewInput({ status: 'accepted' }))).toEqual([
      { path: 'completedAt', message: expect.stringMatching(/only recorded when status is "completed"/) },
    ]);
  });

  it('refuses completion before the offer', () => {
    const input = interviewInput({ completedAt: '2026-03-30T08:00:00+01:00' });
    expect(issues(schema, input)).toEqual([
      { path: 'completedAt', message: expect.stringMatching(/is before offer\.offeredAt/) },
    ]);
  });

  it('refuses push and pull factors that are not configured, pointing to the free-text field', () => {
    const found = issues(
      schema,
      interviewInput({ pushFactors: ['naughty'], pullFactors: ['attention_seeking'] }),
    );
    expect(found).toEqual([
      {
        path: 'pushFactors.0',
        message: expect.stringMatching(/"naughty" is not in the configured list .*pushFactorsOther/),
      },
      {
        path: 'pullFactors.0',
        message: expect.stringMatching(
          /"attention_seeking" is not in the configured list .*pullFactorsOther/,
        ),
      },
    ]);
  });

  it('refuses the same factor twice', () => {
    expect(issues(schema, interviewInput({ pushFactors: ['bullying', 'bullying'] }))).toEqual([
      { path: 'pushFactors', message: 'pushFactors lists the same factor twice' },
    ]);
  });

  it('refuses a place or person link without what it needs', () => {
    const found = issues(
      schema,
      interviewInput({
        whereTheyWere: [{ link: 'existing_place' } as never],
        whoWith: [{ link: 'new_person_of_concern', description: '' }],
      }),
    );
    expect(found.map((f) => f.path).sort()).toEqual(['whereTheyWere.0.placeId', 'whoWith.0.description']);
  });

  it('without an episode, still applies every rule that does not need one', () => {
    expect(issues(returnInterviewInputSchema, interviewInput())).toEqual([]);
    expect(
      issues(
        returnInterviewInputSchema,
        interviewInput({ offer: { offeredAt: '2026-03-30T09:00:00+01:00' } }),
      ),
    ).toHaveLength(1);
  });
});
