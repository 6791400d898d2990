/**
 * String similarity for matching: Jaro–Winkler for names (good at short strings and typos near the
 * end), trigram similarity for addresses (the same measure as PostgreSQL's pg_trgm, so a database
 * search and this scoring agree on what "similar" means).
 */

/** Jaro similarity, 0 (nothing in common) to 1 (identical). */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  return (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
}

/** Jaro–Winkler: Jaro with a bonus for a shared prefix of up to four characters (scaling 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/** pg_trgm's trigrams: lower case words of letters and digits, padded with two spaces before and one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's `similarity()`: shared trigrams over all trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/**
 * Similarity of two names already split into tokens: each token of the shorter name is paired with its
 * most similar token in the longer (so word order and a missing middle name do not matter), and the
 * pairs are averaged. When one name is a single word — a nickname, or a first name alone — it is also
 * compared with the other name run together ("jay" with "jaydee"), and a single word matching one word
 * of a longer name counts for less than a whole name matching.
 */
export function tokenNameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) {
    const word = short[0] as string;
    const best = Math.max(...long.map((t) => jaroWinkler(word, t)));
    const joined = jaroWinkler(word, long.join(''));
    return long.length === 1 ? best : Math.max(joined, best * 0.9);
  }
  let total = 0;
  for (const t of short) total += Math.max(...long.map((u) => jaroWinkler(t, u)));
  const aligned = total / short.length;
  return Math.max(aligned, short.length === long.length ? jaroWinkler(a.join(''), b.join('')) * 0.97 : 0);
}
