/**
 * Exchange and transaction framing: "selling sex", "sex for drugs", "prostitution". These present
 * the abuse of a child as a trade the child entered. Seed 000 also shows how an unverified "selling
 * sex for drugs" in one file was repeated as fact by most professionals who read it.
 */
import type { Rule } from '../lexicon.schema.ts';
import { cite, LANGUAGE_MATTERS, SEED_000, SEED_001 } from './sources.ts';

// "Her mother was involved in prostitution": adults' lives are described in adults' terms.
const ADULT_SUBJECTS =
  "mother|mum|mom|mother's|mum's|aunt|adult|adults|woman|women|stepmother|grandmother|nan|landlord|brothel|premises|parlour|parlours|area|areas|district|streets";

export const exchangeRules: Rule[] = [
  {
    id: 'selling-sex',
    family: 'exchange',
    severity: 'high',
    patterns: [
      '@sell sex|sexual',
      '@sell sex ...1 for ...2 drugs|money|cash|alcohol|food|somewhere|accommodation|cigarettes|vapes|gifts',
      '@sell @reflexive',
      '@sell @poss body|bodies',
    ],
    message:
      'A child is never "selling sex": adults are buying, arranging or forcing the sexual abuse of a child. Unverified, the phrase also gets repeated from file to file as fact.',
    suggestions: [
      'is being sexually exploited by [who], who [gives her drugs / money] and abuses her',
      'adults are paying to sexually abuse [name]',
      '[source] reports that [name] is being sexually exploited (unverified)',
    ],
    source: cite(
      `${SEED_000} row 6 (the Jaimie scenario: an unverified "selling sex for drugs" taken as fact)`,
    ),
    negation: 'adjacent',
    context: { exceptAfter: { phrases: ['short'], window: 0 } },
    note: 'Only a direct correction ("she was not selling sex; she was being raped") is exempt. "No evidence she was selling sex" keeps the frame alive in the record and is flagged: write "no evidence she is being sexually exploited" instead.',
    examples: {
      flagged: [
        'Records say she is selling sex for drugs.',
        'He has been selling himself in the town centre.',
        'There are rumours she sold her body for a place to stay.',
        'There is no evidence she was selling sex.',
      ],
      clean: [
        'She was not selling sex; she was being raped by adults who gave her drugs.',
        'The shop was selling alcohol to under-18s.',
        'He sells himself short in interviews.',
      ],
    },
  },
  {
    id: 'sex-in-exchange',
    family: 'exchange',
    severity: 'high',
    patterns: [
      'sex|sexual ...1 for ...1 drugs|money|cash|alcohol|food|cigarettes|vapes|gifts|lifts|accommodation|somewhere|credit|favours',
      '@exchange|@trade|@swap sex|sexual|herself|himself',
      'in exchange|return for ...2 sex|sexual',
      'sex ...4 in exchange|return for',
      'transactional',
      'paid|pays|paying|payment ...1 for sex',
      'sexual favours|favors',
    ],
    message:
      'Describing abuse as an exchange ("sex for drugs", "in return for sex") implies the child made a deal. The adult used what the child needed in order to abuse her.',
    suggestions: [
      'is being sexually exploited by [who], who uses [drugs / money / a place to stay] to abuse her',
      '[who] gives her [what] and then sexually abuses her',
    ],
    source: cite(`${SEED_000} rows 6–7`, LANGUAGE_MATTERS),
    negation: 'adjacent',
    examples: {
      flagged: [
        'She is thought to be trading sex for somewhere to stay.',
        'Men were offering her drugs seemingly in return for sex.',
        'This appears to be a transactional relationship.',
        'He was given cash in exchange for sexual favours.',
      ],
      clean: [
        'Men have been giving her drugs and then sexually abusing her.',
        'She exchanged numbers with a girl from school.',
        'Staff are worried about a man who gives her lifts.',
      ],
    },
  },
  {
    id: 'prostitution-sex-work',
    family: 'exchange',
    severity: 'high',
    patterns: ['prostitut*', 'sex work|worker|workers', 'rent boy|boys', 'working as an? escort'],
    message:
      '"Prostitution" and "sex work" describe a trade an adult enters. About a child they hide sexual exploitation and abuse.',
    suggestions: [
      'is being sexually exploited by [who]',
      'adults are arranging for [name] to be sexually abused by others',
      'has been trafficked for sexual exploitation to [place]',
    ],
    source: cite(`${SEED_000} rows 1 and 3`, SEED_001),
    negation: 'adjacent',
    context: { exceptBefore: { phrases: [ADULT_SUBJECTS, 'known for'], window: 4 } },
    note: 'About an adult (a parent\'s history, adult premises) the words are not flagged. "Child prostitution" is reported once, by the abolished-terms rule.',
    examples: {
      flagged: [
        'Staff believe she is involved in prostitution.',
        'She is working as a prostitute in the town centre.',
        'He was described as a rent boy by officers.',
      ],
      clean: [
        'Her mother has a history of prostitution.',
        'She is not a prostitute; she is a child being sexually exploited.',
        'Adult sex workers in the area told outreach staff about a young girl at the hotel.',
        'She has been seen in areas known for sex work.',
      ],
    },
  },
];
