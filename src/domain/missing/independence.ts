/**
 * Is the return interview offered by someone independent of the placement the child went missing from?
 *
 * Statutory guidance asks for an independent return interview (DfE 2014; research note anchor-systems
 * §4.4; local protocols add "independent of the home"). A child may not be able to talk about a
 * placement, or about what pushed them away from it, to the people who run it. Lantern warns and
 * explains; it does not block, because the practitioner may know something the record does not (for
 * example, that the child asked for this person).
 */
import { MISSING_CONFIG, type MissingConfig } from './config.ts';

export interface IndependenceOfferer {
  name: string;
  agencyId?: string | null;
  providerId?: string | null;
  placementId?: string | null;
}

export interface IndependenceOffer {
  offeredBy?: IndependenceOfferer | null;
}

export interface IndependenceEpisode {
  missingFrom: {
    kind: string;
    placement?: {
      name?: string | null;
      placementId?: string | null;
      providerId?: string | null;
      agencyId?: string | null;
    } | null;
  };
}

export type IndependenceCode =
  | 'same_placement'
  | 'same_provider'
  | 'same_agency'
  | 'placement_not_identified'
  | 'offerer_not_identified';

export interface IndependenceWarning {
  code: IndependenceCode;
  /** `warning`: the offer comes from the placement. `check`: Lantern cannot tell; someone should look. */
  severity: 'warning' | 'check';
  /** What Lantern found, naming the people and placement involved. */
  message: string;
  /** Why it matters, for the person making the offer. */
  why: string;
}

export const INDEPENDENCE_WHY =
  'The return interview should be offered by someone independent of the placement, so the child can ' +
  'speak freely about the placement and about anything there that pushed them away (DfE 2014 statutory ' +
  'guidance on children who run away or go missing from home or care: independent return interviews). ' +
  'Consider asking the independent return interview service to make the offer.';

function same(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a) && a === b;
}

/**
 * A warning when the interview is offered by the placement the child went missing from (the same
 * placement, the same provider, or the same agency), a `check` when Lantern cannot tell, and null when
 * the offer is independent or the child did not go missing from a placement.
 */
export function independenceWarning(
  offer: IndependenceOffer,
  episode: IndependenceEpisode,
  config: Pick<MissingConfig, 'missingFrom'> = MISSING_CONFIG,
): IndependenceWarning | null {
  const from = config.missingFrom.find((o) => o.id === episode.missingFrom.kind);
  if (!from?.placement) return null;

  const by = offer.offeredBy;
  if (!by) {
    return {
      code: 'offerer_not_identified',
      severity: 'check',
      message:
        'The offer does not say who made it, so its independence from the placement cannot be checked.',
      why: INDEPENDENCE_WHY,
    };
  }
  const placement = episode.missingFrom.placement;
  const placementName = placement?.name ? ` (${placement.name})` : '';
  if (!placement?.placementId && !placement?.providerId && !placement?.agencyId) {
    return {
      code: 'placement_not_identified',
      severity: 'check',
      message:
        'The placement the child went missing from is not identified, so Lantern cannot check that ' +
        `${by.name}'s offer is independent of it. Record the placement and who runs it.`,
      why: INDEPENDENCE_WHY,
    };
  }
  if (same(by.placementId, placement.placementId)) {
    return {
      code: 'same_placement',
      severity: 'warning',
      message: `${by.name} works at the placement the child went missing from${placementName}.`,
      why: INDEPENDENCE_WHY,
    };
  }
  if (same(by.providerId, placement.providerId)) {
    return {
      code: 'same_provider',
      severity: 'warning',
      message: `${by.name} works for the provider that runs the placement the child went missing from${placementName}.`,
      why: INDEPENDENCE_WHY,
    };
  }
  if (same(by.agencyId, placement.agencyId)) {
    return {
      code: 'same_agency',
      severity: 'warning',
      message: `${by.name} is from the same agency as the placement the child went missing from${placementName}.`,
      why: INDEPENDENCE_WHY,
    };
  }
  if (!by.agencyId && !by.providerId && !by.placementId) {
    return {
      code: 'offerer_not_identified',
      severity: 'check',
      message:
        `${by.name}'s agency or organisation is not recorded, so Lantern cannot check that the offer is ` +
        'independent of the placement.',
      why: INDEPENDENCE_WHY,
    };
  }
  return null;
}

/** The same check for everyone on an interview record: who offered it and who held it. */
export function interviewIndependenceWarnings(
  interview: { offer?: IndependenceOffer | null; conductedBy?: IndependenceOfferer | null },
  episode: IndependenceEpisode,
  config: Pick<MissingConfig, 'missingFrom'> = MISSING_CONFIG,
): { who: 'offeredBy' | 'conductedBy'; warning: IndependenceWarning }[] {
  const found: { who: 'offeredBy' | 'conductedBy'; warning: IndependenceWarning }[] = [];
  if (interview.offer) {
    const warning = independenceWarning(interview.offer, episode, config);
    if (warning) found.push({ who: 'offeredBy', warning });
  }
  if (interview.conductedBy) {
    const warning = independenceWarning({ offeredBy: interview.conductedBy }, episode, config);
    if (warning) found.push({ who: 'conductedBy', warning });
  }
  return found;
}
