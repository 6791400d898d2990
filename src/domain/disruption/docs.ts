/**
 * The reference part of docs/disruption.md — every measure, its eligibility rules with their sources,
 * and the status lifecycle — generated from the data. A test compares the document with this output.
 */
import { GENERATED_END, GENERATED_START } from '../contexts/docs.ts';
import { describeCondition, FACTS, type FactDef } from './conditions.ts';
import { ELIGIBILITY_RULES, ELIGIBILITY_RULES_VERSION, rulesFor } from './eligibility.ts';
import { APPLICANT_NAMES, type DisruptionMeasure, MEASURES } from './measures.ts';
import { DISRUPTION_STATUSES, STATUS_NAMES, STATUS_TRANSITIONS } from './schema.ts';

/** A rule's message with its placeholders named: "(this subject: _the subject's age_)". */
function messageForDocs(message: string): string {
  return message.replace(/\{([a-zA-Z.]+)\}/g, (whole, name: string) => {
    const def = (FACTS as Record<string, FactDef>)[name];
    return def ? `_${def.label}_` : whole;
  });
}

function breach(m: DisruptionMeasure): string {
  if (m.breachIsOffence === null) return `not settled here (${m.breachSource})`;
  return `${m.breachIsOffence ? 'yes' : 'no'} (${m.breachSource})`;
}

export function renderDisruptionReference(): string {
  const lines: string[] = [
    GENERATED_START,
    '',
    `Eligibility rules version ${ELIGIBILITY_RULES_VERSION}.`,
    '',
  ];
  for (const m of MEASURES as readonly DisruptionMeasure[]) {
    lines.push(`### ${m.name} (\`${m.id}\`)`, '', m.purpose, '');
    lines.push(
      `- **Who applies or issues:** ${m.applicants.map((a) => APPLICANT_NAMES[a]).join(', ')} — ${m.applicantsSource}`,
      `- **Against:** ${m.against.join(', ')}`,
      `- **Legal basis:** ${m.legalBasis.text} — ${m.legalBasis.source}`,
      `- **Typical duration:** ${m.typicalDuration.text} — ${m.typicalDuration.source}`,
      `- **Conditions recorded:** ${m.hasConditions ? 'yes' : 'no'}; **breach an offence:** ${breach(m)}`,
      `- **Named children:** ${m.namedChildren}`,
      `- **Source:** ${m.source}`,
      '',
      '| Rule | Kind | Applies when | Checks | Says | Source |',
      '|---|---|---|---|---|---|',
    );
    for (const r of rulesFor(m.id, ELIGIBILITY_RULES)) {
      const when = r.when ? describeCondition(r.when) : 'always';
      lines.push(
        `| \`${r.id}\` | ${r.kind} | ${when} | ${describeCondition(r.test)} | ${messageForDocs(r.message)} | ${r.source} |`,
      );
    }
    lines.push('');
  }
  lines.push('### Status lifecycle', '', '| Status | Meaning | Can move to |', '|---|---|---|');
  for (const s of DISRUPTION_STATUSES) {
    const next = STATUS_TRANSITIONS[s] as readonly string[];
    lines.push(
      `| \`${s}\` | ${STATUS_NAMES[s]} | ${next.length ? next.map((n) => `\`${n}\``).join(', ') : 'final'} |`,
    );
  }
  lines.push('', GENERATED_END);
  return lines.join('\n');
}
