/**
 * Line and column numbers for findings. Lines and columns are 1-based; columns count UTF-16 code
 * units, the unit JavaScript string offsets, editors speaking the Language Server Protocol and most
 * linters use. "\r\n", "\n" and a lone "\r" each end one line, so a note written on Windows reports
 * the same positions as the same note written elsewhere.
 */

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) {
        this.starts.push(i + 1);
      } else if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** Position of the character at `offset` (0-based). */
  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /**
   * Positions of the half-open span [start, end): endColumn is one past the last character, on the
   * line of the last character, so `text.slice` of a single-line finding is columns [column, endColumn).
   */
  span(start: number, end: number): { line: number; column: number; endLine: number; endColumn: number } {
    const from = this.at(start);
    const last = this.at(Math.max(start, end - 1));
    return { line: from.line, column: from.column, endLine: last.line, endColumn: last.column + 1 };
  }
}
