/** Citations shared by the shipped configuration files. */
export const SEED_004_MACE = 'Seed 004, "Multi Agency Child Exploitation risk assessment and meeting"';
export const SEED_004_OVERSIGHT =
  'Seed 004, "Multi agency management oversight through the MACE meeting and MACE risk assessment"';
export const SEED_004_SIGNIFICANT_HARM = 'Seed 004, "Children at risk of or experiencing significant harm"';
export const SEED_004_RESPOND = 'Seed 004, "How to respond: working with young people"';
export const SEED_004_SECTION_B =
  'Seed 004, Section B (statutory functions of the local authority and partners)';
export const SEED_004_RAF = 'Seed 004, "Risk Analysis Framework"';
export const SEED_003_REC16 = 'Seed 003 Rec 16 and §4.44–4.45 (research note seed003-requirements §3.5)';
export const SEED_003_REC23 = 'Seed 003 Rec 23 and §4.53–4.55 (research note seed003-requirements §3.4)';
export const WORKING_TOGETHER =
  'Working Together to Safeguard Children 2018 (named by seed 004 for strategy meetings): a strategy ' +
  "discussion involves local authority children's social care, the police, health and other bodies such as " +
  'the referring agency';
export const LANTERN_DEFAULT =
  'Lantern default, not from the seeds: local arrangements and timescales vary and must be configurable ' +
  '(research note seed003-requirements §10)';
