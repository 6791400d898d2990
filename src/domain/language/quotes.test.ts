import { describe, expect, it } from 'vitest';
import { findQuotedRanges } from './quotes.ts';

const quoted = (text: string): string[] => findQuotedRanges(text).map(([s, e]) => text.slice(s, e));

describe('quoted speech', () => {
  it('finds straight and curly double quotes', () => {
    expect(quoted('She said "I am fine" and left.')).toEqual(['"I am fine"']);
    expect(quoted('She said “I am fine” and left.')).toEqual(['“I am fine”']);
  });

  it('finds straight and curly single quotes', () => {
    expect(quoted("He said 'leave me alone' twice.")).toEqual(["'leave me alone'"]);
    expect(quoted('He said ‘leave me alone’ twice.')).toEqual(['‘leave me alone’']);
  });

  it('does not treat apostrophes inside words as quotation marks', () => {
    expect(quoted("She didn't go; it's the girls' room.")).toEqual([]);
    expect(quoted('She didn’t go; it’s the girls’ room.')).toEqual([]);
  });

  it('keeps apostrophes inside a single-quoted passage', () => {
    expect(quoted("He said 'I don't want to, it's not fair' and left.")).toEqual([
      "'I don't want to, it's not fair'",
    ]);
    expect(quoted('He said ‘I don’t care’.')).toEqual(['‘I don’t care’']);
  });

  it('reads a plural possessive before a quotation as an apostrophe', () => {
    expect(quoted("The girls' statements say 'they were kind'.")).toEqual(["'they were kind'"]);
  });

  it('nests single quotes inside double quotes', () => {
    expect(quoted('“She told me ‘run’ and I ran,” he said.')).toEqual(['“She told me ‘run’ and I ran,”']);
  });

  it('lets a quotation run over a single line break', () => {
    expect(quoted('She said "I am\nfine" at the door.')).toEqual(['"I am\nfine"']);
  });

  it('never lets an unmatched quotation mark silence the rest of the paragraph or the note', () => {
    expect(quoted('She said "I am fine.\n\nShe is putting herself at risk.')).toEqual([]);
    expect(quoted("'cause she was scared. She went out.")).toEqual([]);
  });
});
