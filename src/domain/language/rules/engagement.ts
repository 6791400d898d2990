/**
 * "Engagement" words put the failure on the child. Negation does not exempt "disengaged" or
 * "non-compliant" words, because "not engaging" is itself the blaming phrase; only a direct denial of
 * a label ("he was never hard to engage") is exempt. Nothing is flagged when the service is the
 * subject ("services have not yet found a way to engage her", "we have not engaged him well").
 */
import type { Rule } from '../lexicon.schema.ts';
import { cite, LANGUAGE_MATTERS, SEED_000, SEED_000_KEY_THEME } from './sources.ts';

const SERVICE_SUBJECTS =
  'services|service|we|professionals|agencies|staff|worker|workers|team|i|police|school|camhs|panel|officers|practitioners';
const CHILD_OBJECTS = [
  'her|him|them|families',
  'the child|family',
  'the young person',
  'young people',
  'children',
];
// The adult, not the child, is the subject: "the man was non-compliant with his bail conditions".
const ADULT_SUBJECTS =
  'man|men|adult|adults|perpetrator|perpetrators|suspect|suspects|offender|offenders|landlord|hotel';

export const engagementRules: Rule[] = [
  {
    id: 'hard-to-engage',
    family: 'engagement',
    severity: 'medium',
    patterns: [
      'hard|difficult|impossible|slow to engage|reach|engagement|help',
      'hard|difficult|impossible to work with',
      'resistant|resistance to ...1 support|intervention|interventions|services|help|engagement|change|professionals',
    ],
    message:
      '"Hard to engage" puts the failure on the child. Children who are being exploited are often controlled, frightened or let down before: it is the service\'s job to find a way in.',
    suggestions: [
      'services have not yet found a way to engage [name]',
      'was not ready to talk at that time',
      'may be frightened of what [who] will do if she talks to us',
    ],
    source: cite(`${SEED_000} row 12`, LANGUAGE_MATTERS),
    negation: 'adjacent',
    examples: {
      flagged: [
        'Jaimie is hard to engage.',
        'He is a hard-to-reach young person.',
        'She has been resistant to support from all agencies.',
      ],
      clean: [
        'Services have not yet found a way to engage her.',
        'It was hard to work out where she had been.',
        'She was hard to find on Friday night.',
      ],
    },
  },
  {
    id: 'disengaged',
    family: 'engagement',
    severity: 'medium',
    patterns: [
      'disengaged|disengaging|disengagement|disengages|disengage',
      'non engagement|engaging|engager|engagers|engaged',
      '@neg ...1 @engage',
      '@neg want|wanting|wish|willing|prepared to @engage',
      'refusal|refuses|refused|refusing|refuse|fails|failed|failing|fail|failure|unwilling|declined|declines|declining|decline|unable|reluctant ...1 to @engage',
      'poor|limited|minimal|sporadic|inconsistent|lack ...2 engagement',
    ],
    message:
      '"Disengaged" or "not engaging" records the child as the reason support is not working. A child stepping back from support is never a reason to give up on them: record what the service will try next.',
    suggestions: [
      'we have not yet found a way to work with [name] that feels safe to her',
      'was not ready to talk at that time; we will try again on [date] through [trusted adult]',
      'did not attend; [who] may be stopping her from meeting us',
    ],
    source: cite(LANGUAGE_MATTERS, SEED_000_KEY_THEME),
    negation: 'none',
    context: {
      exceptBefore: { phrases: [SERVICE_SUBJECTS], window: 1 },
      exceptAfter: { phrases: CHILD_OBJECTS, window: 0 },
    },
    note: 'When a service is the subject ("we have not engaged her") the sentence is about the service and is not flagged.',
    examples: {
      flagged: [
        'She has disengaged from CAMHS.',
        'Tom did not engage with the worker this week.',
        'He refused to engage with the return home interview.',
        'Poor engagement with the safety plan.',
      ],
      clean: [
        'Services have not yet found a way to engage her.',
        'We have not engaged her well; a new worker will try a different approach.',
        'She is engaging well with her youth worker.',
      ],
    },
  },
  {
    id: 'non-compliant',
    family: 'engagement',
    severity: 'medium',
    patterns: [
      'non compliant|compliance|cooperation|cooperative',
      'noncompliant|noncompliance|uncooperative',
      'unco operative',
      'non co operation|operative',
      '@neg ...1 compliant|complying|cooperating|cooperative',
    ],
    message:
      '"Non-compliant" and "uncooperative" describe a child as if on an order. A child may be frightened, controlled or traumatised; describe what happened and what might be behind it.',
    suggestions: [
      'did not follow [the plan]; she may be under pressure from [who]',
      'did not want to speak to officers at that time',
      'was frightened and did not answer questions',
    ],
    source: cite(LANGUAGE_MATTERS),
    negation: 'none',
    context: {
      exceptBefore: {
        phrases: [`${ADULT_SUBJECTS} was|is|were|are|has|have|had`, `${ADULT_SUBJECTS} has|have|had been`],
        window: 0,
      },
    },
    examples: {
      flagged: [
        'He has been non-compliant with his curfew.',
        'She was uncooperative with officers.',
        'Jay is not complying with the plan.',
      ],
      clean: [
        'The man was non-compliant with his bail conditions.',
        'The compliance team reviewed the hotel records.',
        'She did not want to talk to officers that night.',
      ],
    },
  },
];
