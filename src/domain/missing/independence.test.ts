import { describe, expect, it } from 'vitest';
import { MISSING_CONFIG, type MissingConfig } from './config.ts';
import {
  INDEPENDENCE_WHY,
  type IndependenceEpisode,
  type IndependenceOfferer,
  independenceWarning,
  interviewIndependenceWarnings,
} from './independence.ts';

const PLACEMENT = 'placement-1';
const PROVIDER = 'provider-1';
const AGENCY = 'agency-placement';

const fromPlacement: IndependenceEpisode = {
  missingFrom: {
    kind: 'care_placement',
    placement: { name: 'Elm House', placementId: PLACEMENT, providerId: PROVIDER, agencyId: AGENCY },
  },
};
const by = (offeredBy: IndependenceOfferer) => ({ offeredBy });

describe('independenceWarning', () => {
  it('warns when the offer comes from the placement itself', () => {
    const warning = independenceWarning(by({ name: 'Sam Carter', placementId: PLACEMENT }), fromPlacement);
    expect(warning).toMatchObject({ code: 'same_placement', severity: 'warning' });
    expect(warning?.message).toBe(
      'Sam Carter works at the placement the child went missing from (Elm House).',
    );
  });

  it('warns when the offer comes from the provider running the placement', () => {
    const warning = independenceWarning(by({ name: 'Pat Green', providerId: PROVIDER }), fromPlacement);
    expect(warning).toMatchObject({ code: 'same_provider', severity: 'warning' });
    expect(warning?.message).toMatch(/works for the provider that runs the placement/);
  });

  it('warns when the offer comes from the same agency as the placement', () => {
    const warning = independenceWarning(by({ name: 'Jo Hill', agencyId: AGENCY }), fromPlacement);
    expect(warning).toMatchObject({ code: 'same_agency', severity: 'warning' });
  });

  it('names the strongest link first', () => {
    const warning = independenceWarning(
      by({ name: 'Sam', placementId: PLACEMENT, providerId: PROVIDER, agencyId: AGENCY }),
      fromPlacement,
    );
    expect(warning?.code).toBe('same_placement');
  });

  it('explains why independence matters, so the child can speak about the placement', () => {
    const warning = independenceWarning(by({ name: 'Sam', placementId: PLACEMENT }), fromPlacement);
    expect(warning?.why).toBe(INDEPENDENCE_WHY);
    expect(INDEPENDENCE_WHY).toMatch(/independent of the placement/);
    expect(INDEPENDENCE_WHY).toMatch(/speak freely about the placement/);
    expect(INDEPENDENCE_WHY).toMatch(/DfE 2014/);
  });

  it('is silent when the offer is independent', () => {
    expect(
      independenceWarning(by({ name: 'Alex Morgan', agencyId: 'agency-independent-service' }), fromPlacement),
    ).toBeNull();
  });

  it('is silent when the child did not go missing from a placement', () => {
    for (const kind of ['home', 'school', 'other']) {
      expect(
        independenceWarning(by({ name: 'Sam', agencyId: AGENCY }), { missingFrom: { kind } }),
      ).toBeNull();
    }
  });

  it('does not match on ids that are both missing', () => {
    const episode: IndependenceEpisode = {
      missingFrom: { kind: 'care_placement', placement: { name: 'Elm House', agencyId: AGENCY } },
    };
    expect(independenceWarning(by({ name: 'Alex', providerId: 'other-provider' }), episode)).toBeNull();
  });

  it('asks for a check when the placement is not identified', () => {
    const warning = independenceWarning(by({ name: 'Sam', agencyId: AGENCY }), {
      missingFrom: { kind: 'care_placement', placement: { name: 'Elm House' } },
    });
    expect(warning).toMatchObject({ code: 'placement_not_identified', severity: 'check' });
    expect(warning?.message).toMatch(/Record the placement and who runs it/);
    expect(
      independenceWarning(by({ name: 'Sam', agencyId: AGENCY }), { missingFrom: { kind: 'care_placement' } })
        ?.code,
    ).toBe('placement_not_identified');
  });

  it('asks for a check when the person making the offer has no organisation recorded', () => {
    expect(independenceWarning(by({ name: 'Sam' }), fromPlacement)).toMatchObject({
      code: 'offerer_not_identified',
      severity: 'check',
    });
    expect(independenceWarning({ offeredBy: null }, fromPlacement)).toMatchObject({
      code: 'offerer_not_identified',
    });
  });

  it('follows the configuration for which places are placements', () => {
    const config: MissingConfig = structuredClone(MISSING_CONFIG);
    config.missingFrom.push({ id: 'supported_lodgings', label: 'Supported lodgings', placement: true });
    const episode: IndependenceEpisode = {
      missingFrom: { kind: 'supported_lodgings', placement: { providerId: PROVIDER } },
    };
    expect(independenceWarning(by({ name: 'Pat', providerId: PROVIDER }), episode, config)?.code).toBe(
      'same_provider',
    );
    expect(independenceWarning(by({ name: 'Pat', providerId: PROVIDER }), episode)).toBeNull();
  });
});

describe('interviewIndependenceWarnings', () => {
  it('checks who offered and who held the interview', () => {
    const found = interviewIndependenceWarnings(
      {
        offer: { offeredBy: { name: 'Alex', agencyId: 'independent' } },
        conductedBy: { name: 'Sam', placementId: PLACEMENT },
      },
      fromPlacement,
    );
    expect(found.map((f) => [f.who, f.warning.code])).toEqual([['conductedBy', 'same_placement']]);
  });

  it('reports both when both are from the placement, and nothing when neither is', () => {
    expect(
      interviewIndependenceWarnings(
        {
          offer: { offeredBy: { name: 'Sam', providerId: PROVIDER } },
          conductedBy: { name: 'Sam', providerId: PROVIDER },
        },
        fromPlacement,
      ).map((f) => f.who),
    ).toEqual(['offeredBy', 'conductedBy']);
    expect(
      interviewIndependenceWarnings(
        { offer: { offeredBy: { name: 'Alex', agencyId: 'independent' } } },
        fromPlacement,
      ),
    ).toEqual([]);
  });
});
