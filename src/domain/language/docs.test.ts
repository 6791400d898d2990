import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRuleTable } from './docs.ts';
import { baseLexicon } from './lexicon.ts';

const docsPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/language.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

describe('docs/language.md', () => {
  it('lists every rule exactly as the lexicon defines it', () => {
    const doc = readFileSync(docsPath, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    expect(from, 'the rule table markers are missing').toBeGreaterThanOrEqual(0);
    const expected = `${START}\n${renderRuleTable(baseLexicon)}\n${END}`;
    const actual = doc.slice(from, to + END.length);
    // Regenerate with: UPDATE_LANGUAGE_DOCS=1 npx vitest run src/domain/language/docs.test.ts
    if (process.env.UPDATE_LANGUAGE_DOCS === '1' && actual !== expected) {
      writeFileSync(docsPath, doc.slice(0, from) + expected + doc.slice(to + END.length));
      return;
    }
    expect(actual).toBe(expected);
  });
});
