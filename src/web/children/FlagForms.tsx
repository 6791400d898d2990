import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import type { FlashState } from '../components/ui.tsx';
import { type Child, childrenApi, type Flag } from './api.ts';
import { Choices, FreeText, YesNo } from './fields.tsx';
import { ChildFormPage } from './record.tsx';
import type { CaseReference } from './reference.ts';
import { GAINER_NAMES, LABEL_OPTIONS, nameOf, SETTING_NAMES } from './words.ts';

const flagName = (flag: Flag) =>
  flag.kind === 'other' && flag.otherDescription ? flag.otherDescription : flag.kindName;

const FLAG_FIELDS = {
  kind: 'Kind of exploitation',
  otherDescription: 'Description of the exploitation',
  powerImbalance: 'Imbalance of power',
  'exchange.what': 'What is exchanged',
  'exchange.gainedBy': 'Who gains',
  ageUnder18: 'Whether the child is under 18',
  setting: 'Where it happens',
  harmStatus: 'Harm status',
  harmRationale: 'Why you say this',
  sensitivity: 'Label',
};

function SetFlagForm({ child, reference }: { child: Child; reference: CaseReference }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [otherDescription, setOtherDescription] = useState('');
  const [powerImbalance, setPowerImbalance] = useState('');
  const [what, setWhat] = useState('');
  const [gainedBy, setGainedBy] = useState<string[]>([]);
  const [ageUnder18, setAgeUnder18] = useState<boolean | undefined>(undefined);
  const [setting, setSetting] = useState('');
  const [harmStatus, setHarmStatus] = useState('');
  const [harmRationale, setHarmRationale] = useState('');
  const [sensitivity, setSensitivity] = useState('standard');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  usePageTitle('Add a flag', hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      await childrenApi.setFlag(child.id, {
        kind: kind || undefined,
        otherDescription: kind === 'other' ? otherDescription : undefined,
        powerImbalance,
        exchange: { what, gainedBy },
        ageUnder18,
        setting: setting || undefined,
        harmStatus: harmStatus || undefined,
        harmRationale,
        sensitivity,
      });
      const state: FlashState = { flash: { success: true, heading: 'The flag has been added' } };
      navigate(`/children/${child.id}/flags`, { state });
    } catch (error) {
      show(error, { fields: FLAG_FIELDS });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">Add a flag</h1>
      <p className="govuk-body">
        Record what you know against each part of the policy definition. It can be exploitation even if it
        appears consensual, and it can happen through technology.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Choices
          type="radio"
          name="kind"
          legend="What kind of exploitation?"
          options={reference.flagKinds.map((option) => ({
            value: option.value,
            label: option.label,
            conditional:
              option.value === 'other' ? (
                <FreeText
                  name="otherDescription"
                  label="Describe the exploitation"
                  rows={2}
                  value={otherDescription}
                  onChange={setOtherDescription}
                  error={errors.byField.otherDescription}
                />
              ) : undefined,
          }))}
          values={kind ? [kind] : []}
          onChange={(values) => setKind(values[0] ?? '')}
          error={errors.byField.kind}
        />
        <FreeText
          name="powerImbalance"
          label="What is the imbalance of power?"
          hint="For example, age, gender, physical strength, money, status, or a hold over the child such as a debt or threats."
          childAge={child.age}
          field="flag.powerImbalance"
          value={powerImbalance}
          onChange={setPowerImbalance}
          error={errors.byField.powerImbalance}
        />
        <FreeText
          name="exchange.what"
          label="What is exchanged?"
          hint="What the child receives or is promised, such as money, drugs, gifts, somewhere to stay or affection, or what the person exploiting them gains."
          childAge={child.age}
          field="flag.exchange"
          value={what}
          onChange={setWhat}
          error={errors.byField['exchange.what']}
        />
        <Choices
          type="checkbox"
          name="exchange.gainedBy"
          legend="Who gains from it?"
          hint="Select all that apply."
          small
          options={reference.exchangeGainers.map((value) => ({ value, label: nameOf(GAINER_NAMES, value) }))}
          values={gainedBy}
          onChange={setGainedBy}
          error={errors.byField['exchange.gainedBy']}
        />
        <YesNo
          name="ageUnder18"
          legend="Is the child under 18?"
          value={ageUnder18}
          onChange={setAgeUnder18}
          error={errors.byField.ageUnder18}
        />
        <Choices
          type="radio"
          name="setting"
          legend="Where does it happen?"
          small
          options={reference.flagSettings.map((value) => ({ value, label: nameOf(SETTING_NAMES, value) }))}
          values={setting ? [setting] : []}
          onChange={(values) => setSetting(values[0] ?? '')}
          error={errors.byField.setting}
        />
        <Choices
          type="radio"
          name="harmStatus"
          legend="Is the exploitation suspected or known?"
          hint="If the child is being harmed, record it as known."
          options={reference.harmStatuses.map((option) => ({ value: option.value, label: option.label }))}
          values={harmStatus ? [harmStatus] : []}
          onChange={(values) => setHarmStatus(values[0] ?? '')}
          error={errors.byField.harmStatus}
        />
        <FreeText
          name="harmRationale"
          label="Why do you say this?"
          hint="What you know, and where it comes from."
          value={harmRationale}
          onChange={setHarmRationale}
          error={errors.byField.harmRationale}
        />
        <Select
          name="sensitivity"
          label="Label"
          labelClassName="govuk-label--s"
          hint="You can use a label only if you can see information with that label yourself."
          options={LABEL_OPTIONS}
          value={sensitivity}
          onChange={setSensitivity}
          error={errors.byField.sensitivity}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={working} aria-disabled={working}>
            Add the flag
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/flags`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function SetFlag() {
  usePageTitle('Add a flag');
  return (
    <ChildFormPage
      title="Add a flag"
      back={(id) => ({ to: `/children/${id}/flags`, text: 'Back to flags and harm' })}
    >
      {(child, reference) => <SetFlagForm child={child} reference={reference} />}
    </ChildFormPage>
  );
}

function FlagActionForm({
  child,
  reference,
  flag,
  action,
}: {
  child: Child;
  reference: CaseReference;
  flag: Flag;
  action: 'harm-status' | 'remove';
}) {
  const navigate = useNavigate();
  const [harmStatus, setHarmStatus] = useState(flag.harmStatus);
  const [text, setText] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const title =
    action === 'remove' ? `Remove the flag: ${flagName(flag)}` : `Change the harm status: ${flagName(flag)}`;
  usePageTitle(title, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      if (action === 'remove') await childrenApi.removeFlag(child.id, flag.id, { reason: text });
      else await childrenApi.changeHarmStatus(child.id, flag.id, { harmStatus, rationale: text });
      const state: FlashState = {
        flash: {
          success: true,
          heading: action === 'remove' ? 'The flag has been removed' : 'The harm status has been changed',
        },
      };
      navigate(`/children/${child.id}/flags`, { state });
    } catch (error) {
      show(error, { fields: { harmStatus: 'Harm status', rationale: 'Why', reason: 'Reason' } });
      setWorking(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{child.displayName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {action === 'harm-status' && (
          <Choices
            type="radio"
            name="harmStatus"
            legend="Is the exploitation suspected or known?"
            hint="If the child is being harmed, record it as known."
            options={reference.harmStatuses.map((option) => ({ value: option.value, label: option.label }))}
            values={[harmStatus]}
            onChange={(values) => setHarmStatus((values[0] as Flag['harmStatus']) ?? flag.harmStatus)}
            error={errors.byField.harmStatus}
          />
        )}
        <FreeText
          name={action === 'remove' ? 'reason' : 'rationale'}
          label={action === 'remove' ? 'Why are you removing the flag?' : 'Why do you say this?'}
          hint={
            action === 'remove'
              ? 'The flag stays in the history with your reason.'
              : 'What you know, and where it comes from.'
          }
          value={text}
          onChange={setText}
          error={errors.byField[action === 'remove' ? 'reason' : 'rationale']}
        />
        <div className="govuk-button-group">
          <button
            type="submit"
            className={action === 'remove' ? 'govuk-button govuk-button--warning' : 'govuk-button'}
            disabled={working}
            aria-disabled={working}
          >
            {action === 'remove' ? 'Remove the flag' : 'Save'}
          </button>
          <Link className="govuk-link" to={`/children/${child.id}/flags`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

function FlagAction({ action }: { action: 'harm-status' | 'remove' }) {
  const { flagId = '' } = useParams();
  const title = action === 'remove' ? 'Remove a flag' : 'Change the harm status';
  usePageTitle(title);
  return (
    <ChildFormPage
      title={title}
      back={(id) => ({ to: `/children/${id}/flags`, text: 'Back to flags and harm' })}
    >
      {(child, reference) => {
        const flag = child.flags.find((f) => f.id === flagId && f.active);
        return flag ? (
          <FlagActionForm child={child} reference={reference} flag={flag} action={action} />
        ) : (
          <>
            <h1 className="govuk-heading-l">{title}</h1>
            <p className="govuk-body">We could not find that flag on the record.</p>
          </>
        );
      }}
    </ChildFormPage>
  );
}

export function ChangeHarmStatus() {
  return <FlagAction action="harm-status" />;
}

export function RemoveFlag() {
  return <FlagAction action="remove" />;
}
