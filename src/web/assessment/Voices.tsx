import type { ReactNode } from 'react';
import { Choices, DateInput, datePartsOf, isoDate } from '../children/fields.tsx';
import { LABEL_OPTIONS } from '../children/words.ts';
import { Select, TextInput } from '../components/fields.tsx';
import type { FormErrors } from '../components/form.ts';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import type { AssessmentReference } from './api.ts';
import type { FormState, VoiceItem } from './form-state.ts';

const NEW_ITEM: VoiceItem = {
  status: '',
  who: '',
  relationship: '',
  view: '',
  reason: '',
  label: 'standard',
};

function VoiceEntry({
  name,
  item,
  onChange,
  onRemove,
  kind,
  errors,
}: {
  name: string;
  item: VoiceItem;
  onChange(item: VoiceItem): void;
  onRemove(): void;
  kind: 'parent' | 'agency';
  errors: FormErrors;
}) {
  const whoLabel = kind === 'parent' ? 'Name' : 'Agency';
  const reason = (
    <TextAreaWithAssistant
      name={`${name}.reason`}
      label="Why their view was not obtained"
      hint={kind === 'parent' ? 'Including when it was not safe to ask them.' : undefined}
      value={item.reason}
      onChange={(reason) => onChange({ ...item, reason })}
      rows={3}
      error={errors.byField[`${name}.reason`]}
    />
  );
  const view: ReactNode = (
    <TextAreaWithAssistant
      name={`${name}.view`}
      label="Their view"
      value={item.view}
      onChange={(view) => onChange({ ...item, view })}
      rows={3}
      error={errors.byField[`${name}.view`]}
    />
  );
  return (
    <fieldset className="govuk-fieldset lantern-add-panel">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        {kind === 'parent' ? 'Parent or carer' : 'Agency'}
        {item.who ? `: ${item.who}` : ''}
      </legend>
      <TextInput
        name={`${name}.${kind === 'parent' ? 'person' : 'agency'}`}
        label={whoLabel}
        value={item.who}
        onChange={(who) => onChange({ ...item, who })}
        error={errors.byField[`${name}.${kind === 'parent' ? 'person' : 'agency'}`]}
      />
      {kind === 'parent' && (
        <TextInput
          name={`${name}.relationship`}
          label="Relationship to the child"
          widthClassName="govuk-!-width-one-half"
          value={item.relationship}
          onChange={(relationship) => onChange({ ...item, relationship })}
          error={errors.byField[`${name}.relationship`]}
        />
      )}
      <Choices
        type="radio"
        name={`${name}.status`}
        legend="Was their view obtained?"
        small
        options={[
          { value: 'given', label: 'Yes', conditional: view },
          { value: 'not_obtained', label: 'No — not obtained', conditional: reason },
        ]}
        values={item.status ? [item.status] : []}
        onChange={(v) => onChange({ ...item, status: v[0] ?? '' })}
        error={errors.byField[`${name}.status`]}
      />
      <Select
        name={`${name}.label`}
        label="Label"
        options={LABEL_OPTIONS}
        value={item.label}
        onChange={(label) => onChange({ ...item, label })}
      />
      <button type="button" className="govuk-link lantern-link-button" onClick={onRemove}>
        Remove<span className="govuk-visually-hidden"> {item.who || whoLabel.toLowerCase()}</span>
      </button>
    </fieldset>
  );
}

/**
 * Whose voices are in this analysis: the child's own words, the parents' or carers' views, each agency's.
 * A voice not obtained is recorded with the reason, so a missing voice is always visible.
 */
export function VoicesFields({
  state,
  setState,
  reference,
  errors,
  childAge,
}: {
  state: FormState;
  setState(update: (s: FormState) => FormState): void;
  reference: AssessmentReference;
  errors: FormErrors;
  childAge?: number | undefined;
}) {
  const c = state.child;
  const setChild = (patch: Partial<FormState['child']>) =>
    setState((s) => ({ ...s, child: { ...s.child, ...patch } }));
  const list = (key: 'parents' | 'agencies', kind: 'parent' | 'agency', path: string) =>
    state[key].map((item, i) => (
      <VoiceEntry
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place and keyed by position, as the server keys their labels
        key={i}
        name={`${path}.${i}`}
        item={item}
        kind={kind}
        errors={errors}
        onChange={(next) => setState((s) => ({ ...s, [key]: s[key].map((x, j) => (j === i ? next : x)) }))}
        onRemove={() => setState((s) => ({ ...s, [key]: s[key].filter((_, j) => j !== i) }))}
      />
    ));
  return (
    <>
      <Choices
        type="radio"
        name="voices.child"
        legend="The child’s wishes and feelings"
        legendClassName="govuk-fieldset__legend--s"
        hint="In their own words. If you have not been able to hear them yet, say why."
        error={errors.byField['voices.child']}
        options={[
          {
            value: 'given',
            label: 'Their words are recorded',
            conditional: (
              <>
                <TextAreaWithAssistant
                  name="voices.child.words"
                  label="What they said, in their words"
                  hint="Quote them exactly. Put your own observations in a note elsewhere, not in the quote."
                  value={c.words}
                  onChange={(words) => setChild({ words })}
                  error={errors.byField['voices.child.words']}
                  childAge={childAge}
                  field="assessment.voice"
                />
                <Choices
                  type="checkbox"
                  name="voices.child.inTheirOwnWords"
                  legend="Whose words"
                  small
                  options={[{ value: 'yes', label: 'These are the child’s own words, not a summary' }]}
                  values={c.ownWords ? ['yes'] : []}
                  onChange={(v) => setChild({ ownWords: v.includes('yes') })}
                  error={errors.byField['voices.child.inTheirOwnWords']}
                />
                <Choices
                  type="radio"
                  name="voices.child.howExpressed"
                  legend="How they expressed it"
                  small
                  options={reference.howExpressed}
                  values={c.howExpressed ? [c.howExpressed] : []}
                  onChange={(v) => setChild({ howExpressed: v[0] ?? '' })}
                  error={errors.byField['voices.child.howExpressed']}
                />
                <DateInput
                  name="voices.child.on"
                  legend="When"
                  value={datePartsOf(c.on)}
                  onChange={(parts) => setChild({ on: isoDate(parts) ?? '' })}
                  error={errors.byField['voices.child.on']}
                />
              </>
            ),
          },
          {
            value: 'not_obtained',
            label: 'Not obtained',
            conditional: (
              <TextAreaWithAssistant
                name="voices.child.reason"
                label="Why their voice was not obtained"
                value={c.reason}
                onChange={(reason) => setChild({ reason })}
                rows={3}
                error={errors.byField['voices.child.reason']}
              />
            ),
          },
        ]}
        values={c.status ? [c.status] : []}
        onChange={(v) => setChild({ status: v[0] ?? '' })}
      />
      <h3 className="govuk-heading-s" id="voices.parentsCarers" tabIndex={-1}>
        Parents and carers
      </h3>
      {errors.byField['voices.parentsCarers'] && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errors.byField['voices.parentsCarers']}
        </p>
      )}
      {list('parents', 'parent', 'voices.parentsCarers')}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => setState((s) => ({ ...s, parents: [...s.parents, NEW_ITEM] }))}
      >
        Add a parent or carer
      </button>
      <h3 className="govuk-heading-s" id="voices.agencies" tabIndex={-1}>
        Agencies
      </h3>
      {list('agencies', 'agency', 'voices.agencies')}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => setState((s) => ({ ...s, agencies: [...s.agencies, NEW_ITEM] }))}
      >
        Add an agency’s view
      </button>
    </>
  );
}
