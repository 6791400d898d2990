import { describe, expect, it } from 'vitest';
import { LineIndex } from './positions.ts';

describe('line and column positions', () => {
  it('is 1-based on the first line', () => {
    expect(new LineIndex('abc').at(0)).toEqual({ line: 1, column: 1 });
  });

  it('counts "\\n", "\\r\\n" and a lone "\\r" as one line break each', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `first${eol}second${eol}third`;
      const index = new LineIndex(text);
      expect(index.at(text.indexOf('second'))).toEqual({ line: 2, column: 1 });
      expect(index.at(text.indexOf('ird'))).toEqual({ line: 3, column: 3 });
    }
  });

  it('gives endColumn one past the last character, on the line of the last character', () => {
    const text = 'ab\r\ncd risk\nx';
    const start = text.indexOf('risk');
    expect(new LineIndex(text).span(start, start + 4)).toEqual({
      line: 2,
      column: 4,
      endLine: 2,
      endColumn: 8,
    });
  });

  it('reports spans that cross a line break', () => {
    const text = 'putting herself\r\nat risk';
    expect(new LineIndex(text).span(0, text.length)).toEqual({
      line: 1,
      column: 1,
      endLine: 2,
      endColumn: 8,
    });
  });
});
