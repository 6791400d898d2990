/**
 * The default continuum of concern, as configuration. A partnership that uses other words publishes a
 * new instrument version with its own continuum; assessments already made keep the labels of the
 * version they pinned.
 *
 * The words are the seeds' own. The ends come from the RAF (seed 004: "a continuum from no significant
 * risk to severe risk"); the middle steps from the words Welsh practice already uses (seed 003 §3.6,
 * SERAF: "mild", "moderate", "significant"). "Low / medium / high" is avoided: seed 000 records it being
 * used for children who were already victims of serious crime. Harm that is known is recorded apart
 * from the level (see `harm` on the assessment), so a child being harmed is never just "a level".
 */
import type { ContinuumInput } from './schema.ts';

export const DEFAULT_CONTINUUM: ContinuumInput = {
  source:
    'seed 004, "Risk Analysis Framework" ("a continuum from no significant risk to severe risk"); intermediate words from seed 003 §3.6',
  levels: [
    {
      id: 'no_significant_risk',
      label: 'No significant risk',
      description:
        'Protective factors balance the risk factors. No significant risk of exploitation is seen now; other needs may still call for help.',
    },
    {
      id: 'mild',
      label: 'Mild',
      description:
        'There are concerns, and protective factors largely balance them. Help, and watchfulness from the adults around the child, may prevent harm.',
    },
    {
      id: 'moderate',
      label: 'Moderate',
      description:
        'Risk factors are not balanced by protective factors in some areas. Without change, the child may be harmed.',
    },
    {
      id: 'significant',
      label: 'Significant',
      description:
        'The child is likely to suffer significant harm, or is being harmed, and protective factors do not balance the risks. A multi-agency plan and disruption are needed.',
    },
    {
      id: 'severe',
      label: 'Severe',
      description:
        'Serious harm is happening or is imminent. Immediate protective action and disruption of those causing harm are needed.',
    },
  ],
};
