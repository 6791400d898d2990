/**
 * `lantern language check [--json] FILE` — checks a note for victim-blaming language from the shell,
 * with the same checkText the editor and the API use. Finding something is not an error: the exit
 * status is 0 whether or not anything was found, and non-zero only when the text could not be read.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { checkText, type Finding } from '../domain/language/index.ts';
import { CliError, run } from './output.ts';

export function languageCommand(): Command {
  const language = new Command('language').description(
    'Victim-blaming, minimising and adultifying language in case notes',
  );

  language
    .command('check')
    .description('Check a text file (or - for standard input) and explain each finding')
    .argument('<file>', 'the text to check; - reads standard input')
    .option('--json', 'print a JSON array of findings')
    .action((file: string, opts: { json?: boolean }) =>
      run(async () => {
        const text = stripByteOrderMark(await readText(file));
        const { lexiconVersion, findings } = checkText(text);
        process.stdout.write(
          opts.json ? toJson(findings, lexiconVersion) : toHuman(findings, lexiconVersion),
        );
      }),
    );

  return language;
}

async function readText(file: string): Promise<string> {
  try {
    if (file === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      return Buffer.concat(chunks).toString('utf8');
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file === '-' ? 'standard input' : file}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

// Editors save UTF-8 with a byte-order mark; it is not part of the note and would shift columns.
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toJson(findings: readonly Finding[], lexiconVersion: string): string {
  const rows = findings.map((f) => ({
    ruleId: f.ruleId,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    text: f.text,
    message: f.message,
    suggestions: f.suggestions,
    severity: f.severity,
    family: f.family,
    source: f.source,
    start: f.start,
    end: f.end,
    lexiconVersion,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function toHuman(findings: readonly Finding[], lexiconVersion: string): string {
  if (findings.length === 0) return `No findings (lexicon ${lexiconVersion}).\n`;
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.line}:${f.column}  ${f.ruleId}  ${f.message}`);
    lines.push(`    "${f.text.replace(/\s+/g, ' ')}" (${f.severity})`);
    for (const suggestion of f.suggestions) lines.push(`    instead: ${suggestion}`);
  }
  const count = findings.length === 1 ? '1 finding' : `${findings.length} findings`;
  lines.push('', `${count} (lexicon ${lexiconVersion}).`);
  return `${lines.join('\n')}\n`;
}
