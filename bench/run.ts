/**
 * Every benchmark, one after the other: `npm run bench`. Each runs in its own process, so one's memory
 * and compiled code do not colour the other's timings. Arguments are passed to each (for example
 * `npm run bench -- --scale 0.2`); a benchmark ignores those it does not know.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHMARKS = [
  { file: 'language.ts', passArgs: false },
  { file: 'contexts.ts', passArgs: true },
];

let failed = false;
for (const bench of BENCHMARKS) {
  const args = [
    '--import',
    'tsx',
    path.join(here, bench.file),
    ...(bench.passArgs ? process.argv.slice(2) : []),
  ];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${bench.file} failed (exit ${result.status ?? result.signal})`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
