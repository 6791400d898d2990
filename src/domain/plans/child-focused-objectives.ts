/**
 * The plan's own check for objectives that put the responsibility for the child's safety on the child.
 * "Working with children who are actively being sexually abused to 'reduce their risk taking' is often a
 * priority" (seed 000 key theme 1); the plan must place "a substantive focus on the sex offender, so that
 * it doesn't feel punitive or position the risk or responsibility within the child" (seed 001 Table 4.1).
 *
 * Rules are data with sources and examples; a test runs every example. Each finding returns the words
 * that matched and a reframing that keeps the concern explicit and gives the task to the adults. This is
 * not the language assistant (which checks all free text); it is a rule about what a plan may aim at.
 */
import { z } from 'zod';

export interface ChildFocusRule {
  readonly id: string;
  /** What the objective does wrong, in a sentence. */
  readonly why: string;
  /** Regular expressions (case-insensitive); any match flags the objective. */
  readonly patterns: readonly string[];
  /** A reframing that keeps the concern and gives the work to adults; `{child}` is the child's name. */
  readonly reframing: string;
  readonly source: string;
  readonly examples: { readonly flagged: readonly string[]; readonly clean: readonly string[] };
}

const S000_KT1 =
  'seed 000 key theme 1 ("Tackle the narrative around risk taking behaviours and victim blaming of children")';
const S000_KT4 =
  'seed 000 key theme 4 ("Focus more on disrupting and understanding perpetrators rather than changing children")';
const S001_T41 = 'seed 001 Table 4.1 (plan "doesn’t … position the risk or responsibility within the child")';
const S001_LANG = 'seed 001 §2.4 (language to avoid)';

const SUBJ = '(?:her|him|them|your|my|our|one)sel(?:f|ves)';

export const CHILD_FOCUS_RULES: readonly ChildFocusRule[] = [
  {
    id: 'risk-taking',
    why: 'Aims at the child’s "risk-taking": it frames abuse as the child’s behaviour and makes them responsible for stopping it.',
    patterns: [
      '\\brisk[\\s-]*tak(?:ing|er|ers)\\b',
      '\\brisky\\s+(?:behaviou?rs?|choices|lifestyles?|decisions)\\b',
    ],
    reframing:
      'Name what the adults will do about the harm: "Police and children’s services disrupt the people exploiting {child}, and keep {child} safe at the places where the harm happens."',
    source: `${S000_KT1}; ${S001_LANG} ('risk taking', 'reducing risk-behaviours'); seed 004 Appendix 1`,
    examples: {
      flagged: [
        'Reduce Amy’s risk-taking behaviour',
        'Work with her to reduce risk taking',
        'Address his risky behaviours',
      ],
      clean: ['Reduce the risk of harm to Amy from person A', 'Disrupt the adults who are exploiting Amy'],
    },
  },
  {
    id: 'putting-self-at-risk',
    why: 'Says the child puts themselves at risk: "no child puts themselves at risk of sexual abuse" (seed 000).',
    patterns: [`\\b(?:put|puts|putting|place|places|placing)\\s+${SUBJ}\\b`],
    reframing:
      'Say who is harming {child} and what adults will do: "Police disrupt [person or place]; carers and workers agree how {child} can get help at any hour."',
    source: 'seed 000 §4.1 ("putting herself at risk"); seed 003 §7.1; PRODUCT §3 "Never the child’s fault"',
    examples: {
      flagged: ['Stop putting herself at risk', 'Amy to understand that she places herself in danger'],
      clean: ['Keep Amy safe from the people putting her at risk', 'Put a safety plan in place for weekends'],
    },
  },
  {
    id: 'better-choices',
    why: 'Asks the child to "make better choices": a child being exploited is faced with severely constrained choices, not free ones (seed 004 Appendix 1).',
    patterns: [
      '\\b(?:make|makes|making)\\s+(?:better|safer|wiser|good|positive|healthier|healthy|the\\s+right|sensible|appropriate|informed)\\s+(?:choices|decisions)\\b',
      '\\blifestyle\\s+choices?\\b',
      '\\bconsequences\\s+of\\s+(?:her|his|their|your)\\s+(?:choices|actions|behaviou?rs?)\\b',
    ],
    reframing:
      'Widen {child}’s safe options instead: "Give {child} a safe place to go and someone to call at any hour, and disrupt [person] who is exploiting {child}."',
    source: `${S001_LANG} ('risky lifestyle choices', 'choice'); seed 000 §4.1 ("wiser choices"); seed 004 Appendix 1`,
    examples: {
      flagged: [
        'Support Amy to make better choices',
        'Help him make safer decisions about who he sees',
        'Understand the consequences of her choices',
      ],
      clean: ['Amy chooses where her sessions take place', 'Offer Amy choices about how she gives evidence'],
    },
  },
  {
    id: 'stop-going-missing',
    why: 'Makes the child’s going missing the thing to stop: going missing is a sign of harm and a time of danger, often driven by the people exploiting them.',
    patterns: [
      '\\b(?:stop|stops|stopping|cease|ceases|no\\s+longer|not|never|prevent\\s+(?:her|him|them)\\s+from)\\s+(?:going|goes|go)\\s+missing\\b',
      '\\breduce\\s+(?:(?:her|his|their|the\\s+number\\s+of|the)\\s+)?(?:missing\\s+episodes|episodes\\s+of\\s+going\\s+missing|going\\s+missing)\\b',
      '\\b(?:stop|stops|stopping|no\\s+longer)\\s+(?:running\\s+away|absconding)\\b',
    ],
    reframing:
      'Keep {child} safe when missing: agree how {child} can reach a trusted adult, offer a return home interview within 72 hours of each return, and disrupt the people and places {child} goes missing to.',
    source:
      'seed 004 ("Potential indicators": going missing); seed 002 (missing as a sign of harm); PRODUCT §2 step 9',
    examples: {
      flagged: [
        'Amy to stop going missing',
        'Reduce missing episodes',
        'Amy will not go missing from placement',
        'Stop running away',
      ],
      clean: [
        'Keep Amy safe when missing and disrupt the address she is taken to',
        'Offer a return home interview after each missing episode',
      ],
    },
  },
  {
    id: 'stop-contact',
    why: 'Makes the child responsible for ending contact with the person exploiting them; continued contact is part of the abusive power dynamic, not a free choice (seed 004).',
    patterns: [
      '\\b(?:stop|stops|stopping|cease|ceases|ceasing|no\\s+longer|refrain\\s+from|avoid|avoids|avoiding)\\s+(?:associating|spending\\s+time|hanging\\s+(?:out|around))\\s+with\\b',
      '\\b(?:stop|stops|stopping|no\\s+longer)\\s+seeing\\b',
      '\\b(?:end|ends|ending)\\s+(?:her|his|their|the)\\s+(?:relationship|friendship)\\s+with\\b',
      '\\b(?:not|never)\\s+associat(?:e|ing)\\s+with\\s+(?:older|controlling|risky|unsafe|inappropriate|negative|adult)',
    ],
    reframing:
      'Disrupt the contact from the other side: "Police issue a Child Abduction Warning Notice to [person] and act on any breach." {child} is not responsible for stopping contact.',
    source: `${S001_LANG} ('not associating with controlling/risky adults'); ${S000_KT4}; seed 004 Appendix 2 (CAWN)`,
    examples: {
      flagged: [
        'Amy to stop associating with older males',
        'End her relationship with person A',
        'Stop seeing Tom',
        'Not associate with risky adults',
      ],
      clean: ['Police issue a CAWN to person A', 'Disrupt person A’s contact with Amy'],
    },
  },
  {
    id: 'keep-themselves-safe',
    why: 'Puts keeping safe on the child: "protecting themselves appropriately" and "keep safe work" place the responsibility on the victim.',
    patterns: [
      `\\b(?:protect|protects|protecting|keep|keeps|keeping|stay|stays)\\s+${SUBJ}\\b`,
      '\\bkeep[\\s-]safe\\s+work\\b',
    ],
    reframing:
      'Say which adults keep {child} safe, and how: "Carers and police agree a safety plan for [place and time]; {child} knows who to call and they will answer."',
    source: `${S001_LANG} ('protecting themselves appropriately'); seed 000 §4.1 ("keep safe work"); ${S001_T41}`,
    examples: {
      flagged: [
        'Amy to learn to keep herself safe online',
        'Help him protect himself',
        'Deliver keep safe work',
      ],
      clean: [
        'Keep Amy safe online: report the account to the platform and police',
        'Carers keep Amy safe at weekends',
      ],
    },
  },
  {
    id: 'change-behaviour',
    why: 'Aims at changing the child’s behaviour, which is often a response to harm, a survival strategy or a way of meeting unmet needs (seed 004 Appendix 1).',
    patterns: [
      "\\b(?:change|changes|changing|improve|improves|improving|modify|modifying|address|addressing|reduce|reducing|manage|managing|tackle|tackling|challenge|challenging)\\s+(?:her|his|their|the\\s+child’?'?s|the\\s+young\\s+person’?'?s|yp’?'?s)\\s+(?:(?!harmful\\b|offending\\b)\\w+\\s+)?(?:behaviou?rs?|conduct|attitudes?|lifestyles?)\\b",
      '\\b(?:sexuali[sz]ed|promiscuous)\\s+behaviou?rs?\\b',
      '\\bbehave\\s+(?:better|appropriately|responsibly|sensibly)\\b',
    ],
    reframing:
      'Aim at the cause and at the adults: "Offer {child} trauma-informed support at a pace {child} chooses; disrupt [person] who is harming {child}."',
    source: `${S000_KT4}; ${S001_T41}; seed 004 Appendix 1; ${S001_LANG} ('promiscuous behaviours')`,
    examples: {
      flagged: [
        'Change her behaviour at home',
        'Address his challenging behaviour',
        'Reduce sexualised behaviour',
        'Amy to behave appropriately',
      ],
      clean: [
        'Support for his harmful sexual behaviour towards others, alongside his own safety plan',
        'Disrupt the behaviour of person A',
      ],
    },
  },
  {
    id: 'engagement-as-aim',
    why: 'Makes the child’s engagement the aim: reaching the child is the services’ job, and support does not stop when a child steps back.',
    patterns: [
      "\\b(?:engage|engages|engaging|comply|complies|complying|co-?operate|co-?operates|co-?operating)\\s+(?:fully\\s+)?with\\s+(?:services|the\\s+plan|(?:this|her|his|their)\\s+plan|professionals|support|(?:her|his|their|the)\\s+workers?|workers?|the\\s+service|interventions?|the\\s+interventions?|camhs|children’?'?s\\s+services|social\\s+care|police)\\b",
    ],
    reframing:
      'Put the task on services: "Services find a way to reach {child}: the same worker, at times and places {child} chooses. Support stays open if {child} steps back."',
    source: 'seed 000 §4.1 ("hard to engage") and key theme 2; PRODUCT §3 "Don’t give up on the child"',
    examples: {
      flagged: [
        'Amy to engage with services',
        'He will comply with the plan',
        'Amy to engage fully with her worker',
      ],
      clean: ['Services find a way to reach Amy', 'Police engage with the hotel to share guest information'],
    },
  },
  {
    id: 'disclosure-as-aim',
    why: 'Makes the child’s disclosure the aim: "Safeguarding and disruption activity is not dependent on a direct disclosure" (seed 001 §5.1).',
    patterns: [
      '\\b(?:to|will|should|must)\\s+disclose\\b',
      '\\b(?:obtain|get|gain|secure|achieve|encourage|elicit)\\s+(?:(?:a|her|his|their)\\s+)?(?:full\\s+)?disclosures?\\b',
      '\\b(?:make|makes|making)\\s+a\\s+(?:full\\s+)?disclosure\\b',
      '\\bdisclose\\s+(?:who|the\\s+names?|names|details)\\b',
    ],
    reframing:
      'No disclosure is needed: "Police gather evidence about [person] from agency records and intelligence, without relying on {child}’s account; workers keep a safe space open for {child} to talk when ready."',
    source:
      'seed 001 §5.1 (See Me, Hear Me); seed 000 §4.1 ("stop hunting for disclosures"); PRODUCT §3 "No disclosure required"',
    examples: {
      flagged: [
        'Amy to disclose who is harming her',
        'Obtain a full disclosure',
        'Encourage her to make a disclosure',
      ],
      clean: [
        'Create safe spaces for Amy to talk if she wants to',
        'Police act on intelligence without a disclosure',
      ],
    },
  },
  {
    id: 'prosecution-pressure',
    why: 'Makes the child responsible for a prosecution: "children should not be held responsible for protecting other potential victims" (seed 000).',
    patterns: [
      '\\b(?:press|presses|pressing)\\s+charges\\b',
      '\\b(?:encourage|encourages|persuade|persuades|convince|support)\\s+(?:her|him|them|the\\s+young\\s+person|the\\s+child|yp)\\s+to\\s+(?:make\\s+a\\s+(?:statement|complaint)|give\\s+(?:a\\s+statement|evidence)|support\\s+(?:a|the)\\s+prosecution|report)\\b',
    ],
    reframing:
      'Record {child}’s own wishes about reporting and court, and that {child} can change their mind; pursue evidence-led prosecution that does not depend on {child} (seed 000 key theme 3).',
    source: 'seed 000 §4.1 and key theme 3; seed 001 Table 4.1 Q4',
    examples: {
      flagged: ['Amy to press charges', 'Encourage her to make a statement'],
      clean: [
        'Tell Amy about her choices on giving evidence, in words she understands',
        'Build an evidence-led case against person A',
      ],
    },
  },
  {
    id: 'child-as-informant',
    why: 'Uses the child to gather information about other children: the safety of other children is the adults’ job (seed 001 Table 4.1).',
    patterns: [
      '\\b(?:gather|obtain|get|collect)\\s+(?:information|intelligence|names|details)\\s+from\\s+(?:her|him|them|the\\s+(?:young\\s+person|child)|yp)\\b',
      '\\b(?:ask|asks|asking|use|using|encourage|encouraging)\\s+(?:her|him|them|the\\s+young\\s+person|the\\s+child|yp)\\s+(?:to\\s+)?(?:\\w+\\s+){0,3}(?:other\\s+(?:children|young\\s+people|girls|boys|victims)|(?:her|his|their)\\s+friends)\\b',
    ],
    reframing:
      'Keep other children’s safety with the adults: "[Agency] identifies and contacts other children who may be at risk through [route]." {child} is never used to gather information.',
    source:
      'seed 001 Table 4.1 Q3 ("Ensure that the child is not made to feel responsible for the safety of the other children or ‘used’ to gather information")',
    examples: {
      flagged: [
        'Gather intelligence from her about the group',
        'Ask him to name other young people involved',
      ],
      clean: [
        'Police identify other children linked to the address',
        'Check the safety of Amy’s friends through their schools',
      ],
    },
  },
  {
    id: 'abstinence',
    why: 'Sets abstinence as the child’s aim: demanding it before a young person can sustain it undermines change; harm reduction works better (seed 004 Appendix 1).',
    patterns: [
      '\\b(?:stop|stops|stopping|cease|abstain\\s+from|give\\s+up|not)\\s+(?:drinking|using\\s+(?:drugs|cannabis|substances|alcohol)|taking\\s+drugs|smoking\\s+(?:cannabis|weed))\\b',
    ],
    reframing:
      'Offer {child} substance-use support that {child} helps shape, with a harm-reduction approach, and disrupt whoever supplies {child} with drugs or alcohol.',
    source: 'seed 004 Appendix 1 (Hickle and Hallett: harm reduction); seed 000 key theme 4',
    examples: {
      flagged: ['Amy to stop drinking', 'Stop using cannabis'],
      clean: [
        'Disrupt the supply of drugs to Amy at the flat',
        'Offer Amy a young people’s substance-use worker',
      ],
    },
  },
  {
    id: 'recognise-abuse',
    why: 'Makes the child’s recognition of the abuse the aim: "Simply telling a child that they are being abused is rarely enough … and could induce trauma responses" (seed 001 Table 4.1).',
    patterns: [
      '\\b(?:recognis|recogniz|understand|accept|acknowledg|realis|realiz)\\w*\\s+(?:that\\s+)?(?:she|he|they)\\s+(?:is|are)\\s+(?:being\\s+)?(?:exploited|groomed|abused|a\\s+victim|victims)\\b',
    ],
    reframing:
      'Make {child}’s safety independent of whether {child} sees it as abuse: "Keep {child} safe from [person]; offer support at {child}’s pace, and talk about healthy relationships when {child} is ready."',
    source: 'seed 001 Table 4.1 Q1 ("What if I don’t see it as abuse?")',
    examples: {
      flagged: ['Amy to recognise that she is being exploited', 'Help him accept he is a victim'],
      clean: [
        'Talk with Amy about healthy relationships when she is ready',
        'Help Amy’s parents understand the risks',
      ],
    },
  },
];

export const childFocusRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/),
  why: z.string().min(20),
  patterns: z
    .array(
      z.string().refine((p) => {
        try {
          new RegExp(p, 'iu');
          return true;
        } catch {
          return false;
        }
      }, 'must be a valid regular expression'),
    )
    .min(1),
  reframing: z.string().includes('{child}'),
  source: z.string().min(10),
  examples: z.strictObject({ flagged: z.array(z.string()).min(1), clean: z.array(z.string()).min(1) }),
});

export interface ChildFocusFinding {
  readonly ruleId: string;
  /** The words in the objective that matched. */
  readonly matched: string;
  readonly index: number;
  readonly why: string;
  /** The suggested reframing, with the child's name filled in. */
  readonly reframing: string;
  readonly source: string;
}

const COMPILED = CHILD_FOCUS_RULES.map((rule) => ({
  rule,
  regexes: rule.patterns.map((p) => new RegExp(p, 'giu')),
}));

/** Fills `{child}` with the child's name, or "the child". */
export function fillChild(template: string, childName?: string): string {
  const name = childName?.trim() || 'the child';
  return template
    .replace(/^\{child\}/, name.charAt(0).toUpperCase() + name.slice(1))
    .replaceAll('{child}', name);
}

/**
 * Checks one objective's aim. Returns one finding per rule that matched (the first match of each),
 * in the order the words appear.
 */
export function checkObjectiveAim(aim: string, options: { childName?: string } = {}): ChildFocusFinding[] {
  const text = aim.replace(/\s+/g, ' ');
  const findings: ChildFocusFinding[] = [];
  for (const { rule, regexes } of COMPILED) {
    let best: RegExpExecArray | null = null;
    for (const re of regexes) {
      re.lastIndex = 0;
      const m = re.exec(text);
      if (m && (!best || m.index < best.index)) best = m;
    }
    if (best) {
      findings.push({
        ruleId: rule.id,
        matched: best[0],
        index: best.index,
        why: rule.why,
        reframing: fillChild(rule.reframing, options.childName),
        source: rule.source,
      });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}
