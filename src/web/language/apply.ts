/**
 * Pure text operations behind the assistant's buttons: where a finding is in the text now, what the
 * text becomes when a suggestion is used, and the words around a finding for the panel.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Applied {
  text: string;
  /** What to select afterwards: the first placeholder to fill in ("[who]"), or the new words. */
  selectionStart: number;
  selectionEnd: number;
}

/**
 * Where the finding's words are in the text as it is now. The person may have typed since the check:
 * the reported place if the words are still there, else the nearest place they are, else nowhere.
 */
export function locate(text: string, finding: Span): { start: number; end: number } | null {
  if (text.slice(finding.start, finding.end) === finding.text)
    return { start: finding.start, end: finding.end };
  let best: number | null = null;
  for (let at = text.indexOf(finding.text); at !== -1; at = text.indexOf(finding.text, at + 1)) {
    if (best === null || Math.abs(at - finding.start) < Math.abs(best - finding.start)) best = at;
  }
  return best === null ? null : { start: best, end: best + finding.text.length };
}

/**
 * A suggestion may end with a note to the writer in brackets ("was raped by [who] (she is under 13)",
 * "she describes him as her 'boyfriend' (quote her own words)"): the note is shown, not inserted. A
 * single bracketed word is part of the wording ("child sexual abuse material (CSAM)", "(unverified)").
 */
export function splitSuggestion(suggestion: string): { text: string; note: string | null } {
  const match = /^(.*\S)\s+\(([^()]*\s[^()]*)\)$/.exec(suggestion.trim());
  return match?.[1] && match[2]
    ? { text: match[1], note: match[2] }
    : { text: suggestion.trim(), note: null };
}

const POSSESSIVE = /^(her|his|their|my|your)$/i;

/**
 * The text with the finding's words replaced by the suggestion. Suggestions are phrases, not exact
 * substitutes, so the joins are tidied: a word the suggestion starts with is not doubled ("She is
 * putting herself at risk" → "She is being exploited by [who]"), a possessive before a person becomes
 * the suggestion's article ("her boyfriend" → "an adult who is sexually exploiting her"), and a
 * sentence that started with the replaced words still starts with a capital.
 */
export function applySuggestion(text: string, finding: Span, suggestion: string): Applied | null {
  const change = replacementFor(text, finding, suggestion);
  if (!change) return null;
  const { start, end, replacement } = change;
  const next = text.slice(0, start) + replacement + text.slice(end);
  const placeholder = /\[[^\]]+\]/.exec(replacement);
  return placeholder
    ? {
        text: next,
        selectionStart: start + placeholder.index,
        selectionEnd: start + placeholder.index + placeholder[0].length,
      }
    : { text: next, selectionStart: start, selectionEnd: start + replacement.length };
}

/**
 * The words a suggestion replaces, with the joins tidied as `applySuggestion` does: where they start and
 * end in the text, and what goes there. A challenge to the wording of a finalised note uses this to
 * propose exactly the words to change.
 */
export function replacementFor(
  text: string,
  finding: Span,
  suggestion: string,
): { start: number; end: number; replacement: string } | null {
  const at = locate(text, finding);
  if (!at) return null;
  let { start } = at;
  const { end } = at;
  const previous = /([A-Za-z']+)([ \t]+)$/.exec(text.slice(0, start));
  const firstWord = /^[A-Za-z']+/.exec(suggestion)?.[0];
  if (previous?.[1] && firstWord && previous[1].toLowerCase() === firstWord.toLowerCase()) {
    start -= previous[0].length;
  } else if (previous?.[1] && POSSESSIVE.test(previous[1]) && /^(a|an|the)\s/i.test(suggestion)) {
    start -= previous[0].length;
  }
  let replacement = suggestion;
  if (/^[A-Z]/.test(text.charAt(start)) && /^[a-z]/.test(replacement)) {
    replacement = replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return { start, end, replacement };
}

/** The words around a finding on its line, for the panel: "…She is [putting herself at risk] with her…". */
export function context(text: string, span: { start: number; end: number }, reach = 40) {
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 1) + 1, 0);
  const nextBreak = text.slice(span.end).search(/[\r\n]/);
  const lineEnd = nextBreak === -1 ? text.length : span.end + nextBreak;
  let from = Math.max(lineStart, span.start - reach);
  let to = Math.min(lineEnd, span.end + reach);
  // Whole words only at the edges.
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < span.start) from = space + 1;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > span.end) to = space;
  }
  return {
    before: `${from > lineStart ? '…' : ''}${text.slice(from, span.start)}`,
    match: text.slice(span.start, span.end),
    after: `${text.slice(span.end, to)}${to < lineEnd ? '…' : ''}`,
  };
}
