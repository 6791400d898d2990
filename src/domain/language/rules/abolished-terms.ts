/**
 * Terms abolished in law. "Child prostitution" and "child pornography" were removed from the
 * Sexual Offences Act 2003 by the Serious Crime Act 2015 because they imply choice. They are flagged
 * even in a negated sentence ("no evidence she is a child prostitute"), because the term itself is
 * wrong; only a direct correction ("she is not a child prostitute, she is a victim") is exempt.
 */
import type { Rule } from '../lexicon.schema.ts';
import {
  cite,
  ECPAT,
  LANGUAGE_MATTERS,
  SEED_000,
  SEED_000_INTRO,
  SEED_001,
  SERIOUS_CRIME_ACT,
} from './sources.ts';

export const abolishedTermRules: Rule[] = [
  {
    id: 'child-prostitution',
    family: 'abolished-terms',
    severity: 'high',
    patterns: [
      'child|children|childhood|teenage|teen|underage|juvenile|young|schoolgirl|schoolboy ...1 prostitut*',
      'under age prostitut*',
      'child|children|teenage|teen|underage|juvenile sex work|worker|workers',
      'under age sex work|worker|workers',
      'prostitution of children|minors|child',
      'prostitution of a child',
    ],
    message:
      'There is no such thing as a child prostitute. The term was removed from law because it implies choice; a child in this situation is being sexually exploited and abused.',
    suggestions: [
      'a child who is being sexually exploited',
      'child sexual exploitation / child sexual abuse',
      'was raped / sexually abused by [who]',
    ],
    source: cite(SEED_000_INTRO, `${SEED_000} row 1`, SERIOUS_CRIME_ACT, SEED_001),
    negation: 'adjacent',
    examples: {
      flagged: [
        'She was described in 2015 as a child prostitute.',
        'Police records refer to him as an underage sex worker.',
        'There is no evidence she is a child prostitute.',
        'The 1990s file uses the phrase teenage prostitution throughout.',
      ],
      clean: [
        'She is not a child prostitute, she is a victim of child sexual exploitation.',
        'There is no such thing as a child prostitute.',
        'She is a child who is being sexually exploited.',
      ],
    },
  },
  {
    id: 'child-pornography',
    family: 'abolished-terms',
    severity: 'high',
    patterns: [
      'child|children|kiddie|underage|teen|juvenile ...1 porn|pornography|pornographic|porno',
      'self generated porn|pornography',
    ],
    message:
      '"Child pornography" is no longer used in law or guidance: the images record the sexual abuse of a child, and "pornography" implies consent.',
    suggestions: [
      'child sexual abuse material (CSAM)',
      'indecent images of children (the offence)',
      'images of [name] being sexually abused',
    ],
    source: cite(SEED_000_INTRO, `${SEED_000} row 2`, ECPAT, LANGUAGE_MATTERS),
    negation: 'adjacent',
    examples: {
      flagged: [
        'His phone contained child pornography.',
        'Officers found child porn on the laptop.',
        'The website described the images as teen porn.',
      ],
      clean: [
        'Officers found child sexual abuse material on the laptop.',
        'Indecent images of children were found on his phone.',
        'He was shown adult pornography by the man.',
      ],
    },
  },
];
