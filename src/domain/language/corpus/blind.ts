/**
 * A second batch, written after the rules and the first batch were settled and added without
 * changing any rule to fit it: the benchmark reports it separately as a check that the lexicon is not
 * only good at the text it was tuned on. Some entries are misses on purpose — they record language a
 * reviewer would flag that the lexicon does not yet cover.
 */
import type { CorpusEntry } from './corpus.ts';

const f = (text: string, ...expect: string[]): CorpusEntry => ({ text, expect });

export const blindEntries: CorpusEntry[] = [
  f(
    'Courtney has been putting herself in some very dangerous situations with adults she meets online.',
    'putting-self-at-risk',
  ),
  f('By going to the flat he is placing himself at risk of serious harm.', 'putting-self-at-risk'),
  f('Her decision to keep returning to the address is concerning.', 'keeps-going-back', 'choice-framing'),
  f('Dylan is known to be drug running for older boys from Fernbridge.', 'drug-runner'),
  f('She was found at the address of a 34-year-old male she calls her boyfriend.', 'boyfriend-girlfriend'),
  f('There are concerns she is being sexually exploited but she will not engage.', 'disengaged'),
  f('Ben was a willing participant in the robbery.', 'consent'),
  f('The young person has made a lifestyle choice to be in the gang.', 'lifestyle'),
  f("She doesn't want to engage in direct work.", 'disengaged'),
  f('Kelsey is sexually promiscuous and has had multiple partners.', 'promiscuous'),
  f('She is 15 but is very mature and streetwise.', 'streetwise'),
  f(
    'The 16-year-old was caught running drugs and charged with possession with intent to supply.',
    'drug-runner',
  ),
  f("The police report describes her as a 'prostitute' and his 'girlfriend'."),
  f("Her 'boyfriend', who is 29, has been arrested."),
  f('Mum says she goes off with older men and stays out all night.', 'associating-with-adults'),
  f('He keeps putting himself in situations where he could be hurt.', 'putting-self-at-risk'),
  f('She is a victim of child sexual exploitation and is supported by the specialist team.'),
  f('She is easily led and naive.'),
  f('Nadia has been sexting with a 27-year-old man.', 'contacting-adults'),
  f('She chose not to attend the meeting, which we respect.'),
  f('He has a girlfriend, Maisie, who is 14, and they are in the same tutor group.'),
  f('Her partner, a 25-year-old man, has been violent towards her.', 'relationship-with-adult'),
  f('Records show she was sexually assaulted at 13 and has been sexually active since.', 'sexually-active'),
  f('He is very easily influenced by the olders.'),
  f('We are worried she is being groomed by a man she met on Snapchat.'),
  f('Social worker to complete keep safe work with Ashley.', 'self-protection-burden'),
  f('She was described as consenting to the sexual activity by the officer.', 'consent'),
  f('She ran away from her foster placement and is refusing to engage.', 'disengaged'),
  f('The adults who exploit him are known to police.'),
  f('Lucy (14) told me she has a boyfriend, Tom, who is 18.', 'boyfriend-girlfriend'),
  f('He hangs around with older lads at the skate park.', 'associating-with-adults'),
  f('Staff have noted her dressing older when she goes out.', 'sexualised-dress'),
  f('She is a child and cannot consent; this is rape.'),
  f("She said she was 'not bothered' and disengaged from the session.", 'disengaged'),
  f('Police have treated her as a suspect rather than a victim.'),
  f('Toby was arrested for possession and is being treated as a criminal.', 'child-perpetrator'),
  f('She has been placed at risk by the adults at the house.'),
  f('Her own choices have led to this situation.', 'choice-framing'),
  f('The abuse is not her fault.'),
  f('He is a known absconder from local authority care.', 'absconded'),
  f('She is wise beyond her years.', 'mature-for-age'),
  f('Concerns that she is trading sex for drugs at the flat on Mill Road.', 'sex-in-exchange'),
  f('Amira is being exploited; the men give her vodka and cigarettes.'),
  f('She became pregnant by her 23-year-old boyfriend.', 'boyfriend-girlfriend'),
  f('He is at the centre of a drug-running operation.', 'drug-runner'),
  f('The unit reported that he had gone missing again at 11pm.'),
  f('She has been involved with a number of older men.', 'involved-in-exploitation'),
  f('He told his mentor he is “just a runner” and “not in a gang”.'),
  f('Her friends say she is seeing a man of 30.', 'relationship-with-adult'),
  f('She is being supported to understand that what happened was not her fault.'),
];
