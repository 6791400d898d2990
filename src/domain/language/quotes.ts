/**
 * Finds quoted speech. Text between quotation marks is someone's own words — most often the child's,
 * recorded as guidance asks ("use the child's own words, in quotes") — and is never flagged.
 *
 * The hard part is telling a single quotation mark from an apostrophe: "didn't" and "girls'" must not
 * open or close a quote. A quote also never runs past the end of its paragraph: an unmatched mark
 * (a stray apostrophe, a typo) must not silence the rest of a note.
 */

/** Half-open [start, end) ranges, including the quotation marks themselves, sorted by start. */
export type Range = readonly [start: number, end: number];

type Kind = 'double' | 'curly-double' | 'single';

interface Opener {
  kind: Kind;
  at: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** A blank line (possibly holding spaces) ends a paragraph; `i` points at a newline. */
function endsParagraph(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length) {
    const ch = text[j];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
    j++;
  }
  return false;
}

export function findQuotedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let open: Opener[] = [];

  const close = (kind: Kind, at: number): boolean => {
    for (let k = open.length - 1; k >= 0; k--) {
      const opener = open[k];
      if (opener && opener.kind === kind) {
        ranges.push([opener.at, at + 1]);
        // Marks opened inside the closed quote and never closed were not quotes after all.
        open = open.slice(0, k);
        return true;
      }
    }
    return false;
  };
  const isOpen = (kind: Kind): boolean => open.some((o) => o.kind === kind);

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && open.length > 0 && endsParagraph(text, i)) {
      open = [];
      continue;
    }
    if (ch === '“') {
      open.push({ kind: 'curly-double', at: i });
    } else if (ch === '”') {
      close('curly-double', i);
    } else if (ch === '"') {
      if (!close('double', i)) open.push({ kind: 'double', at: i });
    } else if (ch === '‘' || ch === '’' || ch === "'") {
      const before = isWordChar(text[i - 1]);
      const after = isWordChar(text[i + 1]);
      // Letters on both sides: an apostrophe inside a word (didn't, harm's, o'clock).
      if (before && after) continue;
      if (!before && after && ch !== '’') {
        open.push({ kind: 'single', at: i });
      } else if (!after && isOpen('single')) {
        // "girls'" with no quote open stays an apostrophe; with one open it is read as the close.
        close('single', i);
      } else if (!before && after && ch === '’' && !isOpen('single')) {
        // A right single mark used as an opener by some word processors: ’no’.
        open.push({ kind: 'single', at: i });
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Range[]): Range[] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}
