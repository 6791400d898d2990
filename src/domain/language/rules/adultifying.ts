/**
 * Adultifying and sexualising words treat a child as older, more knowing or more responsible than
 * a child is, so that harm to them is not seen as harm. Guidance notes this falls hardest on Black
 * boys and on sexually exploited girls.
 */
import type { Rule } from '../lexicon.schema.ts';
import { cite, SEED_000, SEED_000_MYTHS, SEED_001, SURVEY_LOCAL_GUIDANCE, TCS_2022 } from './sources.ts';

export const adultifyingRules: Rule[] = [
  {
    id: 'streetwise',
    family: 'adultifying',
    severity: 'medium',
    patterns: ['streetwise|streetsmart', 'street wise|smart|savvy|sussed'],
    message:
      '"Streetwise" suggests the child can look after herself and so needs less protection. Children described as "streetwise" are often the ones adults are exploiting.',
    suggestions: [
      'is a child of [age] who has been exposed to [what] by [who]',
      'has learned to cope with [what] because adults have exploited her',
    ],
    source: cite(`${TCS_2022} (adultification)`, SURVEY_LOCAL_GUIDANCE),
    negation: 'adjacent',
    examples: {
      flagged: ['She is very streetwise and can look after herself.', 'He is street-smart for his age.'],
      clean: [
        'She is not streetwise — she is a 13-year-old child being targeted by adults.',
        'He walked down the street with his mum after school.',
      ],
    },
  },
  {
    id: 'mature-for-age',
    family: 'adultifying',
    severity: 'medium',
    patterns: [
      'mature|older|grown|grownup|adult ...2 for @poss age|years',
      'beyond @poss years',
      '@look|@act|@seem|@present|@dress ...2 older than',
      'old for @poss age',
      'mature young woman|man|lady|women|men',
    ],
    message:
      '"Mature for her age" or "looks older" is how adults justify treating a child as an adult. However she presents, she is a child and is owed a child\'s protection.',
    suggestions: [
      'is [age]; adults around her treat her as older, which is a concern',
      'is a child of [age]',
    ],
    source: cite(`${TCS_2022} (adultification)`),
    negation: 'adjacent',
    examples: {
      flagged: [
        'She is very mature for her age.',
        'He looks older than he is and is often served alcohol.',
        'She presents as older than 14.',
        'She seems mature beyond her years.',
      ],
      clean: [
        'Adults may treat her as older than she is; she is 14 and a child.',
        'Her mature approach to the meeting was noted.',
        'Her sister is older than her.',
      ],
    },
  },
  {
    id: 'promiscuous',
    family: 'adultifying',
    severity: 'high',
    patterns: [
      'promiscuous|promiscuity|promiscuously',
      'sleeps|sleeping|slept|sleep around',
      'slag|slags|slut|sluts|slapper|slappers|whore|whores',
    ],
    message:
      '"Promiscuous" and similar words describe a sexually exploited child as sexually available and blame her for the abuse. Describe what adults have done.',
    suggestions: [
      'is being sexually exploited by [who]',
      'has been sexually abused by several adults, including [who]',
      'has described sexual contact with [who]; there are concerns she is being exploited',
    ],
    source: cite(`${SEED_000} rows 4–5`, SEED_001),
    negation: 'adjacent',
    examples: {
      flagged: [
        'She is known to be promiscuous.',
        'Concerns about her promiscuity were noted in 2016.',
        'Staff say she sleeps around.',
      ],
      clean: [
        'She is not promiscuous; adults are targeting her.',
        'The man called her a “slag” in messages to her friends.',
        'Adults have been sexually exploiting her.',
      ],
    },
  },
  {
    id: 'sexualised-dress',
    family: 'adultifying',
    severity: 'high',
    patterns: [
      'sexualised|sexualized|provocative|provocatively|revealing|skimpy ...1 dress|dressed|clothes|clothing|outfit|outfits|top|tops|dressing|attire',
      '@dress ...1 provocatively|older|sexily|sexually|revealingly',
    ],
    message:
      'What a child wears is never the reason she is abused. Recording "provocative clothing" repeats a rape myth and moves attention from the abuser to the child.',
    suggestions: [
      'was wearing clothes bought for her by [who]',
      '[who] has been buying her clothes and make-up (a grooming concern)',
    ],
    source: cite(`${SEED_000} row 22`, SEED_000_MYTHS),
    negation: 'adjacent',
    note: '"Sexualised behaviour" in a young child is a clinical indicator of possible abuse and is deliberately not flagged.',
    examples: {
      flagged: [
        'She was wearing provocative clothing when found.',
        'She dresses older and wears heavy make-up.',
        'The referral notes her sexualised dress.',
      ],
      clean: [
        'She was found without a coat in the cold.',
        'Her sexualised behaviour at age 6 was reported to the GP as a possible sign of abuse.',
        'She said she felt “dressed up like an adult” by the men.',
      ],
    },
  },
  {
    id: 'sexually-active',
    family: 'adultifying',
    severity: 'medium',
    patterns: ['sexually active|experienced'],
    message:
      '"Sexually active" describes a choice. Where exploitation is a concern, or the child is under 13, say what happened and who did it: under 13 it is rape in law.',
    suggestions: [
      'has described sexual activity with [who]; there are concerns she has been groomed',
      'was raped by [who] (she is under 13)',
      'has been sexually abused by [who]',
    ],
    source: cite(`${SEED_001} ("12-year-old … sexually active")`),
    negation: 'clause',
    examples: {
      flagged: ['She has been sexually active since she was 12.', 'He is sexually experienced.'],
      clean: [
        'She has described sexual activity with an adult; there are concerns she has been groomed.',
        'She is not sexually active, she told the nurse.',
      ],
    },
  },
];
