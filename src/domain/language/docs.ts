/**
 * The rule table in docs/language.md is generated from the lexicon, so the documentation can never
 * describe rules the code does not have. docs.test.ts fails when the two drift apart.
 */
import { FAMILIES, FAMILY_TITLES, type Lexicon } from './lexicon.schema.ts';

const NEGATION_LABEL = { clause: 'in clause', adjacent: 'direct only', none: 'never' } as const;

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function renderRuleTable(lexicon: Lexicon): string {
  const out: string[] = [`Lexicon version ${lexicon.version}: ${lexicon.rules.length} rules.`];
  for (const family of FAMILIES) {
    const rules = lexicon.rules.filter((r) => r.family === family);
    if (rules.length === 0) continue;
    out.push('', `#### ${FAMILY_TITLES[family]} (\`${family}\`)`, '');
    out.push('| Rule | Severity | Negation exempts | Flags, for example | Suggests, for example | Source |');
    out.push('|---|---|---|---|---|---|');
    for (const rule of rules) {
      const severity =
        rule.context?.age?.unknown === 'flag'
          ? `${rule.severity} (${rule.context.age.severity} if age unknown)`
          : rule.severity;
      out.push(
        `| \`${rule.id}\` | ${severity} | ${NEGATION_LABEL[rule.negation]} | “${cell(rule.examples.flagged[0] ?? '')}” | ${cell(
          rule.suggestions[0] ?? '',
        )} | ${cell(rule.source)} |`,
      );
    }
  }
  return out.join('\n');
}
