import { describe, expect, it } from 'vitest';
import { checkText } from './check.ts';
import { LEXICON_VERSION } from './lexicon.ts';

const ids = (text: string, childAge?: number) => checkText(text, { childAge }).findings.map((f) => f.ruleId);
const spans = (text: string) => checkText(text).findings.map((f) => f.text);

describe('a finding', () => {
  it('carries the rule, the exact span, positions, a reason, a source and suggestions', () => {
    const text = 'Visit note.\nJaimie is putting herself at risk.';
    const result = checkText(text);
    expect(result.lexiconVersion).toBe(LEXICON_VERSION);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      ruleId: 'putting-self-at-risk',
      family: 'responsibility',
      severity: 'high',
      text: 'putting herself at risk',
      line: 2,
      column: 11,
      endLine: 2,
      endColumn: 34,
    });
    expect(text.slice(finding?.start, finding?.end)).toBe('putting herself at risk');
    expect(finding?.message.length).toBeGreaterThan(20);
    expect(finding?.source).toMatch(/Seed 000/);
    expect(finding?.suggestions.length).toBeGreaterThan(0);
  });

  it('is listed in the order it appears in the text', () => {
    const text = 'She is streetwise. He is hard to engage. She is a child prostitute.';
    expect(ids(text)).toEqual(['streetwise', 'hard-to-engage', 'child-prostitution']);
  });

  it('gives correct lines and columns across several lines and Windows line endings', () => {
    const text = 'Line one is fine.\r\nLine two is fine.\r\n\r\n  He is streetwise and\r\n  hard to engage.';
    const findings = checkText(text).findings;
    expect(findings.map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ['streetwise', 4, 9, 4, 19],
      ['hard-to-engage', 5, 3, 5, 17],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reports a phrase broken over a line with its start and end lines', () => {
    const [finding] = checkText('She is putting herself\nat risk.').findings;
    expect(finding).toMatchObject({
      line: 1,
      column: 8,
      endLine: 2,
      endColumn: 8,
      text: 'putting herself\nat risk',
    });
  });
});

describe('matching words', () => {
  it.each([
    'She puts herself at risk.',
    'She put herself at risk.',
    'She is putting herself at risk.',
    'He placed himself at risk.',
    'He places himself at risk.',
    'They are placing themselves at risk.',
    'Jordan is putting themself at risk.',
    'She is putting herself at serious risk.',
    'She is putting herself at very serious risk.',
    'She is putting herself in danger.',
    "She is putting herself in harm's way.",
    'She is putting herself in harm’s way.',
    'SHE IS PUTTING HERSELF AT RISK.',
  ])('finds inflections, gaps and any case: %s', (text) => {
    expect(ids(text)).toEqual(['putting-self-at-risk']);
  });

  it('does not reach across a sentence', () => {
    expect(ids('She was putting herself forward. At risk meetings she speaks up.')).toEqual([]);
  });

  it('does not allow more words in a gap than the rule says', () => {
    expect(ids('She is putting herself, her friends and her sister at risk.')).toEqual([]);
  });

  it.each([
    ['She has settled into her placement.', 'a pattern word inside a longer word'],
    ['Her brother is the frontrunner.', '"runner" inside "frontrunner"'],
    ['Her consultant reviewed her medication.', 'not "consent"'],
    ['The streetlights are broken.', 'not "streetwise"'],
    ['She is a keen runner.', '"runner" on its own, without "drug" or "for"'],
  ])('never matches inside another word: %s (%s)', (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('quoted speech is someone’s own words and is never flagged', () => {
  it.each([
    'She said "I keep putting myself at risk, I put herself at risk".',
    'She said “I am his girlfriend and he is 25”.',
    "He said 'I'm a drug runner, that's all'.",
    'He said ‘I’m a drug runner, that’s all’.',
    'Her words: "It was consensual".',
  ])('%s', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('still flags the writer’s own words around a quotation', () => {
    expect(ids('She said "I love him" but she is putting herself at risk.')).toEqual([
      'putting-self-at-risk',
    ]);
    expect(ids('She said ‘no’. He is a drug runner.')).toEqual(['drug-runner']);
  });

  it('does not mistake apostrophes for quotation marks', () => {
    expect(ids("She didn't come home; she's putting herself at risk.")).toEqual(['putting-self-at-risk']);
    expect(ids("The girls' worker says she is hard to engage.")).toEqual(['hard-to-engage']);
    expect(ids('She didn’t come home; she’s putting herself at risk.')).toEqual(['putting-self-at-risk']);
  });

  it('does not let a stray quotation mark hide the rest of the note', () => {
    expect(ids('She said "no.\n\nShe is putting herself at risk.')).toEqual(['putting-self-at-risk']);
  });
});

describe('negation, decided per rule', () => {
  it('exempts a responsibility phrase negated in its clause', () => {
    expect(ids('There is no suggestion she was putting herself at risk.')).toEqual([]);
    expect(ids('She was not putting herself at risk.')).toEqual([]);
    expect(ids('Rather than putting herself at risk, she is being targeted.')).toEqual([]);
    expect(ids('No child puts themselves at risk.')).toEqual([]);
  });

  it('does not let a negation in another clause, or "no longer", exempt it', () => {
    expect(ids('She was not at school, and she is putting herself at risk.')).toEqual([
      'putting-self-at-risk',
    ]);
    expect(ids('She is not in school and is putting herself at risk.')).toEqual(['putting-self-at-risk']);
    expect(ids('She is no longer putting herself at risk.')).toEqual(['putting-self-at-risk']);
  });

  it('exempts an abolished term only when it is directly corrected', () => {
    expect(ids('She is not a child prostitute, she is a victim.')).toEqual([]);
    expect(ids('There is no such thing as a child prostitute.')).toEqual([]);
    expect(ids('There is no evidence she is a child prostitute.')).toEqual(['child-prostitution']);
  });

  it('never exempts engagement words: "not engaging" is the blaming phrase', () => {
    expect(ids('She is not engaging.')).toEqual(['disengaged']);
    expect(ids("She didn't engage with the visit.")).toEqual(['disengaged']);
    expect(ids("She won't engage with anyone.")).toEqual(['disengaged']);
  });

  it('lets the writer deny an engagement label directly: "never hard to engage" is not blame', () => {
    expect(ids('He was never hard to engage.')).toEqual([]);
    expect(ids('He is hard to engage.')).toEqual(['hard-to-engage']);
  });

  it('exempts a direct correction of exchange framing, not a doubt about it', () => {
    expect(ids('She was not selling sex; she was being raped.')).toEqual([]);
    expect(ids('There is no evidence she was selling sex.')).toEqual(['selling-sex']);
  });

  it('exempts consent words when the sentence says there was none', () => {
    expect(ids('She did not consent.')).toEqual([]);
    expect(ids('It was not consensual.')).toEqual([]);
    expect(ids('This was non-consensual.')).toEqual([]);
    expect(ids('It was consensual.')).toEqual(['consent']);
  });
});

describe('relationship words depend on who the other person is', () => {
  it('flags an adult or older partner with high severity', () => {
    for (const text of [
      'Her boyfriend, who is 24, collects her.',
      'Her boyfriend is a man in his twenties.',
      'Her older boyfriend collects her.',
      'Her boyfriend is a person of concern.',
    ]) {
      const [finding] = checkText(text).findings;
      expect(finding, text).toMatchObject({ ruleId: 'boyfriend-girlfriend', severity: 'high' });
    }
  });

  it('leaves a peer of the same or similar age alone', () => {
    expect(ids('Her boyfriend, who is also 15, walked her home.')).toEqual([]);
    expect(ids('Her girlfriend (14) was with her.')).toEqual([]);
    expect(ids('She is in a relationship with a boy in her class.')).toEqual([]);
    expect(ids('She had sex with her boyfriend, who is the same age.')).toEqual([]);
  });

  it('asks the writer to state the age, with low severity, when nothing shows it', () => {
    const [finding] = checkText('She spent the weekend with her boyfriend.').findings;
    expect(finding).toMatchObject({ ruleId: 'boyfriend-girlfriend', severity: 'low' });
    expect(finding?.message).toMatch(/age/);
  });

  it('sees a large age gap between two children, including from the child’s recorded age', () => {
    expect(ids('Ella (13) says her 17-year-old boyfriend buys her vapes.')).toEqual(['boyfriend-girlfriend']);
    expect(ids('Her boyfriend is 17.', 13)).toEqual(['boyfriend-girlfriend']);
    expect(ids('Her boyfriend is 17.', 16)).toEqual([]);
  });

  it('does not flag a parent’s partner', () => {
    expect(ids("Her mum's boyfriend, aged 35, attended.")).toEqual([]);
  });

  it('flags "relationship" only when the other person is an adult or much older', () => {
    expect(ids('She is in a relationship with a 24-year-old man.')).toEqual(['relationship-with-adult']);
    expect(ids('She has a good relationship with her foster carer, who is 45.')).toEqual([]);
    expect(ids('She is in a relationship.')).toEqual([]);
  });
});

describe('overlapping findings', () => {
  it('reports an abolished term once, not again as exchange framing', () => {
    expect(spans('She was called a child prostitute.')).toEqual(['child prostitute']);
  });

  it('keeps a more severe word inside a milder phrase', () => {
    expect(ids('Staff believe she is involved in prostitution.')).toEqual([
      'involved-in-exploitation',
      'prostitution-sex-work',
    ]);
  });

  it('merges overlapping matches of one rule into the longest', () => {
    expect(spans('She is trading sex for drugs.')).toEqual(['trading sex for drugs']);
  });

  it('keeps two different problems that only partly overlap', () => {
    expect(ids('She agreed to have sex with them in exchange for a room.')).toEqual([
      'consent',
      'sex-in-exchange',
    ]);
  });
});

describe('professional use is not flagged', () => {
  it.each([
    'Mum consented to information being shared with the police.',
    'Officers found child sexual abuse material on his phone.',
    'The men who exploited her have been charged.',
    'Services have not yet found a way to engage her.',
    'The man was non-compliant with his bail conditions.',
    'He was moved to the Young Offender Institution.',
    'Her sexualised behaviour at nursery was raised with the GP.',
    'She tried to protect herself from him.',
  ])('%s', (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('speed', () => {
  it('checks a long note without trouble', () => {
    const note = 'She is hard to engage and her boyfriend is 24. The men are exploiting her. '.repeat(150);
    const result = checkText(note);
    expect(result.findings.length).toBe(300);
  });
});
