/**
 * Words professionals use that young people should not have to decode, with plain replacements. "Young
 * people don't understand those words anyway" (seed 003 §4.14); written assessments shared with
 * families were found full of jargon (seed 001 §3.5, Ofsted 2015). Replacements never name the child as
 * the problem, and avoid labels young people dislike (seed 003 §7.1) in favour of saying what happens.
 *
 * Acronyms are matched with their capitals; other terms in any case. Longer terms win over shorter ones.
 */

export interface GlossaryEntry {
  readonly terms: readonly string[];
  readonly plain: string;
}

export const GLOSSARY_SOURCE =
  'seed 003 §4.14 ("Young people don’t understand those words anyway") and Rec 23; seed 001 §3.5 (Ofsted 2015: "jargon was used"); PRODUCT §5 glossary';

export const PLAIN_LANGUAGE_GLOSSARY: readonly GlossaryEntry[] = [
  {
    terms: ['MACE', 'MACE meeting', 'multi-agency child exploitation meeting'],
    plain: 'a meeting where different services work together to keep young people safe',
  },
  {
    terms: [
      'section 47 enquiry',
      'section 47 enquiries',
      's47 enquiry',
      's47 enquiries',
      'section 47',
      's47',
      's.47',
    ],
    plain: 'checks we have to make when we are worried a child is being harmed',
  },
  { terms: ['section 17', 's17', 's.17'], plain: 'extra help from children’s services' },
  { terms: ['CSE', 'child sexual exploitation', 'sexual exploitation'], plain: 'sexual abuse' },
  {
    terms: ['CCE', 'child criminal exploitation', 'criminal exploitation', 'county lines'],
    plain: 'being made to do crime for other people',
  },
  {
    terms: ['CAWN', 'child abduction warning notice'],
    plain: 'a police warning telling an adult to stay away from you',
  },
  {
    terms: ['SHPO', 'sexual harm prevention order', 'SRO', 'sexual risk order', 'STPO', 'STRO'],
    plain: 'a court order that stops someone harming children',
  },
  {
    terms: ['NRM', 'national referral mechanism'],
    plain: 'a way of getting you extra protection and support',
  },
  {
    terms: ['RHI', 'return home interview', 'return interview'],
    plain: 'a chat after you come back, to check you are OK',
  },
  {
    terms: ['strategy meeting', 'strategy discussion'],
    plain: 'a meeting of the people working to keep you safe',
  },
  { terms: ['CP plan'], plain: 'child protection plan' },
  { terms: ['CIN plan', 'CIN'], plain: 'child in need plan' },
  { terms: ['LAC', 'CLA', 'looked after child', 'child looked after'], plain: 'a child in care' },
  { terms: ['CAMHS'], plain: 'the mental health service for young people' },
  {
    terms: ['ISVA', 'ChISVA', 'CHISVA'],
    plain: 'a support worker who helps you if you report what happened or there is a court case',
  },
  { terms: ['ABE interview', 'ABE'], plain: 'a video interview with the police' },
  { terms: ['CPS'], plain: 'the people who decide if a case goes to court' },
  { terms: ['persons of concern', 'people of concern'], plain: 'people we are worried about' },
  { terms: ['person of concern', 'PoC'], plain: 'a person we are worried about' },
  { terms: ['perpetrators'], plain: 'people who harm young people' },
  { terms: ['perpetrator'], plain: 'the person who is harming young people' },
  {
    terms: ['disruption plan', 'disruption strategy'],
    plain: 'a plan to stop the people who harm young people',
  },
  { terms: ['disruption'], plain: 'stopping people who harm young people' },
  { terms: ['disrupting'], plain: 'stopping' },
  { terms: ['disrupted'], plain: 'stopped' },
  { terms: ['disrupts'], plain: 'stops' },
  { terms: ['disrupt'], plain: 'stop' },
  {
    terms: ['designated safeguarding lead', 'safeguarding lead', 'DSL'],
    plain: 'the person at school who keeps children safe',
  },
  { terms: ['safeguarding'], plain: 'keeping you safe' },
  { terms: ['safeguard'], plain: 'keep safe' },
  { terms: ['multi-agency', 'multiagency'], plain: 'different services working together' },
  { terms: ['intelligence'], plain: 'information' },
  { terms: ['MASH'], plain: 'the team that first looks at worries about children' },
  {
    terms: ['YOT', 'YJS', 'youth offending team', 'youth offending service', 'youth justice service'],
    plain: 'the youth justice team',
  },
  { terms: ['RAF', 'risk analysis framework', 'risk analysis'], plain: 'our assessment' },
  { terms: ['EHA', 'early help assessment'], plain: 'a talk with your family about the help you need' },
  { terms: ['missing episodes'], plain: 'times you were missing' },
  { terms: ['missing episode'], plain: 'time you were missing' },
  { terms: ['placement move', 'placement change'], plain: 'a move to a new home' },
  { terms: ['IRO', 'independent reviewing officer'], plain: 'the person who checks your plan is working' },
  { terms: ['statutory plan'], plain: 'your main plan with children’s services' },
  { terms: ['LADO'], plain: 'the person who checks on adults who work with children' },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An all-capitals single word ("CIN", "MACE"): matched only in capitals. */
const isAcronym = (term: string) => /^[A-Z][A-Z0-9.]+$/.test(term);

export interface CompiledGlossary {
  /**
   * Finds candidate terms, longest first, with the article before them if any (group 1: the article,
   * group 2: the term); `lookup` decides whether a candidate is really a term.
   */
  readonly regex: RegExp;
  readonly lookup: (matched: string) => GlossaryEntry | undefined;
}

export function compileGlossary(glossary: readonly GlossaryEntry[]): CompiledGlossary {
  const exact = new Map<string, GlossaryEntry>();
  const folded = new Map<string, GlossaryEntry>();
  const terms: string[] = [];
  for (const entry of glossary) {
    for (const term of entry.terms) {
      terms.push(term);
      if (isAcronym(term)) exact.set(term, entry);
      else folded.set(term.toLowerCase(), entry);
    }
  }
  terms.sort((a, b) => b.length - a.length);
  return {
    regex: new RegExp(`(?<![\\w-])(?:(a|an|the)\\s+)?(${terms.map(escapeRegExp).join('|')})(?![\\w-])`, 'gi'),
    // Acronyms keep their case: "CIN" is jargon, "cin" is not a word anyone writes.
    lookup: (matched) => exact.get(matched) ?? folded.get(matched.toLowerCase()),
  };
}
