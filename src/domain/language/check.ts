/**
 * checkText: the one entry point the editor, the API and the CLI share, so they can never disagree
 * about what is flagged.
 */
import { z } from 'zod';
import { LexiconError } from './build.ts';
import { type Lexicon, lexiconSchema } from './lexicon.schema.ts';
import { baseLexicon } from './lexicon.ts';
import { type CompiledLexicon, compileLexicon, type Finding, findAll } from './match.ts';

export interface CheckOptions {
  /** Defaults to the base lexicon. Build a partnership's own with buildLexicon. */
  lexicon?: Lexicon;
  /** The child's age, when known: lets an age gap be seen when the note gives only the other age. */
  childAge?: number;
}

export interface CheckResult {
  lexiconVersion: string;
  findings: Finding[];
}

const compiled = new WeakMap<Lexicon, CompiledLexicon>();

export function compiledFor(lexicon: Lexicon): CompiledLexicon {
  let entry = compiled.get(lexicon);
  if (!entry) {
    // Validated once per lexicon object: a hand-built lexicon with a broken pattern fails loudly here.
    const parsed = lexiconSchema.safeParse(lexicon);
    if (!parsed.success) throw new LexiconError(z.prettifyError(parsed.error));
    entry = compileLexicon(lexicon);
    compiled.set(lexicon, entry);
  }
  return entry;
}

export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  const lexicon = options.lexicon ?? baseLexicon;
  const findings = findAll(compiledFor(lexicon), text, { childAge: options.childAge });
  return { lexiconVersion: lexicon.version, findings };
}
