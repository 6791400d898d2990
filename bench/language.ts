/**
 * Victim-blaming language: accuracy on the evaluation corpus and speed on a long note.
 *
 *   npx tsx bench/language.ts
 *
 * Prints figures and asserts nothing: the quality targets are enforced by the corpus test, and
 * timings vary by machine. See docs/language.md, "Reading the benchmark".
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  blindCorpus,
  corpus,
  type Evaluation,
  evaluate,
  tunedCorpus,
} from '../src/domain/language/corpus/corpus.ts';
import { baseLexicon, buildLexicon, checkText, FAMILIES } from '../src/domain/language/index.ts';

const TARGET_WORDS = 2_000;
const WARM_UP_RUNS = 50;
const MEASURED_RUNS = 500;

const fixed = (n: number, digits = 3) => n.toFixed(digits);
const pad = (s: string | number, width: number) => String(s).padStart(width);

function header(title: string): void {
  console.log(`\n${title}\n${'-'.repeat(title.length)}`);
}

function summaryRow(name: string, e: Evaluation): string {
  return `${name.padEnd(24)}${pad(e.entries, 8)}${pad(fixed(e.precision), 11)}${pad(fixed(e.recall), 8)}${pad(e.truePositives, 6)}${pad(e.falsePositives, 5)}${pad(e.falseNegatives, 5)}`;
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A long note made of corpus sentences in a fixed order: dense with findings, so a worst case. */
function longNote(): { text: string; words: number } {
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; words < TARGET_WORDS; i++) {
    const entry = corpus[(i * 7) % corpus.length];
    if (!entry) break;
    paragraphs.push(entry.text);
    words += wordsIn(entry.text);
  }
  return { text: paragraphs.join(' '), words };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const check = (text: string) => checkText(text).findings;
const all = evaluate(corpus, check);

console.log(
  `Lexicon ${baseLexicon.version}: ${baseLexicon.rules.length} rules in ${FAMILIES.length} families`,
);
console.log(
  `Corpus: ${corpus.length} sentences (${corpus.filter((e) => e.expect.length > 0).length} expecting findings, ${corpus.filter((e) => e.expect.length === 0).length} clean)`,
);

header('Accuracy (scored per sentence and rule)');
console.log(
  `${''.padEnd(24)}${pad('entries', 8)}${pad('precision', 11)}${pad('recall', 8)}${pad('TP', 6)}${pad('FP', 5)}${pad('FN', 5)}`,
);
console.log(summaryRow('written with the rules', evaluate(tunedCorpus, check)));
console.log(summaryRow('later batch', evaluate(blindCorpus, check)));
console.log(summaryRow('all', all));
console.log('Targets: precision >= 0.95, recall >= 0.90');

header('Per rule');
console.log(`${'rule'.padEnd(30)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}`);
for (const rule of baseLexicon.rules) {
  const c = all.perRule.get(rule.id) ?? { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  console.log(
    `${rule.id.padEnd(30)}${pad(c.truePositives, 5)}${pad(c.falsePositives, 5)}${pad(c.falseNegatives, 5)}`,
  );
}

header('Disagreements with the labels');
if (all.misses.length === 0) console.log('none');
for (const miss of all.misses) {
  const parts = [
    miss.missing.length ? `missed ${miss.missing.join(', ')}` : '',
    miss.unexpected.length ? `also flagged ${miss.unexpected.join(', ')}` : '',
  ].filter(Boolean);
  console.log(`- ${parts.join('; ')}: ${JSON.stringify(miss.text)}`);
}

header(`Speed (a ${TARGET_WORDS.toLocaleString('en-GB')}-word note)`);
const note = longNote();
const compileStart = performance.now();
const local = buildLexicon(baseLexicon, { disabled: ['absconded'] });
checkText('warm', { lexicon: local });
console.log(
  `compile a lexicon once:  ${fixed(performance.now() - compileStart, 2)} ms (validation and compilation, cached per lexicon)`,
);

for (let i = 0; i < WARM_UP_RUNS; i++) checkText(note.text);
const wall: number[] = [];
const cpu: number[] = [];
let findings = 0;
for (let i = 0; i < MEASURED_RUNS; i++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  findings = checkText(note.text).findings.length;
  wall.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
}
wall.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const median = percentile(wall, 50);
console.log(`note: ${note.words} words, ${note.text.length} characters, ${findings} findings`);
console.log(`runs: ${MEASURED_RUNS} after ${WARM_UP_RUNS} warm-up; load average ${loadavg()[0]?.toFixed(1)}`);
console.log(
  `wall clock: median ${fixed(median, 2)} ms, p95 ${fixed(percentile(wall, 95), 2)} ms   (target: under 5 ms)`,
);
console.log(
  `CPU time:   median ${fixed(percentile(cpu, 50), 2)} ms, p95 ${fixed(percentile(cpu, 95), 2)} ms   (unaffected by other processes)`,
);
console.log(
  `throughput: ${Math.round(note.words / (median / 1000)).toLocaleString('en-GB')} words/second at the median`,
);
