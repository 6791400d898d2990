import type { Finding } from '../../domain/language/index.ts';

/** Each finding's key: its rule and its place among that rule's findings (`consent#2`). */
export function withKeys(findings: readonly Finding[]) {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const n = (seen.get(finding.ruleId) ?? 0) + 1;
    seen.set(finding.ruleId, n);
    return { key: `${finding.ruleId}#${n}`, ...finding };
  });
}
