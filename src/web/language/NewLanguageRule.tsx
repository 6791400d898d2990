import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState } from '../components/ui.tsx';
import { languageApi, type NewRule } from './api.ts';
import { PlainTextArea, TextAreaWithAssistant } from './TextAreaWithAssistant.tsx';

/** The form's fields, in page order: id → label. Server paths map onto them (see `fieldOf`). */
const FIELDS = {
  id: 'Rule id',
  family: 'Family',
  severity: 'Severity',
  patterns: 'Patterns',
  message: 'Why it matters',
  suggestions: 'Suggestions',
  source: 'Source',
  negation: 'Negation',
  'examples-flagged': 'Sentences it must flag',
  'examples-clean': 'Sentences it must leave alone',
} as const;
type Field = keyof typeof FIELDS;

const LINE_FIELDS: readonly string[] = ['patterns', 'suggestions', 'examples-flagged', 'examples-clean'];

/** `patterns.1` → the patterns field, line 2; `examples.flagged.0` → the flagged examples, line 1. */
function fieldOf(path: string): { field: Field | null; line: number | null } {
  const parts = path.split('.');
  const joined = parts[0] === 'examples' ? `examples-${parts[1] ?? 'flagged'}` : (parts[0] ?? '');
  const index = parts[0] === 'examples' ? parts[2] : parts[1];
  const field = joined in FIELDS ? (joined as Field) : null;
  const line =
    field && LINE_FIELDS.includes(field) && index !== undefined && /^\d+$/.test(index)
      ? Number(index) + 1
      : null;
  return { field, line };
}

/** The server's field errors, re-pointed at this form's fields and saying which line is wrong. */
function forThisForm(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => {
    const { field, line } = fieldOf(f.path);
    if (!field) return f;
    return { path: field, message: line ? `${FIELDS[field]}, line ${line}: ${f.message}` : f.message };
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export function NewLanguageRule() {
  const navigate = useNavigate();
  const lexicon = useApiData(() => languageApi.lexicon(), []);
  const [values, setValues] = useState<Record<Field, string>>({
    id: '',
    family: '',
    severity: '',
    patterns: '',
    message: '',
    suggestions: '',
    source: '',
    negation: '',
    'examples-flagged': '',
    'examples-clean': '',
  });
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Add a language rule', hasErrors);
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const families = new Map<string, string>();
  for (const rule of lexicon.data?.rules ?? []) families.set(rule.family, rule.familyTitle);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    // Unanswered choices are sent as absent, so the server says they are needed.
    const rule = {
      id: values.id.trim(),
      ...(values.family ? { family: values.family } : {}),
      ...(values.severity ? { severity: values.severity } : {}),
      patterns: lines(values.patterns),
      message: values.message.trim(),
      suggestions: lines(values.suggestions),
      source: values.source.trim(),
      ...(values.negation ? { negation: values.negation } : {}),
      examples: { flagged: lines(values['examples-flagged']), clean: lines(values['examples-clean']) },
    } as NewRule;
    try {
      const saved = await languageApi.addRule(rule);
      const state: FlashState = {
        flash: {
          success: true,
          heading: `${saved.rule.id} has been added`,
          body: `Checks now use version ${saved.version} of the rules.`,
        },
      };
      navigate('/admin/language', { state });
    } catch (error) {
      show(forThisForm(error), { fields: FIELDS });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/language">Back to language rules</BackLink>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Add a language rule</h1>
        <p className="govuk-body">
          A rule names words that blame, minimise or adultify, says why they matter and where the guidance
          comes from, and offers words that keep the concern clear. Give sentences it must flag and sentences
          it must leave alone: Lantern runs them before the rule is used.
        </p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <TextInput
            name="id"
            label={FIELDS.id}
            labelClassName="govuk-label--s"
            hint="Lower-case words joined by hyphens, for example pocket-money-framing."
            spellCheck={false}
            value={values.id}
            onChange={set('id')}
            error={errors.byField.id}
          />
          <Select
            name="family"
            label={FIELDS.family}
            labelClassName="govuk-label--s"
            placeholder="Choose a family"
            options={[...families].map(([value, label]) => ({ value, label }))}
            value={values.family}
            onChange={set('family')}
            error={errors.byField.family}
          />
          <Radios
            name="severity"
            legend={FIELDS.severity}
            small
            options={[
              { value: 'high', label: 'High', hint: 'Blames the child or hides abuse.' },
              { value: 'medium', label: 'Medium', hint: 'Often blaming; depends on how it is used.' },
              { value: 'low', label: 'Low', hint: 'Worth a second look.' },
            ]}
            value={values.severity}
            onChange={set('severity')}
            error={errors.byField.severity}
          />
          <PlainTextArea
            name="patterns"
            label={FIELDS.patterns}
            hint="One per line. Words in order, any case; a|b for either word; word? for an optional word; ...2 for up to two words in between; prostitut* for words starting so."
            rows={3}
            value={values.patterns}
            onChange={set('patterns')}
            error={errors.byField.patterns}
          />
          <TextAreaWithAssistant
            name="message"
            label={FIELDS.message}
            hint="In plain English, short enough to read beside a text box (at most 300 characters)."
            rows={3}
            field="language.rule.message"
            value={values.message}
            onChange={set('message')}
            error={errors.byField.message}
          />
          <TextAreaWithAssistant
            name="suggestions"
            label={FIELDS.suggestions}
            hint="One per line. Keep the concern explicit: name the harm and who is causing it. Use [who], [name] or [age] for the writer to fill in."
            rows={3}
            field="language.rule.suggestions"
            value={values.suggestions}
            onChange={set('suggestions')}
            error={errors.byField.suggestions}
          />
          <TextInput
            name="source"
            label={FIELDS.source}
            labelClassName="govuk-label--s"
            hint="The guidance or practice note the rule comes from."
            value={values.source}
            onChange={set('source')}
            error={errors.byField.source}
          />
          <Radios
            name="negation"
            legend={FIELDS.negation}
            hint="What a negative before the words means."
            small
            options={[
              {
                value: 'clause',
                label: 'A negative earlier in the clause means the writer rejects the framing',
                hint: '“She did not consent” is not flagged.',
              },
              {
                value: 'adjacent',
                label: 'Only a negative directly before the words',
                hint: '“She is not a child prostitute” is not flagged; “no evidence she is a child prostitute” is.',
              },
              {
                value: 'none',
                label: 'Never: the negative is the blaming phrase',
                hint: '“She is not engaging” is flagged.',
              },
            ]}
            value={values.negation}
            onChange={set('negation')}
            error={errors.byField.negation}
          />
          <PlainTextArea
            name="examples-flagged"
            label={FIELDS['examples-flagged']}
            hint="One per line."
            rows={3}
            value={values['examples-flagged']}
            onChange={set('examples-flagged')}
            error={errors.byField['examples-flagged']}
          />
          <PlainTextArea
            name="examples-clean"
            label={FIELDS['examples-clean']}
            hint="One per line: ordinary uses of the same words that are not blaming."
            rows={3}
            value={values['examples-clean']}
            onChange={set('examples-clean')}
            error={errors.byField['examples-clean']}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button">
              Add rule
            </button>
            <Link className="govuk-link" to="/admin/language">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
