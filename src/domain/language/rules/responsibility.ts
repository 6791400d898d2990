/**
 * Responsibility placed on the child: phrases that make the child the cause of, or the answer to,
 * harm that adults are doing to them.
 */
import type { Rule } from '../lexicon.schema.ts';
import {
  CARDIFF_CSW,
  cite,
  DURHAM_SCP,
  LANGUAGE_MATTERS,
  NSPCC_2023,
  SEED_000,
  SEED_000_MYTHS,
  SEED_001,
  SEED_003,
  SEED_004,
  SEED_004_RISK,
  TCS_2022,
} from './sources.ts';

// Services, not the child, are the subject of these: "staff keep going back to the address".
const PROFESSIONAL_SUBJECTS = [
  'staff',
  'we',
  'i',
  'police',
  'officers',
  'worker',
  'workers',
  'professionals',
  'services',
  'agencies',
  'panel',
  'school',
  'parents',
  'mum',
  'dad',
  'mother',
  'father',
  'carer',
  'carers',
];

// "The adults involved in her exploitation": someone other than the child is the subject.
const OTHER_SUBJECTS =
  'adults|adult|men|man|people|those|perpetrators|individuals|persons|males|females|others|agencies|professionals|services|staff|partners|organisations|suspects|offenders|nominals|brother|father|dad|uncle|cousin|mother|mum|sister';

export const responsibilityRules: Rule[] = [
  {
    id: 'putting-self-at-risk',
    family: 'responsibility',
    severity: 'high',
    patterns: [
      '@put @reflexive ...2 at ...2 risk|risks',
      "@put @reflexive ...1 in ...3 danger|dangerous|risky|harm's|unsafe|vulnerable|compromising|position|positions|situation|situations",
    ],
    message:
      'No child puts themselves at risk of abuse: the phrase makes the child responsible and hides the people harming them. It travels from case notes into police files and court reports.',
    suggestions: [
      'is being exploited by [who]',
      'is at risk of harm from [who]',
      'I am worried that [name] is being groomed and exploited by [who] at [place]',
      '[place] is dangerous for children because [who] targets them there',
    ],
    source: cite(
      `${SEED_000} row 9`,
      `${SEED_003} ("Children do not 'put themselves at risk'")`,
      NSPCC_2023,
      DURHAM_SCP,
    ),
    negation: 'clause',
    note: 'A negation in the clause means the writer rejects the framing ("there is no suggestion she was putting herself at risk", "no child puts themselves at risk"), so it is not flagged.',
    examples: {
      flagged: [
        'Jaimie is putting herself at risk by going to the flat.',
        'He puts himself at serious risk when he travels to Fernbridge.',
        'She put herself in that position again on Friday.',
        'Kai is placing himself in dangerous situations.',
      ],
      clean: [
        'There is no suggestion she was putting herself at risk.',
        'The men at the flat are putting her at risk of serious harm.',
        "She told me 'I put myself at risk, it's my fault'.",
        'She put her coat on and left with her worker.',
      ],
    },
  },
  {
    id: 'risk-taking-behaviour',
    family: 'responsibility',
    severity: 'high',
    patterns: [
      'risk taking|taker|takers',
      'risky behaviour|behaviours|behavior|behaviors|choices|choice|decisions|decision|activities|activity',
      'risk behaviour|behaviours|behavior|behaviors',
      '@take ...1 risks',
    ],
    message:
      '"Risk-taking" and "risky behaviour" frame exploitation as something the child chooses to do. Behaviour that looks risky is usually how a child copes with, or is controlled by, the people harming them.',
    suggestions: [
      'is being groomed and controlled by [who], who [what they are doing]',
      'is exposed to harm from [who] at [place]',
      '[behaviour] may be a response to the abuse and to pressure from [who]',
    ],
    source: cite(`${SEED_000} row 8`, SEED_001, SEED_004_RISK, NSPCC_2023),
    negation: 'clause',
    examples: {
      flagged: [
        'The plan aims to reduce her risk-taking behaviour.',
        'Leah is a risk taker and often goes missing.',
        'Staff are worried about his risky behaviours at weekends.',
        'She has been taking more risks since the summer.',
      ],
      clean: [
        'The plan focuses on disrupting the men who are harming her.',
        'Her going missing should not be seen as risk taking.',
        'She said "I\'m not a risk taker".',
        'The risk assessment was reviewed by the manager.',
      ],
    },
  },
  {
    id: 'choice-framing',
    family: 'responsibility',
    severity: 'high',
    patterns: [
      '@poss own choice|choices|decision|decisions',
      "is|was|were|are|it's ...1 own choice|choices|decision|decisions",
      '@poss choice|choices|decision|decisions to @keep|@return|run|associate|spend|stay',
      '@poss choice|choices|decision|decisions to go ...1 missing|back|off|out',
      '@choose to go|run|stay ...1 missing|away|out',
      '@choose to spend time with',
      '@choose to associate|hang ...2 with',
      '@choose to return|go ...2 back',
      '@choose to get ...1 into|in ...2 car|cars|vehicle|vehicles|taxi',
      '@choose to have sex',
      '@choose to see|meet|visit|contact him|them|men|adults',
      'keeps|keep|kept choosing',
    ],
    message:
      'Calling exploitation the child\'s "choice" ignores grooming, coercion and control. A child cannot choose to be abused.',
    suggestions: [
      'is being controlled by [who], who [how they pull her back: threats, debt, gifts]',
      'went missing; it is not clear whether she was under pressure or duress from [who]',
      'is being groomed by [who], who has made her feel she has chosen this',
    ],
    source: cite(`${SEED_000} rows 20–21`, SEED_001, SEED_004_RISK),
    negation: 'clause',
    context: {
      exceptBefore: {
        phrases: ['make|making|makes|made|respect|respects|respected|respecting|support|supporting|supports'],
        window: 1,
      },
    },
    note: 'A child\'s right to make her own choices ("support her to make her own choices about college") is not flagged.',
    examples: {
      flagged: [
        'This appears to be her own choice.',
        'Mia chose to go missing again on Saturday.',
        'He keeps choosing to spend time with these individuals.',
        'She chose to get into the car with them.',
      ],
      clean: [
        'It was not her own choice: she is being controlled by the group.',
        'She chose to go to college in September.',
        'She can choose where the next meeting happens.',
        'She said “it was my own choice”.',
      ],
    },
  },
  {
    id: 'poor-choices',
    family: 'responsibility',
    severity: 'medium',
    patterns: [
      'poor|bad|unwise|unhealthy|wrong|negative choices|choice|decisions|decision',
      'wiser|safer|better|healthier|good|positive|sensible ...1 choices|decisions',
    ],
    message:
      'Asking a child to make "better choices" puts the job of stopping abuse on the child. Plans should aim at what the adults around them do.',
    suggestions: [
      'will be protected from [who] by [action]',
      'is being pressured by [who] to [what]',
      'support for [name] to feel safe with [trusted adult]',
    ],
    source: cite(`${SEED_000} row 21`, SEED_001, NSPCC_2023),
    negation: 'clause',
    context: { exceptBefore: { phrases: PROFESSIONAL_SUBJECTS, window: 3 } },
    note: 'Not flagged when the sentence is about a service\'s decisions ("the panel made poor decisions").',
    examples: {
      flagged: [
        'She needs to learn to make better choices.',
        'He continues to make poor decisions about who he sees.',
        'Session plan: positive choices and healthy relationships.',
      ],
      clean: [
        'The panel made poor decisions about her referral in 2019.',
        'The plan records what the police will do to disrupt the men.',
        'Her choices are not the reason she is being exploited.',
      ],
    },
  },
  {
    id: 'lifestyle',
    family: 'responsibility',
    severity: 'medium',
    patterns: [
      'lifestyle choice|choices',
      'risky|chaotic|street|criminal|party|gang|sexual|dangerous|transient ...1 lifestyle|lifestyles',
      '@choose this|that|the|a|her|his|their ...1 lifestyle',
      '@lead|@live a|an|this|that|her|his|their ...2 lifestyle',
      'lifestyle ...3 chosen|chose|chooses|choosing',
    ],
    message:
      '"Lifestyle" describes something chosen. Exploitation is done to a child; describe what is happening and who is doing it.',
    suggestions: [
      'is being criminally exploited by [who]',
      'is being sexually exploited; [who] controls where she goes and who she sees',
      'her life is being controlled by [who]',
    ],
    source: cite(SEED_001, NSPCC_2023, SEED_004_RISK),
    negation: 'clause',
    examples: {
      flagged: [
        'She is leading a chaotic lifestyle.',
        'This is a lifestyle choice for him.',
        'Her risky lifestyle means she is often out late.',
        'He has chosen this lifestyle.',
      ],
      clean: [
        'This is not a lifestyle choice; he is being criminally exploited.',
        'The men control every part of her life.',
        'A healthy lifestyle session was offered by the school nurse.',
      ],
    },
  },
  {
    id: 'brought-on-self',
    family: 'responsibility',
    severity: 'high',
    patterns: [
      '@bring it|this|that|abuse|harm|everything|trouble ...1 on|upon @reflexive',
      '@poss own fault',
      'only @reflexive to blame',
      'partly|partially|herself|himself|themselves|themself ...1 to blame',
      'was|is|were|been asking for it',
      'deserved|deserves it',
      'deserved|deserves what ...1 happened',
    ],
    message:
      'Blame for abuse lies only with the people who abuse. This is a rape myth ("children bring it upon themselves") and tells a child reading their file that it was their fault.',
    suggestions: [
      '[who] is responsible for the abuse',
      'she is not to blame for what [who] did',
      'I am worried about [name] because [who] is harming her',
    ],
    source: cite(SEED_000_MYTHS, `${SEED_000} row 19`, SEED_004),
    negation: 'clause',
    examples: {
      flagged: [
        'She is bringing this on herself by going back.',
        'It is his own fault he got hurt.',
        'She has only herself to blame.',
        'Some staff feel she was asking for it.',
      ],
      clean: [
        'She is not to blame for what happened.',
        'None of this is her own fault.',
        'The blame lies with the men who abused her.',
        'Her foster carer brought her home on time.',
      ],
    },
  },
  {
    id: 'complicit-in-abuse',
    family: 'responsibility',
    severity: 'high',
    patterns: [
      'implicit|complicit|culpable|participant|involved|active ...1 in @poss own ...1 abuse|exploitation|harm|rape|victimisation',
      'implicit in ...3 abuse|exploitation|abused|exploited',
    ],
    message:
      'A child is never complicit in their own abuse. Children cannot consent to being abused, and going along with an abuser is often how they survive.',
    suggestions: [
      'is being abused by [who], who has groomed her so that she returns to him',
      'is trauma-bonded to [who]',
      'is being controlled by [who]',
    ],
    source: cite(`${SEED_000} row 10`, SEED_001),
    negation: 'clause',
    examples: {
      flagged: [
        'Jaimie is described as implicit in her own abuse.',
        'He appears complicit in his own exploitation.',
        'She was an active participant in her own exploitation.',
      ],
      clean: [
        'The hotel staff may have been complicit in the abuse.',
        'She is in no way complicit in her own abuse.',
        'She is being abused by the men she was introduced to.',
      ],
    },
  },
  {
    id: 'keeps-going-back',
    family: 'responsibility',
    severity: 'medium',
    patterns: [
      '@keep ...1 going|running|getting ...1 back|missing|away|off',
      '@keep returning|absconding|disappearing',
      '@go back to ...2 abusers|abuser|exploiters|exploiter|perpetrators|perpetrator|groomer|groomers',
      '@return to ...2 abusers|abuser|exploiters|exploiter|perpetrators|perpetrator|groomer|groomers',
    ],
    message:
      '"Keeps going missing" or "went back to her abusers" reads as defiance. Children go back because they are groomed, controlled, threatened or trauma-bonded: say what is pulling them back.',
    suggestions: [
      'went missing again; [who] is believed to be controlling where she goes',
      'is being drawn back to [who] by [threats / debt / gifts / affection]',
      'has been trafficked to [place] again',
    ],
    source: cite(`${SEED_000} row 11`, CARDIFF_CSW),
    negation: 'clause',
    context: { exceptBefore: { phrases: PROFESSIONAL_SUBJECTS, window: 1 } },
    examples: {
      flagged: [
        'She keeps going missing from placement.',
        'Despite all our work she went back to her abusers.',
        'Amir keeps returning to the address on Mill Road.',
        "He kept running away from the children's home.",
      ],
      clean: [
        'She has been missing three times this month.',
        'The men keep contacting her and picking her up from school.',
        'Staff keep going back to the address to look for him.',
      ],
    },
  },
  {
    id: 'vulnerability-caused',
    family: 'responsibility',
    severity: 'medium',
    patterns: [
      'vulnerability|vulnerabilities ...4 led|lead|leads|leading|caused|causes|cause|made|make|makes ...4 abused|exploited|abuse|exploitation|target|targeted|groomed',
      'because of @poss vulnerability|vulnerabilities',
      'due to @poss vulnerability|vulnerabilities',
    ],
    message:
      'Vulnerability is not the reason abuse happens: there has to be a person who chooses to exploit a child and protection that was not there. Put the person who exploited her in the sentence.',
    suggestions: [
      '[who] targeted [name] because they saw she was [lonely / in care / without money]',
      '[who] exploited her need for [what]',
    ],
    source: cite(DURHAM_SCP, SEED_001, `${SEED_000} row 16`),
    negation: 'clause',
    examples: {
      flagged: [
        'Her vulnerabilities led to her being exploited.',
        'He was targeted because of his vulnerabilities.',
        'Her vulnerability made her a target.',
      ],
      clean: [
        'Vulnerability is not the reason abuse happens; the men chose to exploit her.',
        'A vulnerability assessment was completed at the front door.',
        'The men targeted her because she was new to the area and alone.',
      ],
    },
  },
  {
    id: 'self-protection-burden',
    family: 'responsibility',
    severity: 'medium',
    patterns: [
      '@keep @reflexive safe|safer',
      '@protect @reflexive',
      'keep safe work|session|sessions|plan|programme|program',
      '@reduce @poss own? risk|risks',
    ],
    message:
      'Making the child responsible for keeping safe from abusers moves the work away from the adults who are harming them. Safety is the job of the people and services around the child.',
    suggestions: [
      '[agency] will protect [name] from [who] by [action]',
      'police will disrupt [who] at [place]',
      'support for [name] to recognise that what [who] is doing is abuse, and that it is not her fault',
    ],
    source: cite(SEED_001, `${SEED_000} row 23`),
    negation: 'clause',
    context: {
      exceptBefore: { phrases: ['tried|trying|try|tries|attempted|attempting to'], window: 0 },
      exceptAfter: { phrases: ['taking|taker'], window: 0 },
    },
    note: '"She tried to protect herself" describes what a child did during abuse and is not flagged.',
    examples: {
      flagged: [
        'Work will focus on helping her keep herself safe.',
        'Keep safe work has been offered to Jodie.',
        'He needs to learn to protect himself from these men.',
      ],
      clean: [
        'Work will focus on keeping her safe from the men who are targeting her.',
        'She tried to protect herself from him.',
        'It is not her job to keep herself safe.',
      ],
    },
  },
  {
    id: 'contacting-adults',
    family: 'responsibility',
    severity: 'medium',
    patterns: [
      '@contact|@message ...1 adult|adults|older|man|men|males',
      '@send ...4 to ...2 adult|adults|older|man|men|males',
      'sexting|sexted|sexts ...1 with|to ...4 adult|adults|older|man|men|males|woman|women',
    ],
    message:
      'Writing that the child "contacted adults" or "sent images to adults" removes the adults who targeted her. Adults are responsible for their contact with a child.',
    suggestions: [
      'adults have been contacting [name] via [platform]',
      '[who], an adult, asked [name] for images',
      'an adult is using [platform] to groom [name]',
    ],
    source: cite(LANGUAGE_MATTERS, `${TCS_2022} p.7`),
    negation: 'clause',
    context: {
      exceptAfter: { phrases: ['social|services|service|safeguarding|learning|mental|team'], window: 0 },
    },
    examples: {
      flagged: [
        'She has been contacting adults via Snapchat.',
        'He sent explicit pictures to an older man he met online.',
        'She has been messaging older men late at night.',
        'She has been sexting with a man in his twenties.',
      ],
      clean: [
        'Adults have been contacting her via Snapchat.',
        'The social worker contacted adult social care about transition.',
        'An older man has been sending her messages.',
      ],
    },
  },
  {
    id: 'involved-in-exploitation',
    family: 'responsibility',
    severity: 'medium',
    patterns: [
      'involved|involvement in|with ...3 cse|cce|exploitation|county|gangs|gang|crime|criminality|prostitution|drug|drugs|dealing|offending|older|adults',
    ],
    message:
      '"Involved in" CSE, county lines or crime gives the child a part in their own exploitation. The child is a victim of exploitation; name who is exploiting them.',
    suggestions: [
      'is a victim of criminal exploitation by [who]',
      'is being sexually exploited by [who]',
      'has been groomed by [who] to carry drugs to [place]',
    ],
    source: cite(TCS_2022, CARDIFF_CSW),
    negation: 'clause',
    context: {
      exceptBefore: {
        phrases: [
          OTHER_SUBJECTS,
          `${OTHER_SUBJECTS} is|was|are|were`,
          `${OTHER_SUBJECTS} has|have|had been`,
          `${OTHER_SUBJECTS} believed|thought|known|suspected|alleged|said to be`,
          `${OTHER_SUBJECTS} who ...1 are|were|is|was|been`,
        ],
        // One word of slack: "individuals also involved in …".
        window: 1,
      },
      exceptAfter: {
        phrases: ['strategy|panel|meeting|team|training|work|response|subgroup|policy'],
        window: 0,
      },
    },
    examples: {
      flagged: [
        'Tyler is involved in county lines.',
        'She has been involved in CSE since she was 13.',
        'He became involved in crime after moving schools.',
      ],
      clean: [
        'The adults involved in her exploitation have been identified.',
        'Police believe men involved in county lines are targeting him.',
        'The agencies involved in the CSE strategy meeting shared information.',
        'Disruption targets individuals also involved with child sexual exploitation.',
      ],
    },
  },
];
