/**
 * Criminalising and dehumanising words: a child who is criminally exploited is a victim first.
 * "Drug runner", "gang member", "mule" and "absconded" describe the child in the terms of the
 * offence or of the criminal justice system, and travel into police and court records.
 */
import type { Rule } from '../lexicon.schema.ts';
import { CARDIFF_CSW, cite, SEED_000, SEED_001, TCS_2022 } from './sources.ts';

// An adult named in the same breath is the subject: "an adult gang member gave him a phone".
const ADULT_SUBJECTS = 'adult|adults|older|man|men|olders|elders|males|male|who';

export const criminalisingRules: Rule[] = [
  {
    id: 'drug-runner',
    family: 'criminalising',
    severity: 'high',
    patterns: [
      'drug|drugs|county|line|lines ...1 runner|runners|running',
      'county lines running',
      'running|runs|ran|run lines|drugs',
      'runner|runners for',
    ],
    message:
      '"Drug runner" or "running lines" describes a criminally exploited child as an offender. Say that adults are exploiting the child to move drugs.',
    suggestions: [
      'is being criminally exploited by [who] to carry drugs',
      'has been groomed by [who] and forced to transport drugs to [place]',
      'is a victim of county lines exploitation',
    ],
    source: cite(TCS_2022, CARDIFF_CSW),
    negation: 'adjacent',
    context: { exceptBefore: { phrases: [ADULT_SUBJECTS], window: 1 } },
    examples: {
      flagged: [
        'Marcus is a known drug runner for the Fernbridge line.',
        'He has been running drugs between Fernbridge and the coast.',
        'Police describe him as a county lines runner.',
      ],
      clean: [
        'He is not a drug runner; he is a child being criminally exploited.',
        'She was the frontrunner for the youth council seat.',
        'The adults running lines from the flat have been arrested.',
      ],
    },
  },
  {
    id: 'gang-member',
    family: 'criminalising',
    severity: 'medium',
    patterns: [
      'gang member|members|affiliated|affiliate|affiliates|associate|associates|nominal|nominals|involved',
      'member|members of ...1 gang',
      'part of ...1 gang',
    ],
    message:
      '"Gang member" labels a child who is being exploited, or an ordinary group of friends, as an offender. Describe who is exploiting the child.',
    suggestions: [
      'is being criminally exploited by [group]',
      'has been groomed and controlled by older members of [group]',
      'spends time with a peer group that [who] is exploiting',
    ],
    source: cite(`${SEED_001} ("gang member" for ordinary peer groups)`, TCS_2022),
    negation: 'adjacent',
    context: {
      exceptBefore: { phrases: [ADULT_SUBJECTS], window: 2 },
      exceptAfter: { phrases: ['who'], window: 0 },
    },
    examples: {
      flagged: [
        'Jay is a gang member and carries a knife.',
        'She is gang affiliated according to police.',
        'He is a member of a gang from Fernbridge.',
      ],
      clean: [
        'An adult gang member was seen giving him a phone.',
        'He is being exploited by a gang.',
        "The gang's leaders are adults aged 19 to 30.",
      ],
    },
  },
  {
    id: 'child-perpetrator',
    family: 'criminalising',
    severity: 'high',
    patterns: [
      'child|juvenile|young perpetrator|perpetrators|offender|offenders',
      '@label as a|an? perpetrator|offender|criminal|suspect',
    ],
    message:
      'Calling an exploited child a "perpetrator" or "offender" treats the child as the problem. Where a child has also harmed others, record both: that they are a victim of exploitation and what happened.',
    suggestions: [
      'a child who is being criminally exploited by [who]',
      'a child who has been harmed and has also [what happened], under pressure from [who]',
    ],
    source: cite(TCS_2022, `${SEED_000} row 24`),
    negation: 'adjacent',
    context: {
      exceptAfter: {
        phrases: ['rather than', 'instead of', 'and not as? a victim', 'institution*|service|team|panel'],
        window: 2,
      },
    },
    note: '"Young Offender Institution" is a place and is not flagged; "treated as an offender rather than a victim" reports, and criticises, how a child was treated.',
    examples: {
      flagged: [
        'Kai is a child perpetrator and should be managed as such.',
        'He is known to police as a young offender.',
        'She was recorded as a suspect after the car was stopped.',
      ],
      clean: [
        'He was treated as an offender rather than a victim.',
        "He was moved to the Young Offender Institution's resettlement unit.",
        'The adult perpetrators have been charged.',
      ],
    },
  },
  {
    id: 'dehumanising-terms',
    family: 'criminalising',
    severity: 'high',
    patterns: ['money|drug|drugs mule|mules', 'muling', 'sex slave|slaves'],
    message:
      '"Mule" and "sex slave" dehumanise the child and hide the adult who is forcing them. Describe what is being done to the child.',
    suggestions: [
      'is being financially exploited: [who] is using his bank account',
      'is being sexually exploited and controlled by [who]',
      'is being forced by [who] to carry drugs',
    ],
    source: cite(TCS_2022, SEED_001),
    negation: 'adjacent',
    examples: {
      flagged: [
        'He is being used as a money mule.',
        'He has been muling for older boys since the summer.',
        'Officers referred to the girls as sex slaves.',
      ],
      clean: [
        'He is being financially exploited: adults are using his bank account.',
        'This is a modern slavery case and a referral to the National Referral Mechanism was made.',
      ],
    },
  },
  {
    id: 'plugging',
    family: 'criminalising',
    severity: 'high',
    patterns: ['plugging|plugged'],
    message:
      '"Plugging" is street slang that hides a serious assault: a child forced or coerced to carry drugs inside their body.',
    suggestions: ['has been forced or coerced to carry drugs internally by [who]'],
    source: cite(TCS_2022),
    negation: 'adjacent',
    context: { exceptAfter: { phrases: ['in|into|the|gap|gaps|it|them|away'], window: 0 } },
    note: 'Everyday senses ("plugged in", "plugging the gap") are not flagged.',
    examples: {
      flagged: [
        'She was plugging drugs for the line.',
        'He said he had been plugged before the train journey.',
      ],
      clean: [
        'His phone was plugged in to charge.',
        'Extra youth work sessions are plugging the gap over summer.',
      ],
    },
  },
  {
    id: 'absconded',
    family: 'criminalising',
    severity: 'medium',
    patterns: ['abscond|absconds|absconded|absconding|absconder|absconders|abscondment'],
    message:
      '"Absconded" is the language of escaping custody. A child who leaves a placement has gone missing, and may have been taken or drawn away.',
    suggestions: [
      'went missing from [placement] at [time]',
      'left before staff could confirm she was safe',
      'was collected by [who] and has not returned',
    ],
    source: cite(CARDIFF_CSW),
    negation: 'adjacent',
    examples: {
      flagged: ['She absconded from the unit at 22:00.', 'He is a serial absconder.'],
      clean: [
        'She left the unit at 22:00 before staff could check she was safe.',
        'She went missing from her placement on Friday evening.',
      ],
    },
  },
];
