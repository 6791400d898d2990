import type { Entry } from '../children/api.ts';
import { Choices } from '../children/fields.tsx';
import { TextInput } from '../components/fields.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import type { Prompt } from './api.ts';
import { type ContextRefItem, ContextRefsField } from './ContextRefs.tsx';
import { EvidencePicker } from './Evidence.tsx';

const YES_NO_UNKNOWN = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
];

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * One prompt of the instrument, as the GOV.UK component for its answer type. Factor lists have their own
 * component; everything else is here.
 */
export function PromptField({
  prompt,
  answer,
  onChange,
  entries,
  error,
  childAge,
}: {
  prompt: Prompt;
  answer: Record<string, unknown> | undefined;
  onChange(answer: Record<string, unknown> | undefined): void;
  entries: Entry[];
  error?: string | undefined;
  childAge?: number | undefined;
}) {
  const name = `answers.${prompt.id}`;
  const label = `${prompt.text}${prompt.required ? '' : ' (optional)'}`;
  const spec = prompt.answer;
  switch (spec.type) {
    case 'text':
      return (
        <TextInput
          name={name}
          label={label}
          labelClassName="govuk-label--s"
          hint={prompt.help}
          value={str(answer?.value)}
          onChange={(value) => onChange({ type: 'text', value })}
          error={error}
        />
      );
    case 'long_text':
      return (
        <TextAreaWithAssistant
          name={name}
          label={label}
          hint={prompt.help}
          value={str(answer?.value)}
          onChange={(value) => onChange({ type: 'long_text', value })}
          error={error}
          childAge={childAge}
          field={`assessment.${prompt.id}`}
        />
      );
    case 'yes_no_unknown':
      return (
        <Choices
          type="radio"
          name={name}
          legend={label}
          hint={prompt.help}
          small
          inline
          options={YES_NO_UNKNOWN}
          values={answer?.value ? [str(answer.value)] : []}
          onChange={(v) =>
            onChange({
              type: 'yes_no_unknown',
              value: v[0],
              ...(prompt.indicatorRef ? { indicatorRef: prompt.indicatorRef } : {}),
            })
          }
          error={error}
        />
      );
    case 'choice':
      return (
        <Choices
          type="radio"
          name={name}
          legend={label}
          hint={prompt.help}
          small
          options={spec.options.map((o) => ({ value: o.id, label: o.label }))}
          values={answer?.value ? [str(answer.value)] : []}
          onChange={(v) => onChange({ type: 'choice', value: v[0] })}
          error={error}
        />
      );
    case 'evidence_links': {
      const links = Array.isArray(answer?.links) ? (answer.links as { chronologyEntryId: string }[]) : [];
      return (
        <EvidencePicker
          name={name}
          legend={label}
          hint={prompt.help}
          entries={entries}
          values={links.map((l) => l.chronologyEntryId)}
          onChange={(ids) =>
            onChange({
              type: 'evidence_links',
              links: ids.map((chronologyEntryId) => ({ chronologyEntryId })),
            })
          }
          error={error}
        />
      );
    }
    case 'context_refs':
      return (
        <ContextRefsField
          name={name}
          legend={label}
          hint={prompt.help}
          kinds={spec.kinds}
          refs={Array.isArray(answer?.refs) ? (answer.refs as ContextRefItem[]) : []}
          onChange={(refs) => onChange({ type: 'context_refs', refs })}
          error={error}
          childAge={childAge}
        />
      );
    case 'voice': {
      const voice = (answer?.voice ?? {}) as Record<string, unknown>;
      const set = (patch: Record<string, unknown>) => {
        const next = { ...voice, ...patch };
        const status = str(next.status);
        onChange({
          type: 'voice',
          voice:
            status === 'not_obtained'
              ? { status, reason: str(next.reason) }
              : { status: 'given', words: str(next.words), inTheirOwnWords: next.inTheirOwnWords === true },
        });
      };
      return (
        <Choices
          type="radio"
          name={name}
          legend={label}
          hint={prompt.help}
          small
          error={error}
          options={[
            {
              value: 'given',
              label: 'Given',
              conditional: (
                <>
                  <TextAreaWithAssistant
                    name={`${name}.words`}
                    label="What they said"
                    hint="Quote their words exactly."
                    value={str(voice.words)}
                    onChange={(words) => set({ status: 'given', words })}
                    childAge={childAge}
                    field="assessment.voice"
                  />
                  <Choices
                    type="checkbox"
                    name={`${name}.inTheirOwnWords`}
                    legend="Whose words"
                    small
                    options={[{ value: 'yes', label: 'These are their own words, not a summary' }]}
                    values={voice.inTheirOwnWords === true ? ['yes'] : []}
                    onChange={(v) => set({ status: 'given', inTheirOwnWords: v.includes('yes') })}
                  />
                </>
              ),
            },
            {
              value: 'not_obtained',
              label: 'Not obtained',
              conditional: (
                <TextAreaWithAssistant
                  name={`${name}.reason`}
                  label="Why it was not obtained"
                  value={str(voice.reason)}
                  onChange={(reason) => set({ status: 'not_obtained', reason })}
                  rows={3}
                />
              ),
            },
          ]}
          values={voice.status ? [str(voice.status)] : []}
          onChange={(v) => set({ status: v[0] })}
        />
      );
    }
    default:
      return null;
  }
}
