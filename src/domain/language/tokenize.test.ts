import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

const words = (text: string) => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('lower-cases words and keeps their offsets', () => {
    const [first, second] = tokenize('She PUTS');
    expect(first).toMatchObject({ norm: 'she', start: 0, end: 3 });
    expect(second).toMatchObject({ norm: 'puts', start: 4, end: 8 });
  });

  it('splits hyphenated words and keeps apostrophes inside words', () => {
    expect(words("risk-taking didn't mum's")).toEqual(['risk', 'taking', "didn't", "mum's"]);
    expect(words('didn’t')).toEqual(["didn't"]);
  });

  it('never splits a word on a letter pattern: "placement" stays whole', () => {
    expect(words('her placement, the frontrunner')).toEqual(['her', 'placement', 'the', 'frontrunner']);
  });

  it('numbers sentences at full stops, question marks, semicolons and blank lines, not at abbreviations', () => {
    const sentences = (text: string) => tokenize(text).map((t) => t.sentence);
    expect(sentences('One two. Three; four? Five')).toEqual([0, 0, 1, 2, 3]);
    expect(sentences('Seen by Dr. Patel')).toEqual([0, 0, 0, 0]);
    expect(sentences('a\n\nb')).toEqual([0, 1]);
    expect(sentences('a\nb')).toEqual([0, 0]);
  });

  it('starts a new clause at commas and contrast words, and at "and" before a new verb phrase', () => {
    const clauses = (text: string) => tokenize(text).map((t) => t.clause);
    expect(clauses('not here, but there')).toEqual([0, 0, 1, 1]);
    expect(clauses('not here but there')).toEqual([0, 0, 1, 1]);
    expect(clauses('not in school and is out')).toEqual([0, 0, 0, 1, 1, 1]);
    expect(clauses('not going out and putting')).toEqual([0, 0, 0, 0, 0]);
  });

  it('marks words inside quotation marks', () => {
    expect(tokenize('She said "go away" twice').map((t) => t.quoted)).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});
