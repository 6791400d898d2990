import type { Entry } from '../children/api.ts';
import { Choices } from '../children/fields.tsx';
import type { FormErrors } from '../components/form.ts';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import type { Assessment, AssessmentReference, Instrument } from './api.ts';
import { EvidencePicker } from './Evidence.tsx';
import type { FormState } from './form-state.ts';

/**
 * The judgement every instrument shares: the analysis in the practitioner's words, the balance, the level
 * of concern (chosen, never pre-selected or computed) with its rationale, harm, and what needs to change.
 */
export function JudgementFields({
  state,
  setState,
  instrument,
  reference,
  indicative,
  entries,
  errors,
  childAge,
}: {
  state: FormState;
  setState(update: (s: FormState) => FormState): void;
  instrument: Instrument;
  reference: AssessmentReference;
  indicative: Assessment['indicative'];
  entries: Entry[];
  errors: FormErrors;
  childAge?: number | undefined;
}) {
  const g = instrument.judgementGuidance;
  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));
  const setHarm = (patch: Partial<FormState['harm']>) =>
    setState((s) => ({ ...s, harm: { ...s.harm, ...patch } }));
  const text = (name: 'analysis' | 'balance' | 'needsToChange', label: string, hint: string, rows = 6) => (
    <TextAreaWithAssistant
      name={name}
      label={label}
      labelClassName="govuk-label--m"
      hint={hint}
      value={state[name]}
      onChange={(value) => set({ [name]: value })}
      rows={rows}
      error={errors.byField[name]}
      childAge={childAge}
      field={`assessment.${name}`}
    />
  );
  const harmDetail = (
    <>
      <Choices
        type="checkbox"
        name="harm.kinds"
        legend="Which exploitation"
        small
        options={reference.harmKinds}
        values={state.harm.kinds}
        onChange={(kinds) => setHarm({ kinds })}
        error={errors.byField['harm.kinds']}
      />
      <TextAreaWithAssistant
        name="harm.description"
        label="What is suspected or known"
        hint="No disclosure is needed to record what you suspect."
        value={state.harm.description}
        onChange={(description) => setHarm({ description })}
        rows={4}
        error={errors.byField['harm.description']}
        childAge={childAge}
        field="assessment.harm"
      />
      <EvidencePicker
        name="harm.evidence"
        legend="Evidence (optional)"
        entries={entries}
        values={state.harm.evidence}
        onChange={(evidence) => setHarm({ evidence })}
        error={errors.byField['harm.evidence']}
      />
    </>
  );
  return (
    <>
      {text('analysis', 'Analysis', g.analysis, 8)}
      {text('balance', 'The balance between risk and protection', g.balance)}
      <Choices
        type="radio"
        name="judgement.level"
        legend="What does this mean for this child? Your judgement of the level of concern"
        legendClassName="govuk-fieldset__legend--m"
        hint={g.level}
        options={instrument.continuum.levels.map((l) => ({
          value: l.id,
          label: l.label,
          hint: l.description,
        }))}
        values={state.level ? [state.level] : []}
        onChange={(v) => set({ level: v[0] ?? '' })}
        error={errors.byField['judgement.level']}
      />
      <TextAreaWithAssistant
        name="judgement.rationale"
        label="Why you chose this level (your rationale)"
        labelClassName="govuk-label--s"
        hint="Required. Say what you weighed and why. A level of concern is your judgement, never a total of ticks."
        value={state.rationale}
        onChange={(rationale) => set({ rationale })}
        rows={5}
        error={errors.byField['judgement.rationale']}
        childAge={childAge}
        field="assessment.rationale"
      />
      <p className="govuk-body-s lantern-indicative">
        <strong>{reference.indicativeLabel}:</strong> {indicative.count} indicator prompt
        {indicative.count === 1 ? '' : 's'} marked “yes” or cited by a risk factor, when this draft was last
        saved. It does not set, suggest or limit the level.
      </p>
      <Choices
        type="radio"
        name="harm"
        legend="Is exploitation suspected, or known to be happening?"
        legendClassName="govuk-fieldset__legend--m"
        hint={g.harm}
        options={reference.harmStatuses.map((h) => ({
          value: h.value,
          label: h.label,
          ...(h.value === 'none_identified' ? {} : { conditional: harmDetail }),
        }))}
        values={state.harm.status ? [state.harm.status] : []}
        onChange={(v) => setHarm({ status: v[0] ?? '' })}
        error={errors.byField.harm}
      />
      {text('needsToChange', 'What needs to change', g.needsToChange)}
    </>
  );
}
