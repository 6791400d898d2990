/**
 * The base lexicon: versioned data, one file of rules per family under ./rules. Bump `version` on
 * any change to a rule or a word set — findings record the version they were made with, so a note
 * checked last year can be explained by last year's rules.
 */
import type { Lexicon } from './lexicon.schema.ts';
import { abolishedTermRules } from './rules/abolished-terms.ts';
import { adultifyingRules } from './rules/adultifying.ts';
import { consentRelationshipRules } from './rules/consent-relationships.ts';
import { criminalisingRules } from './rules/criminalising.ts';
import { engagementRules } from './rules/engagement.ts';
import { exchangeRules } from './rules/exchange.ts';
import { labellingRules } from './rules/labelling.ts';
import { responsibilityRules } from './rules/responsibility.ts';

export const LEXICON_VERSION = '1.0.0';

/** Inflections and word families, written out rather than stemmed so every form is visible. */
const sets: Lexicon['sets'] = {
  reflexive: ['herself', 'himself', 'themselves', 'themself', 'oneself'],
  poss: ['her', 'his', 'their'],
  put: ['put', 'puts', 'putting', 'placed', 'places', 'placing', 'place'],
  choose: ['choose', 'chooses', 'chose', 'choosing', 'chosen'],
  lead: ['lead', 'leads', 'leading', 'led'],
  live: ['live', 'lives', 'living', 'lived'],
  bring: ['bring', 'brings', 'bringing', 'brought'],
  keep: ['keep', 'keeps', 'kept', 'keeping'],
  go: ['go', 'goes', 'going', 'went', 'gone'],
  return: ['return', 'returns', 'returned', 'returning'],
  take: ['take', 'takes', 'taking', 'took', 'taken'],
  protect: ['protect', 'protects', 'protected', 'protecting'],
  reduce: ['reduce', 'reduces', 'reduced', 'reducing', 'lower', 'lowering', 'minimise', 'minimising'],
  contact: ['contact', 'contacts', 'contacted', 'contacting'],
  message: ['message', 'messages', 'messaged', 'messaging', 'text', 'texts', 'texted', 'texting'],
  send: ['send', 'sends', 'sending', 'sent'],
  sell: ['sell', 'sells', 'selling', 'sold'],
  exchange: ['exchange', 'exchanges', 'exchanged', 'exchanging'],
  trade: ['trade', 'trades', 'traded', 'trading'],
  swap: ['swap', 'swaps', 'swapped', 'swapping'],
  hang: ['hang', 'hangs', 'hanging', 'hung'],
  associate: ['associate', 'associates', 'associated', 'associating'],
  spend: ['spend', 'spends', 'spending', 'spent'],
  look: ['look', 'looks', 'looked', 'looking'],
  act: ['act', 'acts', 'acted', 'acting', 'behaves', 'behaving'],
  seem: ['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared'],
  present: ['present', 'presents', 'presented', 'presenting'],
  dress: ['dress', 'dresses', 'dressed', 'dressing'],
  label: [
    'labelled',
    'labeled',
    'seen',
    'treated',
    'regarded',
    'viewed',
    'described',
    'considered',
    'classed',
    'called',
    'recorded',
    'identified',
  ],
  engage: ['engage', 'engages', 'engaged', 'engaging', 'engagement'],
  neg: [
    'not',
    'never',
    "didn't",
    "doesn't",
    "don't",
    "isn't",
    "wasn't",
    "won't",
    "hasn't",
    "haven't",
    "hadn't",
    "wouldn't",
    "couldn't",
    "can't",
    'cannot',
    "aren't",
    "weren't",
  ],
  'family-possessive': [
    "mum's",
    "mother's",
    "mom's",
    "dad's",
    "father's",
    "carer's",
    "aunt's",
    "uncle's",
    "nan's",
    "gran's",
    "grandmother's",
    "grandfather's",
    "sister's",
    "brother's",
    "cousin's",
    "stepmother's",
    "stepfather's",
    "stepmum's",
    "stepdad's",
  ],
};

export const baseLexicon: Lexicon = deepFreeze({
  version: LEXICON_VERSION,
  sets,
  rules: [
    ...responsibilityRules,
    ...consentRelationshipRules,
    ...exchangeRules,
    ...criminalisingRules,
    ...engagementRules,
    ...abolishedTermRules,
    ...adultifyingRules,
    ...labellingRules,
  ],
});

/** Compiled lexicons are cached by identity, so a lexicon must not change after it is first used. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
