import { useState } from 'react';
import type { Entry } from '../children/api.ts';
import { Choices } from '../children/fields.tsx';
import { LabelTag } from '../children/record.tsx';
import { LABEL_OPTIONS, labelOf } from '../children/words.ts';
import { ErrorMessage, Hint, Select } from '../components/fields.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import type { AssessmentReference, Prompt } from './api.ts';
import { EvidenceList, EvidencePicker, indicatorText } from './Evidence.tsx';
import { type FactorState, newId } from './form-state.ts';

type FactorPrompt = Prompt & {
  answer: { type: 'factor_list'; kind: 'risk' | 'protective'; domain?: string };
};

const EMPTY = { description: '', domain: '', indicatorRef: '', evidence: [] as string[], label: 'standard' };

/** The label a factor needs: one its evidence carries, if any entry is labelled (the server checks). */
function labelFromEvidence(evidence: string[], entries: Entry[], current: string): string {
  const labels = entries
    .filter((e) => evidence.includes(e.id) && e.sensitivity !== 'standard')
    .map((e) => e.sensitivity);
  if (labels.length === 0 || (labels as string[]).includes(current)) return current;
  return labels[0] ?? current;
}

/**
 * Risk or protective factors for one prompt: what was seen or said, by whom, with the chronology entries it
 * rests on. Nothing is counted here.
 */
export function FactorList({
  prompt,
  factors,
  onChange,
  entries,
  reference,
  error,
  childAge,
}: {
  prompt: FactorPrompt;
  factors: FactorState[];
  onChange(factors: FactorState[]): void;
  entries: Entry[];
  reference: AssessmentReference;
  error?: string | undefined;
  childAge?: number | undefined;
}) {
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const spec = prompt.answer;
  const kind = spec.kind === 'risk' ? 'risk factor' : 'protective factor';
  const base = `answers.${prompt.id}`;
  const titles = Object.fromEntries(entries.map((e) => [e.id, e]));
  const add = () => {
    onChange([
      ...factors,
      {
        id: newId('f'),
        kind: spec.kind,
        domain: spec.domain ?? draft.domain,
        description: draft.description,
        indicatorRef: draft.indicatorRef,
        evidence: draft.evidence,
        label: draft.label,
      },
    ]);
    setDraft(EMPTY);
    setAdding(false);
  };
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <h3 className="govuk-heading-s">
        {prompt.text}
        {!prompt.required && ' (optional)'}
      </h3>
      {prompt.help && <Hint id={`${base}-hint`}>{prompt.help}</Hint>}
      {error && <ErrorMessage id={`${base}-error`} message={error} />}
      {factors.length === 0 ? (
        <p className="govuk-body">No {kind}s recorded here.</p>
      ) : (
        factors.map((f, i) => (
          <div key={f.id} className="govuk-summary-card lantern-factor">
            <div className="govuk-summary-card__title-wrapper">
              <h4 className="govuk-summary-card__title">
                {spec.kind === 'risk' ? 'Risk factor' : 'Protective factor'} {i + 1}
              </h4>
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <button
                    type="button"
                    className="govuk-link lantern-link-button"
                    onClick={() => onChange(factors.filter((x) => x.id !== f.id))}
                  >
                    Remove
                    <span className="govuk-visually-hidden">
                      {' '}
                      {kind} {i + 1}
                    </span>
                  </button>
                </li>
              </ul>
            </div>
            <div className="govuk-summary-card__content">
              <p className="govuk-body lantern-pre-wrap">{f.description}</p>
              <p className="govuk-body-s lantern-tags">
                <span>{labelOf(reference.domains, f.domain)}</span>
                {f.indicatorRef && <span>Indicator: {indicatorText(f.indicatorRef)}</span>}
                <LabelTag label={f.label} />
              </p>
              <EvidenceList
                links={f.evidence.map((chronologyEntryId) => ({ chronologyEntryId }))}
                titles={titles}
              />
            </div>
          </div>
        ))
      )}
      {adding ? (
        <fieldset className="govuk-fieldset lantern-add-panel">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Add a {kind}</legend>
          <TextAreaWithAssistant
            name={`${base}-new-description`}
            label="What was seen or said, and by whom"
            hint="In your own words. Say who did what to the child."
            value={draft.description}
            onChange={(description) => setDraft({ ...draft, description })}
            rows={4}
            childAge={childAge}
            field="assessment.factor"
          />
          {!spec.domain && (
            <Choices
              type="radio"
              name={`${base}-new-domain`}
              legend="Which domain is it in?"
              small
              options={reference.domains.map((d) => ({ value: d.value, label: d.label }))}
              values={draft.domain ? [draft.domain] : []}
              onChange={(v) => setDraft({ ...draft, domain: v[0] ?? '' })}
            />
          )}
          {spec.suggestedIndicatorRefs && spec.suggestedIndicatorRefs.length > 0 && (
            <Select
              name={`${base}-new-indicator`}
              label="Indicator it relates to (optional)"
              labelClassName="govuk-label--s"
              hint="A prompt from the indicator guide, never a score."
              placeholder="None"
              options={spec.suggestedIndicatorRefs.map((ref) => ({ value: ref, label: indicatorText(ref) }))}
              value={draft.indicatorRef}
              onChange={(indicatorRef) => setDraft({ ...draft, indicatorRef })}
            />
          )}
          <EvidencePicker
            name={`${base}-new-evidence`}
            legend="Evidence from the chronology"
            hint="Choose the entries this rests on. Unverified entries stay marked as unverified wherever this factor is shown."
            entries={entries}
            values={draft.evidence}
            onChange={(evidence) =>
              setDraft({ ...draft, evidence, label: labelFromEvidence(evidence, entries, draft.label) })
            }
          />
          <Select
            name={`${base}-new-label`}
            label="Label"
            labelClassName="govuk-label--s"
            hint="A factor resting on labelled information carries that label, so only people entitled to it see it."
            options={LABEL_OPTIONS}
            value={draft.label}
            onChange={(label) => setDraft({ ...draft, label })}
          />
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--secondary" onClick={add}>
              Add this {kind}
            </button>
            <button type="button" className="govuk-link lantern-link-button" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          id={base}
          className="govuk-button govuk-button--secondary"
          onClick={() => setAdding(true)}
        >
          Add a {kind}
          <span className="govuk-visually-hidden"> to “{prompt.text}”</span>
        </button>
      )}
    </div>
  );
}
