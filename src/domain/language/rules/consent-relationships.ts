/**
 * Consent, and "relationships" with people who exploit. These words are ordinary between two
 * children of the same age; they become a euphemism for abuse when the other person is an adult,
 * much older, or exploiting the child. Several rules here read the age of the other person (see
 * age.ts) rather than flag the word itself.
 */
import type { Rule } from '../lexicon.schema.ts';
import { cite, LANGUAGE_MATTERS, SEED_000, SEED_001, SEED_003 } from './sources.ts';

const FAMILY_AND_PROFESSIONALS =
  'mum|mother|mom|dad|father|parent|parents|carer|carers|foster|family|brother|sister|sibling|siblings|gran|nan|grandparents|grandmother|grandfather|aunt|uncle|cousin|worker|social|teacher|teachers|staff|school|peers|friends|friend|keyworker|professionals|services|team|therapist|counsellor|mentor|coach|own';

export const consentRelationshipRules: Rule[] = [
  {
    id: 'consent',
    family: 'consent-relationships',
    severity: 'high',
    patterns: [
      'consented|consenting|consensual|consensually|consents',
      'gave|give|gives|giving ...1 consent',
      'agreed|agrees|agreeing|willing to ...2 sex|sexual|intercourse',
      'willing participant|participants|partner',
      'went|goes|got|gets|go willingly',
      'willingly ...1 got|went|had|sent|performed|took|gave',
    ],
    message:
      'A child cannot consent to their own abuse. "Consensual" and "she agreed" describe exploitation as a choice; record what happened and any pressure, grooming or control behind it.',
    suggestions: [
      'was sexually abused by [who]',
      'has described sexual activity with [who]; there are concerns she was groomed and coerced',
      'was raped (under 13, or where she could not consent)',
    ],
    source: cite(`${SEED_000} row 4`, `${SEED_001} ("consented")`, `${SEED_003} (consent framing)`),
    negation: 'clause',
    context: {
      exceptAfter: {
        phrases: [
          'share|sharing|referral|referrals|information|assessment|assessments|treatment|medical|examination|support|service|services|interview|plan|meeting|photographs|photos|intervention|therapy|counselling|test|tests|testing|visit|speak|talk',
        ],
        window: 4,
      },
      // "capacity to give consent", "unable to consent": about the law, not about what happened.
      exceptBefore: {
        phrases: [
          'capacity|ability|able|unable|competent|competence|legally',
          'capacity|ability|able|unable|competent to',
        ],
        window: 0,
      },
    },
    note: 'Consent to services ("consented to the referral", "gave consent to share information") is professional language and is not flagged; "non-consensual" and "did not consent" are negations and are not flagged.',
    examples: {
      flagged: [
        'The sexual activity appeared to be consensual.',
        'She said she consented.',
        'He was a willing participant.',
        'She agreed to have sex with them at the party.',
      ],
      clean: [
        'She did not consent to any of it.',
        'Jade consented to the referral being made.',
        'It was not consensual.',
        'He said “it was consensual”.',
        'Non-consensual image sharing was reported to police.',
        'It is abuse even if the sexual activity appears consensual.',
        'Under 16 she does not have the capacity to give consent in law.',
      ],
    },
  },
  {
    id: 'boyfriend-girlfriend',
    family: 'consent-relationships',
    severity: 'high',
    patterns: ['boyfriend|boyfriends|girlfriend|girlfriends'],
    message:
      'Calling an adult, or someone much older, her "boyfriend" describes abuse as a relationship she chose. Name the age gap and what the person is doing.',
    suggestions: [
      'an adult who is sexually exploiting her',
      'a person of concern, [name], aged [age]',
      '[name], [age], who is [n] years older than her and is [what he is doing]',
      "she describes him as her 'boyfriend' (quote her own words)",
    ],
    source: cite(
      `${SEED_000} row 17`,
      `${SEED_001} (a 35-year-old as a 14-year-old's "boyfriend")`,
      SEED_003,
      LANGUAGE_MATTERS,
    ),
    negation: 'adjacent',
    context: {
      exceptBefore: { phrases: ['@family-possessive'], window: 1 },
      age: {
        unknown: 'flag',
        severity: 'low',
        message:
          "State the other person's age. If they are an adult or much older than the child, this is not a relationship: say so, and name the power imbalance.",
      },
    },
    note: 'Peers of a similar age ("her boyfriend, who is also 15") are not flagged; an age gap of 3 years or more between two children is. A parent\'s partner ("her mum\'s boyfriend") is not the child\'s relationship and is not flagged.',
    examples: {
      flagged: [
        'She has been staying with her boyfriend, who is 24.',
        'Her older boyfriend picks her up from school most days.',
        'Ella (13) says her 17-year-old boyfriend buys her vapes.',
        'Her boyfriend is a man in his twenties.',
        'She has a new boyfriend.',
      ],
      clean: [
        'Her boyfriend, who is also 15, walked her home.',
        "Her mum's boyfriend, aged 35, attended the meeting.",
        'She describes him as her “boyfriend”.',
        'He is not her boyfriend; he is a 26-year-old man who is exploiting her.',
      ],
    },
  },
  {
    id: 'relationship-with-adult',
    family: 'consent-relationships',
    severity: 'high',
    patterns: [
      'in a relationship',
      'relationship|relationships with',
      'dating',
      '@poss partner',
      'is|been|was|started|keeps seeing a|an ...1 older|adult|man|woman|guy',
    ],
    message:
      'A child is not "in a relationship" with an adult or someone much older: it is abuse of power. Say who the person is, their age, and what they are doing.',
    suggestions: [
      'is being sexually exploited by [name], aged [age]',
      'is being groomed by an adult, [name], [age]',
      '[name], [age], has been having sexual contact with her; she is [age]',
    ],
    source: cite(`${SEED_000} rows 17 and 33`, LANGUAGE_MATTERS),
    negation: 'adjacent',
    context: {
      // "Mum said her partner, 40, will attend": the partner is the parent's.
      exceptBefore: { phrases: ["mum|mother|mum's|mother's|carer|dad|father|dad's|father's"], window: 4 },
      exceptAfter: {
        phrases: [
          `${FAMILY_AND_PROFESSIONALS}|app|apps|site|sites|website|profile`,
          // Naming the imbalance is the recommended form: "a relationship with a large power imbalance".
          'power imbalance',
        ],
        window: 3,
      },
      age: { unknown: 'ignore' },
    },
    note: '"Relationship" is everyday professional language (with a parent, a worker, a peer), so it is only flagged when the sentence shows the other person is an adult, older, exploiting, or much older than the child.',
    examples: {
      flagged: [
        'She is in a relationship with a 24-year-old man.',
        'She has been dating an older man she met online.',
        'He says he is in a relationship with a woman in her thirties.',
        'She says her partner is 27 and lives in Fernbridge.',
      ],
      clean: [
        'She has a good relationship with her foster carer, who is 45.',
        'She is in a relationship with a boy in her year.',
        'The man used a dating app to contact her.',
        'Mum said her partner, 40, will come to the meeting.',
        'The work looks at her relationships with her own children in future.',
      ],
    },
  },
  {
    id: 'sexual-activity-with-adult',
    family: 'consent-relationships',
    severity: 'high',
    patterns: [
      'had|has|have|having ...1 sex|intercourse with',
      'sexual activity|relationship|relationships|intercourse|contact with',
      'slept|sleeping|sleeps|sleep with',
    ],
    message:
      'Sexual contact between an adult (or someone much older) and a child is abuse. "Had sex with" describes it as something she took part in; name it as abuse or rape.',
    suggestions: [
      'was sexually abused by [name], aged [age]',
      'was raped by [name] (she is under 13, or could not consent)',
      'has described sexual activity with [name], an adult; there are concerns she has been groomed and coerced',
    ],
    source: cite(SEED_001, `${SEED_003} ("taking part in sexual activity")`),
    negation: 'clause',
    context: {
      // Reporting the child's account is the recommended form: "has described sexual activity with …".
      exceptBefore: {
        phrases: ['described|describes|reported|reports|disclosed|discloses|told|tells|says|said'],
        window: 0,
      },
      age: { unknown: 'ignore' },
    },
    examples: {
      flagged: [
        'She had sex with a 25-year-old man at the flat.',
        'He has been sleeping with an older woman who gives him money.',
        'Police believe she had sexual intercourse with two adults.',
      ],
      clean: [
        'She had sex with her boyfriend, who is also 16.',
        'She has been sexually abused by a 25-year-old man.',
        'She says she sleeps with her phone under her pillow.',
      ],
    },
  },
  {
    id: 'associating-with-adults',
    family: 'consent-relationships',
    severity: 'medium',
    patterns: [
      '@hang ...1 around|about|out with ...2 older|adult|adults|men|males|elders|olders|man',
      '@associate ...1 with ...2 older|adult|adults|men|males|elders|olders|known',
      '@go off|out|away with ...2 older|adult|adults|men|males|elders|olders|man',
      '@spend ...1 time with ...2 older|adult|adults|men|males|elders|olders',
    ],
    message:
      '"Hanging around with" or "associating with" older men makes the child the one seeking the company. Adults who seek out a child are the concern: say who they are and what they are doing.',
    suggestions: [
      'older men are targeting [name] at [place]',
      '[who], adults, are seeking [name] out and [giving her lifts / alcohol / money]',
      'is being groomed by a group of adults at [place]',
    ],
    source: cite(LANGUAGE_MATTERS),
    negation: 'clause',
    context: {
      exceptAfter: {
        phrases: ['sister|brother|cousin|cousins|siblings|sibling|nan|gran|family|relatives|uncle|aunt'],
        window: 1,
      },
    },
    examples: {
      flagged: [
        'She has been hanging around with older men in the park.',
        'He is associating with known drug dealers.',
        'She spends time with adult males at the takeaway.',
        'She goes off with older men at weekends.',
      ],
      clean: [
        'Older men have been targeting her at the park.',
        'She spends time with her older sister at weekends.',
        'Adults at the takeaway have been giving her free food.',
      ],
    },
  },
  {
    id: 'minimising-relationship',
    family: 'consent-relationships',
    severity: 'medium',
    patterns: [
      'young|puppy love',
      'inappropriate relationship|relationships',
      'age inappropriate relationship|relationships',
      'sugar daddy|daddies',
    ],
    message:
      '"Young love", "an inappropriate relationship" or "sugar daddy" turn abuse with a power imbalance into a romance or a breach of manners. Name the age gap and what the other person is doing.',
    suggestions: [
      'a relationship with a large power imbalance: [name] is [age], she is [age]',
      'is being sexually exploited by [name], aged [age]',
      'an adult who gives her money and gifts in order to abuse her',
    ],
    source: cite(`${SEED_000} rows 18 and 33`),
    negation: 'adjacent',
    examples: {
      flagged: [
        'Mum sees it as young love and does not want police involved.',
        'The referral was screened as an inappropriate relationship rather than CSE.',
        'Her friends call the man her sugar daddy.',
      ],
      clean: [
        'Mum described it as “young love”.',
        'The relationship between the two 14-year-olds appears healthy.',
        'The man is 31 and she is 14: this is sexual exploitation.',
      ],
    },
  },
];
