/**
 * Labels for the child instead of what happened: "attention seeking", "manipulative", "out of
 * control". They describe a child's character, so readers stop asking what the child is responding
 * to. Several are also used, correctly, of adults who exploit; those uses are exempt.
 */
import type { Rule } from '../lexicon.schema.ts';
import { cite, LANGUAGE_MATTERS, SEED_000_MYTHS, SEED_001 } from './sources.ts';

const ADULT_NOUNS =
  'adult|adults|man|men|male|males|perpetrator|perpetrators|person|people|individual|individuals|abuser|abusers|exploiter|exploiters|groomer|groomers|offender|offenders';

export const labellingRules: Rule[] = [
  {
    id: 'attention-seeking',
    family: 'labelling',
    severity: 'medium',
    patterns: ['attention seeking|seeker|seekers|seeks', 'seeking|seeks|seek|sought attention'],
    message:
      '"Attention seeking" dismisses what a child is telling us. A child looking for attention is a child who needs it: ask what she is trying to tell us.',
    suggestions: ['is asking for help in the way she can', 'is showing us she is distressed by [what]'],
    source: cite(LANGUAGE_MATTERS),
    negation: 'adjacent',
    examples: {
      flagged: [
        'Her self-harm is attention seeking.',
        'Staff see him as an attention seeker.',
        'She is just seeking attention from staff.',
      ],
      clean: [
        'She needs attention and care from adults she can trust.',
        'Paying attention to what she says about the flat is important.',
      ],
    },
  },
  {
    id: 'manipulative',
    family: 'labelling',
    severity: 'medium',
    patterns: ['manipulative'],
    message:
      'Calling a child "manipulative" treats survival strategies as bad character. Children who are exploited learn to say what keeps them safe from the people controlling them.',
    suggestions: [
      'has told different adults different things; she may be frightened of [who]',
      'is trying to keep herself safe from [who] in the only way she can',
    ],
    source: cite(LANGUAGE_MATTERS),
    negation: 'adjacent',
    context: {
      exceptBefore: { phrases: [ADULT_NOUNS], window: 4 },
      exceptAfter: {
        phrases: [`${ADULT_NOUNS}|tactics|behaviour|relationship|messages|grooming`],
        window: 1,
      },
    },
    note: 'Used of the adults who exploit ("the men were manipulative", "manipulative tactics") it is accurate and is not flagged.',
    examples: {
      flagged: ['She can be manipulative with staff.', 'Jay is very manipulative and lies to his mum.'],
      clean: [
        'The men used manipulative tactics to isolate her.',
        'Her abuser is controlling and manipulative.',
      ],
    },
  },
  {
    id: 'behaviour-labels',
    family: 'labelling',
    severity: 'medium',
    patterns: [
      'out of control',
      'badly behaved',
      'troublemaker|troublemakers',
      'trouble maker|makers',
      'delinquent|delinquents|delinquency',
      'feral',
      'wild child',
      'liar|liars',
      'crying wolf',
    ],
    message:
      'Labels like "out of control", "troublemaker" or "liar" describe the child\'s character and stop readers asking what is happening to her. Describe the behaviour, and what may be causing it.',
    suggestions: [
      'has been [what she did]; this may be a response to the abuse by [who]',
      'has given different accounts; she may be frightened of [who]',
    ],
    source: cite(
      `${SEED_001} ("badly behaved", "wild", "out of control")`,
      `${SEED_000_MYTHS} ("she lies about rape and abuse")`,
    ),
    negation: 'adjacent',
    context: {
      exceptBefore: {
        phrases: ['situation|things|it|fire|party|car|vehicle|dog|dogs|crowd|scene|traffic'],
        window: 5,
      },
    },
    examples: {
      flagged: [
        'Mum says he is out of control.',
        'She is a troublemaker at school.',
        'He is described as delinquent and feral.',
        'She is a known liar.',
      ],
      clean: [
        'The situation at the flat was out of control when police arrived.',
        'Mum feels she has lost control since the men became involved.',
      ],
    },
  },
];
