/**
 * Citations for the lexicon, named as the project's research notes name them. A rule cites the seed
 * that asks for it and the published guidance the notes tie to the term; add a source here only when
 * the notes (or the source itself) connect it to the rule, so a partnership can check every rule
 * against its origin.
 */

export const SEED_000 = 'Seed 000 §4.1';
export const SEED_000_INTRO =
  'Seed 000 Introduction ("child prostitution" and "child pornography" removed from law)';
export const SEED_000_MYTHS = 'Seed 000 §3.4 (rape myths used to blame children)';
export const SEED_000_KEY_THEME =
  'Seed 000 key theme 2 (a service that works with children who engage and disengage)';
export const SEED_001 = 'Seed 001 §2.4';
export const SEED_003 = 'Seed 003 §7.1';
export const SEED_004 = 'Seed 004, How to respond: working with young people';
export const SEED_004_RISK =
  'Seed 004, What does the particular nature of exploitation mean for practice? ("risky" behaviour is not freely made choice)';

export const TCS_2022 = "The Children's Society, Appropriate Language: Child Exploitation (2022)";
export const LANGUAGE_MATTERS = '"Language Matters" guidance (language survey §5.2)';
export const SURVEY_LOCAL_GUIDANCE =
  'local practitioner guidance listed in the language survey §5.2 ("streetwise")';
export const ECPAT = 'ECPAT Terminology Guidelines (2016; 2nd edition 2025)';
export const NSPCC_2023 = 'NSPCC Learning, Why language matters: risky behaviour (2023)';
export const DURHAM_SCP = 'Durham Safeguarding Children Partnership language guidance';
export const CARDIFF_CSW = 'Cardiff University Complex Safeguarding Wales language guidance';
export const SERIOUS_CRIME_ACT =
  'Serious Crime Act 2015, amending the Sexual Offences Act 2003 (seed 003 §7.1)';

export function cite(...sources: string[]): string {
  return sources.join('; ');
}
