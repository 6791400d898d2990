/**
 * The Risk Analysis Framework (RAF), as versioned data (seed 004, "North Lincolnshire Risk Analysis in
 * relation to Child Exploitation" and "Risk Analysis Framework").
 *
 * The RAF is structured professional judgement: risk and protective factors in the three domains of
 * the Assessment Framework, the balance between them, what that means for this child on a continuum
 * from no significant risk to severe, what needs to change, and the plan to change it. Indicator guide
 * items appear as reminders ("considered in the RAF", seed 004); they are prompts, never a score.
 *
 * To change it, add a new constant with a new version below this one and register it: assessments
 * already made pin the version they used and are never re-read against a newer one.
 */
import { DEFAULT_CONTINUUM } from './continuum.ts';
import type { InstrumentInput } from './schema.ts';

const GUIDE_PROMPT =
  'A reminder from the CSE/CCE Vulnerabilities and Risk Indicators Guide: a prompt for professional curiosity, not a score. If it matters for this child, record it as a factor below with its evidence.';

export const RAF_2025_1: InstrumentInput = {
  id: 'raf',
  version: '2025.1',
  title: 'Risk Analysis Framework',
  source:
    'seed 004, "North Lincolnshire Risk Analysis in relation to Child Exploitation" and "Risk Analysis Framework"; the three domains of the Assessment Framework (DH, DfEE and Home Office 2000)',
  purpose:
    'To understand what is happening for this child: what puts their wellbeing at risk, what protects them, how these balance, what that means for them, and what needs to change. It is repeated at plan reviews and whenever something significant changes.',
  continuum: DEFAULT_CONTINUUM,
  judgementGuidance: {
    analysis:
      'In your own words, what is happening for this child? Think about more than one explanation, about what the child and family say, and about the people and places around the child. This is not a list or a tick-box exercise (seed 001 §4.2).',
    balance:
      'Weigh the risk factors against the protective factors: are there enough protective factors in place to balance the risks (seed 004)? Static history weighs less than what is happening now (seed 003 §4.26).',
    level:
      'What does this mean for this child? Place your judgement on the continuum and explain why in the rationale. Nothing is added up: how many prompts were ticked never sets or limits the level.',
    harm: 'Is exploitation suspected, or known to be happening? A child already being harmed is a victim, not "high risk" (seed 000). You do not need a disclosure to record what you suspect.',
    needsToChange:
      'What needs to change to reduce the risk, and who needs to change it? Start with the people and places causing harm and the adults who can protect; the child is never asked to stop their own abuse (seed 000 key theme 4).',
  },
  sections: [
    {
      id: 'context',
      title: 'Why this analysis now',
      prompts: [
        {
          id: 'context.reason',
          text: 'Why is this analysis being done now?',
          answer: {
            type: 'choice',
            options: [
              { id: 'first_analysis', label: 'First analysis' },
              { id: 'plan_review', label: 'Review of the child’s plan' },
              {
                id: 'significant_change',
                label:
                  'A significant change (for example a missing episode, a change in the family, new evidence)',
              },
              { id: 'other', label: 'Another reason' },
            ],
          },
          help: 'The analysis is repeated at milestones such as reviews of the child’s plan and when significant change occurs (seed 004).',
          required: true,
        },
        {
          id: 'context.what_changed',
          text: 'What has changed since the last analysis?',
          answer: { type: 'long_text' },
        },
        {
          id: 'context.chronology',
          text: 'Chronology entries you have read for this analysis',
          help: 'Establishing a clear chronology, from the child’s perspective, gives insight into their experiences (seed 001 §4.2).',
          answer: { type: 'evidence_links' },
        },
      ],
    },
    {
      id: 'developmental_needs',
      title: 'Child’s developmental needs',
      domain: 'developmental_needs',
      intro:
        'Health, education, emotional wellbeing, identity, relationships and self-care. Behaviour that worries adults is often a response to harm, a survival strategy or a way of meeting unmet needs (seed 004 Appendix 1).',
      prompts: [
        {
          id: 'dev.prior_abuse',
          text: 'Has the child experienced neglect, physical or sexual abuse?',
          indicatorRef: 'v-prior-abuse',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'dev.disability',
          text: 'Does the child have a physical or learning disability?',
          indicatorRef: 'v-disability',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'dev.wellbeing',
          text: 'Has there been self-harm, thoughts of suicide or a marked change in the child’s emotional wellbeing?',
          indicatorRef: 's-self-harm',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'dev.education',
          text: 'Is the child missing out on the education they should have (excluded, reduced timetable, absent)?',
          indicatorRef: 'v-education',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'dev.missing',
          text: 'Has the child been missing from home or care, or come back late without explanation?',
          indicatorRef: 's-missing',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'dev.substances',
          text: 'Has the child been given drugs or alcohol, or come home under their influence?',
          indicatorRef: 's-substances',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'dev.online',
          text: 'Has anyone contacted the child online in a worrying way, including asking for images?',
          indicatorRef: 's-online',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'dev.risk_factors',
          text: 'Risk factors in the child’s developmental needs',
          help: 'Describe what was seen or said, by whom, and link the chronology entries. Say whether each is verified.',
          answer: {
            type: 'factor_list',
            kind: 'risk',
            domain: 'developmental_needs',
            suggestedIndicatorRefs: [
              'v-prior-abuse',
              'v-disability',
              'v-mental-health',
              'v-education',
              's-self-harm',
            ],
          },
          required: true,
        },
        {
          id: 'dev.protective_factors',
          text: 'Protective factors and strengths in the child’s developmental needs',
          help: 'Strengths matter as much as concerns: a tool without them is a deficit model (seed 001 §4.10; seed 003 Rec 10). Resilience is never a substitute for support (seed 004).',
          answer: {
            type: 'factor_list',
            kind: 'protective',
            domain: 'developmental_needs',
            suggestedIndicatorRefs: ['p-trusted-adult', 'p-education', 'p-interests', 'p-knows-help'],
          },
          required: true,
        },
      ],
    },
    {
      id: 'parenting_capacity',
      title: 'Parenting capacity',
      domain: 'parenting_capacity',
      intro:
        'How the child’s parents or carers meet their needs and can protect them. Where it is safe, parents and carers are part of the solution and may need support themselves (seed 004, "Working with families").',
      prompts: [
        {
          id: 'parenting.aware',
          text: 'Do the parents or carers know about the concerns, where it is safe for them to know?',
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'parenting.support_needed',
          text: 'What help do the parents or carers need to keep their child safe?',
          answer: { type: 'long_text' },
        },
        {
          id: 'parenting.risk_factors',
          text: 'Risk factors in parenting capacity',
          answer: { type: 'factor_list', kind: 'risk', domain: 'parenting_capacity' },
          required: true,
        },
        {
          id: 'parenting.protective_factors',
          text: 'Protective factors and strengths in parenting capacity',
          answer: {
            type: 'factor_list',
            kind: 'protective',
            domain: 'parenting_capacity',
            suggestedIndicatorRefs: ['p-safe-base'],
          },
          required: true,
        },
      ],
    },
    {
      id: 'family_and_environment',
      title: 'Family and environmental factors',
      domain: 'family_and_environment',
      intro:
        'The family, home, neighbourhood, school, peer groups, online spaces and the people around the child. In exploitation the harm is usually outside the home (seed 004).',
      prompts: [
        {
          id: 'env.unsafe_home',
          text: 'Is the child without a safe, stable home now or in the past?',
          indicatorRef: 'v-unsafe-home',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'env.housing',
          text: 'Is the child homeless or in insecure or unsuitable accommodation?',
          indicatorRef: 'v-housing',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'env.in_care',
          text: 'Is the child in care, particularly residential care or with interrupted care?',
          indicatorRef: 'v-in-care',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'env.peers_exploited',
          text: 'Is the child connected to other children who are being exploited?',
          indicatorRef: 'v-peers-exploited',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'env.controlling_adults',
          text: 'Is the child in contact with, or controlled by, significantly older people or groups?',
          indicatorRef: 's-older-controlling',
          help: GUIDE_PROMPT,
          answer: { type: 'yes_no_unknown' },
        },
        {
          id: 'env.contexts',
          text: 'People, places, peer groups, online spaces and vehicles linked to the concern',
          help: 'Free text for now; these will link to context records. Describe persons of concern by what they do, never as the child’s partner.',
          answer: { type: 'long_text' },
        },
        {
          id: 'env.risk_factors',
          text: 'Risk factors in the family and environment',
          answer: {
            type: 'factor_list',
            kind: 'risk',
            domain: 'family_and_environment',
            suggestedIndicatorRefs: [
              'v-unsafe-home',
              'v-housing',
              'v-gang-area',
              'v-peers-exploited',
              's-places',
            ],
          },
          required: true,
        },
        {
          id: 'env.protective_factors',
          text: 'Protective factors and strengths in the family and environment',
          answer: {
            type: 'factor_list',
            kind: 'protective',
            domain: 'family_and_environment',
            suggestedIndicatorRefs: ['p-stable-home', 'p-friendships', 'p-consistent-worker'],
          },
          required: true,
        },
      ],
    },
  ],
};
