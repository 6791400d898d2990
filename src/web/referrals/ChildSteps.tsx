import { useState } from 'react';
import { ApiError } from '../api.ts';
import { childrenApi } from '../children/api.ts';
import { Choices, DateInput, oneError } from '../children/fields.tsx';
import { formatDate } from '../children/format.ts';
import { SEX_NAMES } from '../children/words.ts';
import { TextInput } from '../components/fields.tsx';
import type { FormErrors } from '../components/form.ts';
import { InsetText } from '../components/ui.tsx';
import { useMe } from '../session.tsx';
import type { Match } from './api.ts';
import { matchBody, useDraft } from './draft.tsx';
import { Caption, StepForm, useContinue } from './NewReferral.tsx';

/**
 * People whose accounts may not look for children's records (a school referrer, for example) are refused
 * the matching call; after the first refusal this visit does not ask again for them.
 */
const matchingRefused = new Set<string>();

export function AboutTheChild() {
  const me = useMe();
  const { draft, update, updateChild, errorsFor } = useDraft();
  const { go, goOn } = useContinue();
  const errors = errorsFor('child').byField;
  const c = draft.child;
  const back = draft.immediateDanger ? '/referrals/new/immediate-danger' : '/referrals/new';

  const onContinue = async () => {
    update({ existingChild: null, matches: null });
    if (!matchingRefused.has(me.user.id) && c.givenName.trim() && c.familyName.trim()) {
      try {
        const { matches } = await childrenApi.matches(matchBody(c));
        if (matches.length > 0) {
          update({ matches });
          goOn('matches');
          return;
        }
      } catch (error) {
        // Not being able to look for a record never holds up a referral: the front door matches it.
        if (error instanceof ApiError && error.status === 403) matchingRefused.add(me.user.id);
      }
    }
    go('what-happened');
  };

  return (
    <StepForm step="child" title="About the child" back={back} onContinue={onContinue}>
      <Caption />
      <h1 className="govuk-heading-l">About the child</h1>
      <InsetText>Tell us what you know. Leave out anything you do not know.</InsetText>
      <TextInput
        name="child.givenName"
        label="First name"
        labelClassName="govuk-label--s"
        hint="If you do not know it, write ‘Not known’."
        autoComplete="off"
        spellCheck={false}
        value={c.givenName}
        onChange={(givenName) => updateChild({ givenName })}
        error={errors['child.givenName']}
      />
      <TextInput
        name="child.familyName"
        label="Last name"
        labelClassName="govuk-label--s"
        hint="If you do not know it, write ‘Not known’."
        autoComplete="off"
        spellCheck={false}
        value={c.familyName}
        onChange={(familyName) => updateChild({ familyName })}
        error={errors['child.familyName']}
      />
      <TextInput
        name="child.knownAs"
        label="Other names they are known by (optional)"
        labelClassName="govuk-label--s"
        hint="Nicknames, or names used online. Separate names with a comma."
        autoComplete="off"
        spellCheck={false}
        value={c.knownAs}
        onChange={(knownAs) => updateChild({ knownAs })}
        error={errors['child.knownAs']}
      />
      <DateInput
        name="child.dateOfBirth"
        legend="Date of birth"
        hint="For example, 14 5 2011. If you do not know it, give their approximate age instead."
        value={c.dateOfBirth}
        onChange={(dateOfBirth) => updateChild({ dateOfBirth })}
        error={errors['child.dateOfBirth']}
      />
      <TextInput
        name="child.estimatedAge"
        label="Approximate age, in years (if you do not know their date of birth)"
        labelClassName="govuk-label--s"
        inputMode="numeric"
        widthClassName="govuk-input--width-3"
        value={c.estimatedAge}
        onChange={(estimatedAge) => updateChild({ estimatedAge })}
        error={errors['child.estimatedAge']}
      />
      <Choices
        type="radio"
        name="child.sex"
        legend="Sex (optional)"
        small
        inline
        options={Object.entries(SEX_NAMES).map(([value, label]) => ({ value, label }))}
        values={c.sex ? [c.sex] : []}
        onChange={(values) => updateChild({ sex: values[0] ?? '' })}
        error={errors['child.sex']}
      />
      <TextInput
        name="child.school"
        label="School or college (optional)"
        labelClassName="govuk-label--s"
        autoComplete="off"
        value={c.school}
        onChange={(school) => updateChild({ school })}
        error={errors['child.school']}
      />
      <TextInput
        name="child.address"
        label="Address (optional)"
        labelClassName="govuk-label--s"
        autoComplete="off"
        value={c.address}
        onChange={(address) => updateChild({ address })}
        error={errors['child.address']}
      />
      <TextInput
        name="child.postcode"
        label="Postcode (optional)"
        labelClassName="govuk-label--s"
        autoComplete="off"
        widthClassName="govuk-input--width-10"
        value={c.postcode}
        onChange={(postcode) => updateChild({ postcode })}
        error={errors['child.postcode']}
      />
    </StepForm>
  );
}

const NONE = 'none';

/** What the server says about a proposed record, and why it proposed it. Nothing else is shown. */
export function MatchDescription({ match }: { match: Match }) {
  const { child } = match;
  return (
    <>
      <span className="govuk-!-display-block">
        {child.dateOfBirth
          ? `Date of birth ${formatDate(child.dateOfBirth)}${child.dateOfBirthEstimated ? ' (estimated)' : ''}`
          : 'Date of birth not recorded'}
        {child.knownAs.length > 0 && `; known as ${child.knownAs.join(', ')}`}
        {child.school && `; ${child.school}`}
      </span>
      <span className="govuk-!-display-block">
        {match.strength === 'likely' ? 'Likely match' : 'Possible match'}: {match.reasons.join('; ')}
      </span>
    </>
  );
}

/** The records the server thinks may be this child, for the referrer to pick one or say none match. */
export function ChooseMatch() {
  const { draft, update } = useDraft();
  const { go } = useContinue();
  const [choice, setChoice] = useState(draft.existingChild?.id ?? (draft.matches ? '' : NONE));
  const [errors, setErrors] = useState<FormErrors>({ summary: [], byField: {}, version: 0 });
  const matches = draft.matches ?? [];

  const onContinue = () => {
    if (!choice) {
      const text = 'Select the child’s record, or select that none of these is the child';
      setErrors((e) => oneError('childId', text, e.version));
      return;
    }
    update({ existingChild: matches.find((match) => match.child.id === choice)?.child ?? null });
    go('what-happened');
  };

  return (
    <StepForm
      step="matches"
      title="Is this the child you are referring?"
      back="/referrals/new/child"
      onContinue={onContinue}
      errors={errors}
    >
      <Caption />
      <Choices
        type="radio"
        name="childId"
        isPageHeading
        legendClassName="govuk-fieldset__legend--l"
        legend="Is this the child you are referring?"
        hint="Lantern already has records that look like the child you described. Check them before you go on: one child should have one record."
        error={errors.byField.childId}
        options={[
          ...matches.map((match) => ({
            value: match.child.id,
            label: match.child.displayName,
            hint: <MatchDescription match={match} />,
          })),
          { value: NONE, label: 'None of these is the child', dividerBefore: true },
        ]}
        values={choice ? [choice] : []}
        onChange={(values) => setChoice(values[0] ?? '')}
      />
    </StepForm>
  );
}
