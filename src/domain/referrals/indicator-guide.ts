/**
 * The CSE/CCE Vulnerabilities and Risk Indicators Guide, as versioned data.
 *
 * Offered at referral as optional prompts: a ticked prompt becomes a dated observation with its source.
 * It is never added up into a score and never gates a referral or a decision (seed 004: "should not rely
 * on 'checklists' alone"; seed 001 §4: of over 110 indicators in use, only disability, being in care and
 * previous sexual abuse had evidence of a relationship with CSE — Brown et al 2016).
 *
 * Wording follows the seeds but is phrased as what a practitioner noticed about the child's
 * circumstances, never as the child's fault (seed 000 §4). A partnership changes this file, bumps
 * `version`, and the old version stays readable on observations recorded under it.
 */

export const INDICATOR_GROUPS = ['vulnerability', 'possible_sign_of_harm', 'protective_factor'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export const INDICATOR_GROUP_NAMES = {
  vulnerability: 'Vulnerabilities',
  possible_sign_of_harm: 'Possible signs of harm',
  protective_factor: 'Protective factors and strengths',
} as const satisfies Record<IndicatorGroup, string>;

export interface Indicator {
  readonly id: string;
  readonly group: IndicatorGroup;
  readonly text: string;
  /** What the evidence says about this prompt, in one or two sentences. */
  readonly evidenceNote: string;
  /** Where it comes from: seed file and section. */
  readonly source: string;
}

export interface IndicatorGuide {
  readonly version: string;
  readonly title: string;
  readonly usage: string;
  readonly items: readonly Indicator[];
}

const EVIDENCED =
  'One of the few factors with research evidence of a relationship with sexual exploitation (Brown et al 2016, in seed 001 §4). It is still only a prompt: most children with this experience are not exploited, and it never explains why abuse happens — the person who exploits does.';
const NOT_VALIDATED =
  'A prompt for professional curiosity, not a validated predictor: there is little evidence that this indicator predicts exploitation (seed 001 §4, Brown et al 2016). Children can be exploited without any listed vulnerability.';
const HARM_NOW =
  'This may describe harm that is already happening, not a risk of future harm (seed 001 §4, Figure 3.2): respond to protect the child now rather than treating it as "risk".';
const ALTERNATIVE_EXPLANATIONS =
  'A possible sign, not proof: it may have other explanations, including other forms of harm (seed 004, "Potential indicators"). Record what was seen and by whom, and stay curious.';
const PROTECTIVE =
  'Protective factors are weighed against risk factors in the Risk Analysis Framework (seed 004). Resilience is never a substitute for support (seed 004, Section B).';

const S004_VULN = 'seed 004, "Who is vulnerable to child sexual exploitation?"';
const S004_SIGNS = 'seed 004, "Potential indicators of child sexual exploitation"';
const S002_VULN = 'seed 002, "Vulnerabilities that increase the risk of CSE"';
const S002_SIGNS = 'seed 002, "Signs of YP being sexually exploited"';
const S001_T31 = 'seed 001 §3, Table 3.1 and Figure 3.2';

export const INDICATOR_GUIDE: IndicatorGuide = {
  version: '2025.1',
  title: 'CSE/CCE Vulnerabilities and Risk Indicators Guide',
  usage:
    'Optional prompts to help you describe what you have noticed. Tick any that apply and say when and how you know. Nothing here is a score or a threshold: a child can be exploited with none of these present, and you can refer without ticking any.',
  items: [
    // Vulnerabilities: experiences that may make a child more susceptible to someone who exploits.
    {
      id: 'v-prior-abuse',
      group: 'vulnerability',
      text: 'Has experienced neglect, physical or sexual abuse',
      evidenceNote: EVIDENCED,
      source: `${S004_VULN}; ${S001_T31}`,
    },
    {
      id: 'v-disability',
      group: 'vulnerability',
      text: 'Has a physical or learning disability',
      evidenceNote: EVIDENCED,
      source: `${S004_VULN}; ${S002_VULN}; ${S001_T31}`,
    },
    {
      id: 'v-in-care',
      group: 'vulnerability',
      text: 'Is in care, particularly residential care or with interrupted care histories',
      evidenceNote: EVIDENCED,
      source: `${S004_VULN}; ${S002_VULN}; ${S001_T31}`,
    },
    {
      id: 'v-unsafe-home',
      group: 'vulnerability',
      text: 'Lacks a safe, stable home now or in the past (for example domestic abuse, parental substance misuse, mental ill-health or criminality)',
      evidenceNote: NOT_VALIDATED,
      source: `${S004_VULN}; ${S002_VULN}`,
    },
    {
      id: 'v-bereavement',
      group: 'vulnerability',
      text: 'Recent bereavement or loss',
      evidenceNote: NOT_VALIDATED,
      source: `${S004_VULN}; ${S002_VULN}`,
    },
    {
      id: 'v-isolation',
      group: 'vulnerability',
      text: 'Social isolation or social difficulties',
      evidenceNote: NOT_VALIDATED,
      source: S004_VULN,
    },
    {
      id: 'v-sexuality',
      group: 'vulnerability',
      text: 'Has no safe place to explore their sexuality or sexual identity',
      evidenceNote: NOT_VALIDATED,
      source: S004_VULN,
    },
    {
      id: 'v-economic',
      group: 'vulnerability',
      text: 'Economic hardship',
      evidenceNote: NOT_VALIDATED,
      source: S004_VULN,
    },
    {
      id: 'v-housing',
      group: 'vulnerability',
      text: 'Homeless or in insecure or unsuitable accommodation (including hostels and bed and breakfast)',
      evidenceNote: NOT_VALIDATED,
      source: `${S004_VULN}; ${S002_VULN}`,
    },
    {
      id: 'v-peers-exploited',
      group: 'vulnerability',
      text: 'Knows or is connected to other children who are being exploited',
      evidenceNote: NOT_VALIDATED,
      source: `${S004_VULN}; ${S002_VULN}`,
    },
    {
      id: 'v-family-sex-work',
      group: 'vulnerability',
      text: 'Family members or other connections involved in adult sex work',
      evidenceNote: NOT_VALIDATED,
      source: S004_VULN,
    },
    {
      id: 'v-education',
      group: 'vulnerability',
      text: 'Not receiving the education they should (excluded, reduced timetable, missing from education)',
      evidenceNote: NOT_VALIDATED,
      source: `${S002_VULN}; ${S001_T31}`,
    },
    {
      id: 'v-gang-area',
      group: 'vulnerability',
      text: 'Lives in a neighbourhood where gangs or drug dealing are active',
      evidenceNote: NOT_VALIDATED,
      source: S002_VULN,
    },
    {
      id: 'v-mental-health',
      group: 'vulnerability',
      text: 'Low self-esteem, poor mental health or emotional wellbeing',
      evidenceNote: NOT_VALIDATED,
      source: `${S002_VULN}; ${S001_T31}`,
    },
    {
      id: 'v-young-carer',
      group: 'vulnerability',
      text: 'Is a young carer',
      evidenceNote: NOT_VALIDATED,
      source: S001_T31,
    },
    {
      id: 'v-honour-based',
      group: 'vulnerability',
      text: 'At risk of forced marriage, honour-based abuse or female genital mutilation',
      evidenceNote: NOT_VALIDATED,
      source: S002_VULN,
    },

    // Possible signs of harm: things that may show exploitation is already happening.
    {
      id: 's-unexplained-items',
      group: 'possible_sign_of_harm',
      text: 'Has money, clothes, phones or other items with no plausible explanation',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: `${S004_SIGNS}; ${S002_SIGNS}`,
    },
    {
      id: 's-missing',
      group: 'possible_sign_of_harm',
      text: 'Goes missing from home or care, or returns late, without explanation',
      evidenceNote:
        'Missing episodes are both a sign of harm and a time of danger; running away can be a response to feeling at risk (seed 002, "Vulnerability"). Record each episode.',
      source: `${S004_SIGNS}; ${S002_SIGNS}`,
    },
    {
      id: 's-school-absence',
      group: 'possible_sign_of_harm',
      text: 'Unexplained absences from school, college or work, or exclusion',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: `${S004_SIGNS}; ${S002_SIGNS}`,
    },
    {
      id: 's-older-controlling',
      group: 'possible_sign_of_harm',
      text: 'Is in contact with, or controlled by, significantly older people or groups',
      evidenceNote:
        'An age or power imbalance is a core feature of exploitation (seed 004 definition). Describe the person and what was seen; do not describe the contact as a relationship the child chose.',
      source: S004_SIGNS,
    },
    {
      id: 's-gang-association',
      group: 'possible_sign_of_harm',
      text: 'Associated with a gang, or cut off from usual friends and networks',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: `${S004_SIGNS}; ${S002_SIGNS}`,
    },
    {
      id: 's-calls',
      group: 'possible_sign_of_harm',
      text: 'Receives an unusual number of calls or messages, or has unknown adults or peers calling for them',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: S004_SIGNS,
    },
    {
      id: 's-substances',
      group: 'possible_sign_of_harm',
      text: 'Returns home under the influence of drugs or alcohol, or is given them by others',
      evidenceNote: HARM_NOW,
      source: `${S004_SIGNS}; ${S002_SIGNS}; ${S001_T31}`,
    },
    {
      id: 's-sexual-health',
      group: 'possible_sign_of_harm',
      text: 'Sexually transmitted infections, pregnancy or terminations',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: `${S004_SIGNS}; ${S002_SIGNS}`,
    },
    {
      id: 's-sexual-knowledge',
      group: 'possible_sign_of_harm',
      text: 'Shows sexual knowledge or behaviour unexpected for their age',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: S004_SIGNS,
    },
    {
      id: 's-assault',
      group: 'possible_sign_of_harm',
      text: 'Evidence or suspicion of physical or sexual assault, or unexplained injuries',
      evidenceNote: HARM_NOW,
      source: `${S004_SIGNS}; ${S002_SIGNS}`,
    },
    {
      id: 's-places',
      group: 'possible_sign_of_harm',
      text: 'Seen in places known for the sexual exploitation of children or adult sex work',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: S004_SIGNS,
    },
    {
      id: 's-online',
      group: 'possible_sign_of_harm',
      text: 'Worrying contact online or through social media, including requests for images',
      evidenceNote:
        'Online harm is under-detected by tools built around face-to-face abuse by adults (seed 004, "Potential indicators").',
      source: S004_SIGNS,
    },
    {
      id: 's-secrecy',
      group: 'possible_sign_of_harm',
      text: 'Increasingly secretive about where they go and who they see',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: S004_SIGNS,
    },
    {
      id: 's-self-harm',
      group: 'possible_sign_of_harm',
      text: 'Self-harm, thoughts of suicide or a marked change in emotional wellbeing',
      evidenceNote: HARM_NOW,
      source: `${S004_SIGNS}; ${S002_SIGNS}; ${S001_T31}`,
    },
    {
      id: 's-given-things',
      group: 'possible_sign_of_harm',
      text: 'Is given things (money, drugs, somewhere to stay, status) in return for sexual or criminal activity',
      evidenceNote: HARM_NOW,
      source: `seed 004, definition ("exchange"); ${S001_T31}`,
    },
    {
      id: 's-trafficked',
      group: 'possible_sign_of_harm',
      text: 'Is moved between places, or is made to carry or sell drugs or money',
      evidenceNote: HARM_NOW,
      source: `${S001_T31}; seed 004, "Human trafficking"`,
    },
    {
      id: 's-recruiting',
      group: 'possible_sign_of_harm',
      text: 'Is being made to introduce other children to the people harming them',
      evidenceNote:
        'Children forced to recruit others are still victims (seed 004, "Children can be perpetrators as well as victims").',
      source: `${S002_SIGNS}; seed 004`,
    },
    {
      id: 's-estranged',
      group: 'possible_sign_of_harm',
      text: 'Estranged from their family',
      evidenceNote: ALTERNATIVE_EXPLANATIONS,
      source: S002_SIGNS,
    },

    // Protective factors and strengths: what guards the child, weighed in the RAF.
    {
      id: 'p-trusted-adult',
      group: 'protective_factor',
      text: 'Has a trusted adult they can talk to',
      evidenceNote: PROTECTIVE,
      source: 'seed 002, "Young people want… Stability"; seed 004, Section B',
    },
    {
      id: 'p-safe-base',
      group: 'protective_factor',
      text: 'Parents or carers provide a safe base and keep communication open',
      evidenceNote: PROTECTIVE,
      source: 'seed 004, "Parents and carers"',
    },
    {
      id: 'p-stable-home',
      group: 'protective_factor',
      text: 'Has a safe and stable place to live',
      evidenceNote: PROTECTIVE,
      source: 'seed 004, Risk Analysis (family and environmental factors)',
    },
    {
      id: 'p-education',
      group: 'protective_factor',
      text: 'Attending and connected to school, college, training or work',
      evidenceNote: PROTECTIVE,
      source: 'seed 004, Risk Analysis (developmental needs)',
    },
    {
      id: 'p-friendships',
      group: 'protective_factor',
      text: 'Has friendships that support them',
      evidenceNote: 'Peer relationships can be protective as well as a route to harm (seed 004, Section B).',
      source: 'seed 004, Section B ("peer influence")',
    },
    {
      id: 'p-interests',
      group: 'protective_factor',
      text: 'Has interests, talents or activities they enjoy',
      evidenceNote: PROTECTIVE,
      source: 'seed 000 (strengths-based model); seed 002 "Key principles"',
    },
    {
      id: 'p-knows-help',
      group: 'protective_factor',
      text: 'Knows about healthy relationships and where to get help',
      evidenceNote: PROTECTIVE,
      source: 'seed 004, "Parents and carers"; seed 002, "Knowledge is crucial"',
    },
    {
      id: 'p-consistent-worker',
      group: 'protective_factor',
      text: 'Has a consistent worker or service they trust',
      evidenceNote: 'Continuity of worker helps build trust (seed 002, Barnardo’s FCASE; seed 001 §6).',
      source: 'seed 002; seed 001 §6',
    },
  ],
};

const BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATOR_GUIDE.items.map((i) => [i.id, i]));

export function indicatorById(id: string): Indicator | undefined {
  return BY_ID.get(id);
}
