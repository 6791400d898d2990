import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The command runs in a child process, as it does under `lantern`, so exit statuses and the streams
// are the real ones. A tiny wrapper mounts the exported command on its own.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const commandModule = pathToFileURL(path.join(repoRoot, 'src/cli/language.ts')).href;

let dir: string;
let wrapper: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-language-'));
  wrapper = path.join(dir, 'wrapper.mjs');
  await writeFile(
    wrapper,
    `const { languageCommand } = await import(${JSON.stringify(commandModule)});\n` +
      'await languageCommand().parseAsync(process.argv.slice(2), { from: "user" });\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', wrapper, ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const NOTE = [
  'Visit to Fernbridge on Tuesday (fictional).',
  'She said "I put myself at risk" and cried.',
  'She is putting herself at risk with her boyfriend, who is 24.',
].join('\r\n');

describe('lantern language check', () => {
  it('prints a JSON array of findings for a file, with 1-based positions, and exits 0', async () => {
    const file = path.join(dir, 'note.txt');
    await writeFile(file, NOTE);
    const result = await cli(['check', '--json', file]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(findings.map((f) => f.ruleId)).toEqual(['putting-self-at-risk', 'boyfriend-girlfriend']);
    const [risk, boyfriend] = findings;
    expect(risk).toMatchObject({
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 31,
      text: 'putting herself at risk',
    });
    expect(boyfriend).toMatchObject({
      line: 3,
      column: 41,
      endColumn: 50,
      text: 'boyfriend',
      severity: 'high',
    });
    for (const f of findings) {
      for (const key of [
        'ruleId',
        'line',
        'column',
        'endLine',
        'endColumn',
        'text',
        'message',
        'suggestions',
      ]) {
        expect(f).toHaveProperty(key);
      }
      expect(Array.isArray(f.suggestions)).toBe(true);
      expect((f.suggestions as unknown[]).every((s) => typeof s === 'string')).toBe(true);
    }
  });

  it('reads standard input when the file is -', async () => {
    const result = await cli(['check', '--json', '-'], 'He is hard to engage.\nNothing else to add.');
    expect(result.status).toBe(0);
    const findings = JSON.parse(result.stdout) as { ruleId: string; line: number; column: number }[];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'hard-to-engage', line: 1, column: 7 });
  });

  it('prints an empty array, and exits 0, when nothing is found', async () => {
    const result = await cli(['check', '--json', '-'], 'The men who exploited her have been charged.');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('prints findings for people: line:column, rule, message and suggestions', async () => {
    const result = await cli(['check', '-'], 'Line one.\nShe is streetwise.');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^2:8 {2}streetwise {2}\S/);
    expect(result.stdout).toContain('instead: ');
    expect(result.stdout).toMatch(/1 finding \(lexicon \d+\.\d+\.\d+\)/);
  });

  it('exits non-zero with a one-line reason when the file cannot be read', async () => {
    const missing = path.join(dir, 'no-such-note.txt');
    const result = await cli(['check', '--json', missing]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    const reason = result.stderr.trim();
    expect(reason.split('\n')).toHaveLength(1);
    expect(reason).toContain('no-such-note.txt');
    expect(reason).toContain('no such file');
  });

  it('exits non-zero when given a directory', async () => {
    const result = await cli(['check', dir]);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toMatch(/directory/);
  });

  it('ignores a byte-order mark so columns match what an editor shows', async () => {
    const file = path.join(dir, 'bom.txt');
    await writeFile(file, '\uFEFFHe is streetwise.');
    const result = await cli(['check', '--json', file]);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ line: 1, column: 7 });
  });
});
