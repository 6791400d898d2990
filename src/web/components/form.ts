import { useCallback, useState } from 'react';
import { ApiError, type FieldError, SERVICE_UNAVAILABLE_MESSAGE } from '../api.ts';

export interface SummaryItem {
  text: string;
  /** The id of the field the error is about, if it is about one. */
  field?: string;
}

export interface FormErrors {
  summary: SummaryItem[];
  byField: Record<string, string>;
  /** Changes on every failed submission so the summary takes focus again, even with the same errors. */
  version: number;
}

const NO_ERRORS: FormErrors = { summary: [], byField: {}, version: 0 };

/** The form field a server error `path` belongs to: exact name first, then its first segment. */
function fieldFor(path: string, fields: readonly string[]): string | undefined {
  if (fields.includes(path)) return path;
  const first = path.split(/[.[]/)[0] ?? '';
  return fields.includes(first) ? first : undefined;
}

/**
 * The server words field errors as a predicate ("must not be empty"); on a page they need a subject.
 * "must not be empty" → "Agency name must not be empty"; "an account with this email already exists"
 * → "An account with this email already exists". The words themselves are always the server's.
 */
export function phrase(message: string, label: string | undefined): string {
  const text = message.trim().replace(/\.$/, '');
  // A list of codes means nothing to a person; the options are on the page in words.
  if (label && /^Invalid option: expected one of/.test(text))
    return `${label} must be one of the options shown`;
  if (label && /^(must|is|are|should|cannot|can't|has|have|was|were|needs?)\b/.test(text))
    return `${label} ${text}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ShowErrorOptions {
  /** The fields on this form, in page order: name (the server's `path`) → its label. */
  fields: Readonly<Record<string, string>>;
  /** For an error without field errors: which field the message should link to, if any. */
  linkTo?: string;
}

/**
 * Error state for a GOV.UK form: the server's field errors inline against the field whose name equals
 * the error's `path`, and every error in the summary at the top, linked to its field.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const show = useCallback((error: unknown, options: ShowErrorOptions) => {
    setErrors((previous) => {
      const version = previous.version + 1;
      if (!(error instanceof ApiError)) {
        return { summary: [{ text: SERVICE_UNAVAILABLE_MESSAGE }], byField: {}, version };
      }
      const fieldErrors: FieldError[] = error.fields;
      const names = Object.keys(options.fields);
      if (fieldErrors.length === 0) {
        const field = options.linkTo;
        return {
          summary: [{ text: error.message, ...(field ? { field } : {}) }],
          byField: field ? { [field]: error.message } : {},
          version,
        };
      }
      const byField: Record<string, string> = {};
      const linked: SummaryItem[] = [];
      const unlinked: SummaryItem[] = [];
      for (const fieldError of fieldErrors) {
        const field = fieldFor(fieldError.path, names);
        if (field === undefined) {
          unlinked.push({ text: phrase(fieldError.message, undefined) });
        } else if (byField[field] === undefined) {
          const text = phrase(fieldError.message, options.fields[field]);
          byField[field] = text;
          linked.push({ text, field });
        }
      }
      // The summary lists errors in the order the fields appear on the page.
      linked.sort((a, b) => names.indexOf(a.field ?? '') - names.indexOf(b.field ?? ''));
      return { summary: [...linked, ...unlinked], byField, version };
    });
  }, []);

  const clear = useCallback(() => setErrors((previous) => ({ ...NO_ERRORS, version: previous.version })), []);

  return { errors, show, clear, hasErrors: errors.summary.length > 0 };
}
