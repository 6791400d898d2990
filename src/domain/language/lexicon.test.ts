import { describe, expect, it } from 'vitest';
import { buildLexicon } from './build.ts';
import { checkText } from './check.ts';
import { FAMILIES, lexiconSchema } from './lexicon.schema.ts';
import { baseLexicon } from './lexicon.ts';

describe('the base lexicon', () => {
  it('is valid against the schema', () => {
    const parsed = lexiconSchema.safeParse(baseLexicon);
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  });

  it('covers every family', () => {
    const families = new Set(baseLexicon.rules.map((r) => r.family));
    expect([...families].sort()).toEqual([...FAMILIES].sort());
  });

  it('speaks as it asks others to: no message or suggestion trips any rule', () => {
    for (const rule of baseLexicon.rules) {
      const own = [rule.message, ...rule.suggestions];
      if (rule.context?.age?.unknown === 'flag') own.push(rule.context.age.message);
      for (const text of own)
        expect(
          checkText(text).findings.map((f) => f.ruleId),
          `${rule.id}: ${text}`,
        ).toEqual([]);
    }
  });

  it('cites a source and offers suggestions for every rule', () => {
    for (const rule of baseLexicon.rules) {
      expect(rule.source.length, rule.id).toBeGreaterThan(10);
      expect(rule.suggestions.length, rule.id).toBeGreaterThan(0);
    }
  });
});

describe.each(baseLexicon.rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has at least one positive and one negative example', () => {
    expect(rule.examples.flagged.length).toBeGreaterThan(0);
    expect(rule.examples.clean.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.flagged)('flags: %s', (text) => {
    const ids = checkText(text).findings.map((f) => f.ruleId);
    expect(ids).toContain(id);
  });

  it.each(rule.examples.clean)('leaves alone: %s', (text) => {
    const ids = checkText(text).findings.map((f) => f.ruleId);
    expect(ids).not.toContain(id);
  });

  it('stops flagging when a partnership disables it', () => {
    const lexicon = buildLexicon(baseLexicon, { disabled: [id] });
    for (const text of rule.examples.flagged) {
      expect(checkText(text, { lexicon }).findings.map((f) => f.ruleId)).not.toContain(id);
    }
  });
});
