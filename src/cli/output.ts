/** Progress goes to standard error, results to standard output, so output can be piped. */
export const progress = (message: string) => process.stderr.write(`${message}\n`);

export class CliError extends Error {}

/** Runs a command body; on failure prints one line with the reason and sets a non-zero exit status. */
export async function run(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lantern: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}
