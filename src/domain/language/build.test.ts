import { describe, expect, it } from 'vitest';
import { buildLexicon, LexiconError } from './build.ts';
import { checkText } from './check.ts';
import type { Rule } from './lexicon.schema.ts';
import { baseLexicon, LEXICON_VERSION } from './lexicon.ts';

const localRule: Rule = {
  id: 'pocket-money-framing',
  family: 'exchange',
  severity: 'medium',
  patterns: ['@earn ...1 pocket money'],
  message: 'Money given by an adult who is abusing a child is not pocket money she earned.',
  suggestions: ['[who] gives her money as part of grooming her'],
  source: 'Fernbridge partnership practice note (fictional)',
  negation: 'adjacent',
  examples: {
    flagged: ['She earns pocket money from the men.'],
    clean: ['She earns pocket money at the bakery.'],
  },
};

describe('buildLexicon', () => {
  it('returns the base lexicon unchanged, with the base version, when nothing is changed', () => {
    expect(buildLexicon(baseLexicon).version).toBe(LEXICON_VERSION);
  });

  it('switches off disabled rules and records a local version', () => {
    const lexicon = buildLexicon(baseLexicon, { disabled: ['streetwise'] });
    expect(lexicon.version).toMatch(
      new RegExp(`^${LEXICON_VERSION.replace(/\./g, '\\.')}\\+local\\.[0-9a-f]{8}$`),
    );
    expect(checkText('She is streetwise.', { lexicon }).findings).toEqual([]);
    expect(checkText('She is streetwise.').findings.map((f) => f.ruleId)).toEqual(['streetwise']);
    expect(checkText('She is streetwise.', { lexicon }).lexiconVersion).toBe(lexicon.version);
  });

  it('adds a partnership’s own rule, with its own word set, without code changes', () => {
    const lexicon = buildLexicon(baseLexicon, {
      added: [localRule],
      sets: { earn: ['earn', 'earns', 'earned'] },
    });
    const [finding] = checkText('She earns pocket money from the men.', { lexicon }).findings;
    expect(finding).toMatchObject({
      ruleId: 'pocket-money-framing',
      source: localRule.source,
      family: 'exchange',
    });
  });

  it('gives the same content the same version, and different content a different one', () => {
    const a = buildLexicon(baseLexicon, { disabled: ['streetwise', 'absconded'] });
    const b = buildLexicon(baseLexicon, { disabled: ['absconded', 'streetwise'] });
    const c = buildLexicon(baseLexicon, { disabled: ['absconded'] });
    expect(a.version).toBe(b.version);
    expect(c.version).not.toBe(a.version);
  });

  it('replaces a base rule when the same id is disabled and added', () => {
    const replacement: Rule = {
      ...localRule,
      id: 'streetwise',
      family: 'adultifying',
      patterns: ['street ...1 savvy'],
    };
    const lexicon = buildLexicon(baseLexicon, { disabled: ['streetwise'], added: [replacement] });
    expect(checkText('She is streetwise.', { lexicon }).findings).toEqual([]);
    expect(checkText('She is street savvy.', { lexicon }).findings.map((f) => f.source)).toEqual([
      localRule.source,
    ]);
  });

  it('refuses an unknown disabled id, so a typo cannot leave a rule running unnoticed', () => {
    expect(() => buildLexicon(baseLexicon, { disabled: ['streetwize'] })).toThrow(
      /unknown rule\(s\): streetwize/,
    );
  });

  it('refuses an added rule that clashes with a base rule, is malformed, or has a broken pattern', () => {
    expect(() => buildLexicon(baseLexicon, { added: [{ ...localRule, id: 'streetwise' }] })).toThrow(
      LexiconError,
    );
    expect(() => buildLexicon(baseLexicon, { added: [{ ...localRule, source: '' }] })).toThrow(LexiconError);
    expect(() => buildLexicon(baseLexicon, { added: [{ ...localRule, id: 'Not Kebab' }] })).toThrow(/kebab/);
    expect(() => buildLexicon(baseLexicon, { added: [localRule] })).toThrow(/unknown word set @earn/);
    expect(() =>
      buildLexicon(baseLexicon, { added: [{ ...localRule, examples: { flagged: [], clean: ['x'] } }] }),
    ).toThrow(LexiconError);
  });

  it('refuses to redefine a base word set', () => {
    expect(() => buildLexicon(baseLexicon, { sets: { reflexive: ['herself'] } })).toThrow(/reflexive/);
  });

  it('never changes the base lexicon', () => {
    const before = JSON.stringify(baseLexicon);
    buildLexicon(baseLexicon, { disabled: ['streetwise'], added: [localRule], sets: { earn: ['earns'] } });
    expect(JSON.stringify(baseLexicon)).toBe(before);
    expect(Object.isFrozen(baseLexicon.rules)).toBe(true);
  });
});

describe('checkText with a hand-built lexicon', () => {
  it('refuses a lexicon that fails the schema instead of silently matching nothing', () => {
    const broken = { ...baseLexicon, rules: [{ ...localRule, patterns: ['at risk?'] }] };
    expect(() => checkText('anything', { lexicon: broken })).toThrow(LexiconError);
  });
});
