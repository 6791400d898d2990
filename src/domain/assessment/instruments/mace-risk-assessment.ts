/**
 * The MACE risk assessment, as versioned data (seed 004, "Multi Agency Child Exploitation risk
 * assessment and meeting" and "Multi agency management oversight through the MACE meeting and MACE risk
 * assessment").
 *
 * One tool for sexual and/or criminal exploitation ("Utilise one tool if the child is at risk of both
 * CSE and CCE"). It complements the RAF and runs alongside the child's statutory plan; it identifies
 * "all areas of vulnerability and risk", the connections between children, persons of concern, places
 * and premises, and "specific tasks to manage and reduce risk". "All of the tools should be based upon
 * professional practice and a qualitative analysis of the factors evident in the case" — so, like the
 * RAF, it ends in a practitioner's judgement with a rationale, never a score.
 */
import { DEFAULT_CONTINUUM } from './continuum.ts';
import type { InstrumentInput } from './schema.ts';

const GUIDE_PROMPT =
  'A reminder from the CSE/CCE Vulnerabilities and Risk Indicators Guide: a prompt, not a score. Record what matters as a factor with its evidence.';

const indicator = (id: string, text: string, indicatorRef: string) => ({
  id,
  text,
  indicatorRef,
  help: GUIDE_PROMPT,
  answer: { type: 'yes_no_unknown' as const },
});

export const MACE_RISK_ASSESSMENT_2025_1: InstrumentInput = {
  id: 'mace-risk-assessment',
  version: '2025.1',
  title: 'MACE risk assessment (sexual and/or criminal exploitation)',
  source:
    'seed 004, "Multi Agency Child Exploitation risk assessment and meeting" and "Multi agency management oversight through the MACE meeting and MACE risk assessment"',
  purpose:
    'To bring what every agency knows about exploitation of this child to MACE triage: known and suspected harm, what makes the child more vulnerable, what protects them, the people, places and peers connected to the harm, and the tasks that will reduce it. It runs alongside the child’s statutory plan and never replaces it.',
  continuum: DEFAULT_CONTINUUM,
  judgementGuidance: {
    analysis:
      'In your own words, what is happening for this child, and what do the connections tell you? A qualitative analysis of the factors evident in the case (seed 004).',
    balance: 'Weigh what puts the child at risk against what protects them.',
    level:
      'Place your judgement on the continuum and explain why. MACE triage uses your judgement and your reasons, never a count of ticked prompts.',
    harm: 'Is exploitation suspected, or known to be happening? Record it without waiting for a disclosure.',
    needsToChange:
      'What needs to change, starting with disrupting the people, places and networks causing harm (seed 004 Appendix 2).',
  },
  sections: [
    {
      id: 'scope',
      title: 'What this assessment covers',
      prompts: [
        {
          id: 'mace.exploitation',
          text: 'Which exploitation is this assessment about?',
          help: 'Use one assessment if the child is at risk of both sexual and criminal exploitation (seed 004).',
          answer: {
            type: 'choice',
            options: [
              { id: 'sexual', label: 'Child sexual exploitation' },
              { id: 'criminal', label: 'Child criminal exploitation' },
              { id: 'both', label: 'Both sexual and criminal exploitation' },
            ],
          },
          required: true,
        },
        {
          id: 'mace.statutory_plan',
          text: 'Which statutory plan does this assessment run alongside?',
          help: 'Every child on the MACE agenda should be subject to a Child in Need or Child Protection plan or be Looked After. A child who is not is referred to Children’s Services immediately (seed 004).',
          answer: {
            type: 'choice',
            options: [
              { id: 'child_in_need', label: 'Child in Need (section 17)' },
              { id: 'child_protection', label: 'Child Protection' },
              { id: 'looked_after', label: 'Looked After' },
              { id: 'early_help', label: 'Early Help plan only' },
              { id: 'none', label: 'No statutory plan' },
            ],
          },
          required: true,
        },
      ],
    },
    {
      id: 'harm',
      title: 'Known and suspected harm',
      intro: 'Harm already happening is not "risk": name it. A child being harmed is a victim (seed 000).',
      prompts: [
        {
          id: 'mace.harm.known',
          text: 'What harm is known to have happened?',
          answer: { type: 'long_text' },
        },
        { id: 'mace.harm.suspected', text: 'What harm is suspected?', answer: { type: 'long_text' } },
        {
          id: 'mace.harm.evidence',
          text: 'Chronology entries that show the harm',
          help: 'Say for each whether it is verified. Unverified information stays marked as unverified wherever it is repeated.',
          answer: { type: 'evidence_links' },
        },
      ],
    },
    {
      id: 'vulnerabilities',
      title: 'Vulnerabilities, signs of harm and strengths',
      intro:
        'A child’s vulnerabilities are never the reason exploitation happens: it happens because someone takes advantage of them (seed 004 Appendix 1). Exploitation can happen with none of these present.',
      prompts: [
        indicator(
          'mace.ind.missing',
          'Has the child been missing or come back late without explanation?',
          's-missing',
        ),
        indicator(
          'mace.ind.unexplained_items',
          'Does the child have money, phones, clothes or other items nobody can explain?',
          's-unexplained-items',
        ),
        indicator(
          'mace.ind.older_controlling',
          'Is the child in contact with, or controlled by, significantly older people or groups?',
          's-older-controlling',
        ),
        indicator(
          'mace.ind.given_things',
          'Is the child given things (money, drugs, somewhere to stay, status) in return for sexual or criminal activity?',
          's-given-things',
        ),
        indicator(
          'mace.ind.moved_or_made_to_carry',
          'Is the child moved between places, or made to carry or sell drugs or money?',
          's-trafficked',
        ),
        indicator(
          'mace.ind.substances',
          'Has the child been given drugs or alcohol, or come home under their influence?',
          's-substances',
        ),
        indicator(
          'mace.ind.assault',
          'Is there evidence or suspicion of physical or sexual assault, or unexplained injuries?',
          's-assault',
        ),
        indicator('mace.ind.online', 'Has anyone contacted the child online in a worrying way?', 's-online'),
        indicator(
          'mace.ind.calls',
          'Does the child get an unusual number of calls or messages, or unknown adults or peers calling for them?',
          's-calls',
        ),
        indicator(
          'mace.ind.places',
          'Has the child been seen in places linked to the exploitation of children?',
          's-places',
        ),
        indicator(
          'mace.ind.recruiting',
          'Is the child being made to introduce other children to the people harming them?',
          's-recruiting',
        ),
        indicator(
          'mace.ind.school',
          'Is the child absent from school, college or work without explanation, or excluded?',
          's-school-absence',
        ),
        indicator('mace.ind.in_care', 'Is the child in care?', 'v-in-care'),
        indicator(
          'mace.ind.disability',
          'Does the child have a physical or learning disability?',
          'v-disability',
        ),
        indicator(
          'mace.ind.peers_exploited',
          'Is the child connected to other children who are being exploited?',
          'v-peers-exploited',
        ),
        indicator('mace.ind.housing', 'Is the child in insecure or unsuitable accommodation?', 'v-housing'),
        {
          id: 'mace.risk_factors',
          text: 'Risk factors',
          help: 'Give each factor its domain and link the chronology entries it rests on.',
          answer: { type: 'factor_list', kind: 'risk' },
          required: true,
        },
        {
          id: 'mace.protective_factors',
          text: 'Protective factors and strengths',
          help: 'Other children can be protective as well as at risk (seed 001 Table 4.1).',
          answer: {
            type: 'factor_list',
            kind: 'protective',
            suggestedIndicatorRefs: [
              'p-trusted-adult',
              'p-safe-base',
              'p-stable-home',
              'p-consistent-worker',
            ],
          },
          required: true,
        },
      ],
    },
    {
      id: 'connections',
      title: 'Connections',
      intro:
        'Who and what is connected to the harm, so MACE can cross-reference children, persons of concern, places and premises (seed 004). Free text for now; these will link to records.',
      prompts: [
        {
          id: 'mace.connections.persons',
          text: 'Persons of concern',
          help: 'Describe what they do and how they are linked to the child. Never describe them as the child’s boyfriend, girlfriend or partner.',
          answer: { type: 'long_text' },
        },
        { id: 'mace.connections.places', text: 'Places and premises', answer: { type: 'long_text' } },
        {
          id: 'mace.connections.peers',
          text: 'Peers and other children',
          help: 'Other children may also be at risk, or may be protective. The child is never used to gather information about them (seed 001 Table 4.1).',
          answer: { type: 'long_text' },
        },
        { id: 'mace.connections.online', text: 'Online spaces and platforms', answer: { type: 'long_text' } },
        { id: 'mace.connections.vehicles', text: 'Vehicles', answer: { type: 'long_text' } },
      ],
    },
    {
      id: 'young_person',
      title: 'The young person’s view of their own safety',
      prompts: [
        {
          id: 'mace.young_person.safety',
          text: 'How does the young person see their own safety? In their own words.',
          help: 'Their view is heard, not tested: many children do not see what is happening as abuse, and that is never a reason to do less (seed 001 Table 4.1).',
          answer: { type: 'voice', whose: 'child' },
        },
      ],
    },
    {
      id: 'tasks',
      title: 'Tasks to reduce risk',
      prompts: [
        {
          id: 'mace.tasks',
          text: 'Tasks to reduce risk and to disrupt those causing harm',
          help: 'Each task becomes an objective in the child’s plan, with an owner, an agency and a date, and is linked to this assessment. Include disruption of persons of concern and places (seed 004 Appendix 2).',
          answer: { type: 'long_text' },
          required: true,
        },
      ],
    },
  ],
};

const CONNECTIONS_2025_2: InstrumentInput['sections'][number] = {
  id: 'connections',
  title: 'Connections',
  intro:
    'Who and what is connected to the harm, so MACE can cross-reference children, persons of concern, places and premises (seed 004). Link the records held in Contexts: you can link only records you can see, and each reader sees only the linked records they may see. Anything not yet recorded as a context goes in the note at the end.',
  prompts: [
    {
      id: 'mace.connections.persons',
      text: 'Persons of concern',
      help: 'Link the person of concern’s record and say in its note how they are connected to the child. Describe what they do. Never describe them as the child’s boyfriend, girlfriend or partner.',
      answer: { type: 'context_refs', kinds: ['person_of_concern'] },
    },
    {
      id: 'mace.connections.places',
      text: 'Places and premises',
      help: 'Homes, hotels, takeaways, parks, party houses, and the businesses that run premises, such as a hotel or a taxi firm.',
      answer: { type: 'context_refs', kinds: ['place', 'business'] },
    },
    {
      id: 'mace.connections.peers',
      text: 'Peer groups',
      help: 'Other children may also be at risk, or may be protective. A peer group is mapped to reduce harm, not to label the children in it, and the child is never used to gather information about them (seed 001 Table 4.1).',
      answer: { type: 'context_refs', kinds: ['peer_group'] },
    },
    {
      id: 'mace.connections.online',
      text: 'Online spaces and platforms',
      answer: { type: 'context_refs', kinds: ['online_space'] },
    },
    {
      id: 'mace.connections.vehicles',
      text: 'Vehicles',
      answer: { type: 'context_refs', kinds: ['vehicle'] },
    },
    {
      id: 'mace.connections.not_yet_recorded',
      text: 'Connections not yet recorded in Contexts',
      help: 'People, places, peers, online spaces or vehicles that have no record in Contexts yet. Record them in Contexts when you can, so MACE can cross-reference them with other children.',
      answer: { type: 'long_text' },
    },
  ],
};

/**
 * 2025.2: the same assessment, with connections linked to context records instead of free text (the
 * contexts capability now exists). Only the Connections section differs; everything else is 2025.1's.
 * 2025.1 stays published unchanged, so assessments pinned to it keep their free-text connections and
 * still validate. New MACE risk assessments use the newest version.
 */
export const MACE_RISK_ASSESSMENT_2025_2: InstrumentInput = {
  ...MACE_RISK_ASSESSMENT_2025_1,
  version: '2025.2',
  sections: MACE_RISK_ASSESSMENT_2025_1.sections.map((section) =>
    section.id === 'connections' ? CONNECTIONS_2025_2 : section,
  ),
};
