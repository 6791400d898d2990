import './language.css';
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type Finding, languageApi } from './api.ts';
import { applySuggestion, context, splitSuggestion } from './apply.ts';

/**
 * The language assistant beside a free-text field: as the person writes, it checks the words against
 * the partnership's lexicon and lists what it finds beneath the field — the exact words, why they
 * matter, where the guidance comes from — with alternatives to use in one click.
 *
 * It is help, never a gate: it does not block saving, and it never changes the text unless the person
 * presses a suggestion. The text is checked on the server and not stored there.
 */

/** The id of the assistant's one-line summary: the field's `aria-describedby` should include it. */
export const languageDescriptionId = (fieldId: string) => `${fieldId}-language`;

export interface LanguageAssistantProps {
  /** The id of the textarea the assistant helps with. */
  id: string;
  value: string;
  onChange(value: string): void;
  /** The child's age from the record, when known: lets an age gap be seen. */
  childAge?: number | undefined;
  /** Which field this is (`note.body`); sent with the check, not stored. */
  field?: string | undefined;
  /**
   * The textarea, when the assistant wraps it. Give it `aria-describedby={languageDescriptionId(id)}`
   * (with any hint and error ids), or use `<TextAreaWithAssistant>`, which does.
   */
  children?: ReactNode;
}

/** Checking waits for a pause in typing, so a check is not sent for every key. */
const PAUSE_MS = 400;

type CheckState =
  | { status: 'idle' }
  | { status: 'checked'; text: string; findings: Finding[] }
  | { status: 'failed' };

function useLanguageCheck(
  value: string,
  childAge: number | undefined,
  field: string | undefined,
): CheckState {
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  // Findings this field has already reported: the server counts each once, not on every check.
  const seen = useRef(new Set<string>());
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    if (value.trim() === '') {
      setState({ status: 'checked', text: value, findings: [] });
      return;
    }
    const timer = window.setTimeout(() => {
      const body = {
        text: value,
        seen: [...seen.current],
        ...(field ? { field } : {}),
        ...(childAge !== undefined ? { childAge } : {}),
      };
      languageApi.check(body).then(
        (result) => {
          for (const finding of result.findings) seen.current.add(finding.key);
          // An answer overtaken by later typing is dropped: the next one is on its way.
          if (request === latest.current)
            setState({ status: 'checked', text: value, findings: result.findings });
        },
        () => {
          if (request === latest.current) setState({ status: 'failed' });
        },
      );
    }, PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [value, childAge, field]);

  return state;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a screen reader hears, politely, when the set of findings changes — not on every key. */
function useAnnouncement(state: CheckState): string {
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef('');
  const findings = state.status === 'checked' ? state.findings : null;
  const signature = findings ? findings.map((f) => f.key).join(' ') : null;

  useEffect(() => {
    if (findings === null || signature === null || signature === previous.current) return;
    const hadSome = previous.current !== '';
    previous.current = signature;
    if (findings.length === 0) {
      if (hadSome) setAnnouncement('No wording suggestions now.');
      return;
    }
    const words = findings.map((f) => `‘${f.text}’`).join(', ');
    setAnnouncement(
      `${plural(findings.length, 'wording suggestion', 'wording suggestions')} below the field, about ${words}.`,
    );
  }, [findings, signature]);

  return announcement;
}

const SEVERITY = {
  high: { label: 'High', colour: 'govuk-tag--red' },
  medium: { label: 'Medium', colour: 'govuk-tag--yellow' },
  low: { label: 'Check', colour: 'govuk-tag--grey' },
} as const;

function where(finding: Finding): string {
  return finding.line === finding.endLine
    ? `line ${finding.line}, column ${finding.column}`
    : `lines ${finding.line} to ${finding.endLine}`;
}

function FindingItem({
  finding,
  checkedText,
  onUse,
}: {
  finding: Finding;
  checkedText: string;
  onUse(finding: Finding, suggestion: string): void;
}) {
  const shown = context(checkedText, finding);
  const severity = SEVERITY[finding.severity];
  return (
    <li className="lantern-language__finding">
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong className={`govuk-tag ${severity.colour} lantern-language__tag`}>
          <span className="govuk-visually-hidden">Severity: </span>
          {severity.label}
        </strong>{' '}
        <span className="lantern-language__context">
          {shown.before}
          <mark className="lantern-language__mark">{shown.match}</mark>
          {shown.after}
        </span>{' '}
        <span className="lantern-language__where">({where(finding)})</span>
      </p>
      <p className="govuk-body-s govuk-!-margin-bottom-1">{finding.message}</p>
      <p className="govuk-body-s lantern-language__source">Source: {finding.source}</p>
      {finding.suggestions.length > 0 && (
        <>
          <p className="govuk-body-s govuk-!-margin-bottom-1">Instead, you could write:</p>
          <ul className="lantern-language__suggestions">
            {finding.suggestions.map((suggestion) => {
              const { text, note } = splitSuggestion(suggestion);
              return (
                <li key={suggestion}>
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary lantern-language__use"
                    onClick={() => onUse(finding, text)}
                  >
                    Use ‘{text}’<span className="govuk-visually-hidden"> instead of ‘{finding.text}’</span>
                    {note && <span className="lantern-language__note"> ({note})</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </li>
  );
}

export function LanguageAssistant({
  id,
  value,
  onChange,
  childAge,
  field,
  children,
}: LanguageAssistantProps) {
  const state = useLanguageCheck(value, childAge, field);
  const announcement = useAnnouncement(state);
  const [moved, setMoved] = useState(false);
  // After a suggestion is used, the new words (or the placeholder in them) are selected in the field.
  const pendingSelection = useRef<{ text: string; start: number; end: number } | null>(null);

  useLayoutEffect(() => {
    const pending = pendingSelection.current;
    if (!pending || pending.text !== value) return;
    pendingSelection.current = null;
    const field = document.getElementById(id);
    if (field instanceof HTMLTextAreaElement) {
      field.focus();
      field.setSelectionRange(pending.start, pending.end);
    }
  }, [id, value]);

  const use = (finding: Finding, suggestion: string) => {
    const applied = applySuggestion(value, finding, suggestion);
    if (!applied) {
      setMoved(true);
      return;
    }
    setMoved(false);
    pendingSelection.current = {
      text: applied.text,
      start: applied.selectionStart,
      end: applied.selectionEnd,
    };
    onChange(applied.text);
    // Counted for training by team and week; a failure here must not get in the person's way.
    languageApi.accepted(finding.ruleId).catch(() => {});
  };

  const findings = state.status === 'checked' ? state.findings : [];
  const summary =
    state.status === 'failed'
      ? 'The wording check is not working at the moment. You can still save.'
      : findings.length > 0
        ? `${plural(findings.length, 'wording suggestion', 'wording suggestions')} below. You can still save as it is.`
        : 'No wording suggestions.';

  return (
    <>
      {children}
      <div className="lantern-language">
        <p
          className="govuk-hint govuk-!-font-size-16 lantern-language__summary"
          id={languageDescriptionId(id)}
        >
          {summary}
        </p>
        {moved && (
          <p className="govuk-body-s lantern-language__moved">
            Those words have changed since they were checked. The suggestions will update in a moment.
          </p>
        )}
        {state.status === 'checked' && findings.length > 0 && (
          <ul className="lantern-language__findings">
            {findings.map((finding) => (
              <FindingItem key={finding.key} finding={finding} checkedText={state.text} onUse={use} />
            ))}
          </ul>
        )}
        <div className="govuk-visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </div>
    </>
  );
}
