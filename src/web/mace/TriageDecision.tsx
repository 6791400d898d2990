/**
 * A triage decision for one child or context on the list: discuss at the MACE meeting, a single-agency
 * action (which agency, doing what), or no further MACE action, always with the reasons. A child sent
 * to MACE who is on no statutory plan raises an immediate referral task (the server's rule).
 */
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, LoadFailure, Loading } from '../components/ui.tsx';
import { TextAreaWithAssistant } from '../language/TextAreaWithAssistant.tsx';
import { type Invitable, type MaceConfig, maceApi, type TriageItem } from './api.ts';
import { onForm } from './forms.ts';
import { subjectKey, subjectName } from './Triage.tsx';

const FIELDS = {
  decision: 'Decision',
  'singleAgency.agencyId': 'Agency',
  'singleAgency.action': 'What the agency will do',
  reasons: 'Reasons',
};

const field = (path: string) => {
  if (path === 'singleAgency') return 'singleAgency.agencyId';
  if (path.startsWith('singleAgency.'))
    return path.includes('action') ? 'singleAgency.action' : 'singleAgency.agencyId';
  return path.split('.')[0] ?? path;
};

function Form({ item, config, people }: { item: TriageItem; config: MaceConfig; people: Invitable[] }) {
  const navigate = useNavigate();
  const { errors, show, hasErrors } = useFormErrors();
  const [decision, setDecision] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [action, setAction] = useState('');
  const [reasons, setReasons] = useState('');
  const name = subjectName(item);
  usePageTitle(`Triage decision: ${name}`, hasErrors);
  const agencies = [...new Map(people.map((p) => [p.agencyId, p.agencyName])).entries()].map(
    ([value, label]) => ({ value, label }),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const subject =
      item.subject.kind === 'child'
        ? { kind: 'child', childId: item.subject.childId }
        : { kind: 'context', contextId: item.subject.contextId };
    const single = decision === 'single_agency_action';
    const body = {
      subject,
      ...(decision ? { decision } : {}),
      reasons: reasons.trim() ? [reasons.trim()] : [],
      ...(single && (agencyId || action.trim())
        ? {
            singleAgency: {
              agencyId,
              agencyName: agencies.find((a) => a.value === agencyId)?.label,
              action: action.trim(),
            },
          }
        : {}),
    };
    try {
      await maceApi.decideTriage(body);
      navigate('/meetings/triage');
    } catch (error) {
      show(onForm(error, field), { fields: FIELDS });
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">MACE triage</span>
      <h1 className="govuk-heading-l">Decision: {name}</h1>
      <h2 className="govuk-heading-s">Why {name} is on the list</h2>
      <ul className="govuk-list govuk-list--bullet">
        {item.reasons.map((r) => (
          <li key={`${r.rule}:${r.message}`}>{r.message}</li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate>
        <Radios
          name="decision"
          legend="Decision"
          legendClassName="govuk-fieldset__legend--m"
          error={errors.byField.decision}
          options={Object.entries(config.options.triageDecisions).map(([value, label]) => ({ value, label }))}
          value={decision}
          onChange={setDecision}
        />
        {decision === 'single_agency_action' && (
          <>
            <Select
              name="singleAgency.agencyId"
              label="Agency"
              labelClassName="govuk-label--s"
              placeholder="Choose the agency"
              error={errors.byField['singleAgency.agencyId']}
              value={agencyId}
              onChange={setAgencyId}
              options={agencies}
            />
            <TextAreaWithAssistant
              name="singleAgency.action"
              field="triage.singleAgency.action"
              label="What the agency will do"
              error={errors.byField['singleAgency.action']}
              value={action}
              onChange={setAction}
            />
          </>
        )}
        <TextAreaWithAssistant
          name="reasons"
          field="triage.reasons"
          label="Reasons"
          hint="Every decision records why, “no further MACE action” included, so the reasoning can be reviewed."
          error={errors.byField.reasons}
          value={reasons}
          onChange={setReasons}
        />
        <button type="submit" className="govuk-button">
          Record the decision
        </button>
      </form>
    </>
  );
}

function NotOnList() {
  usePageTitle('Not on the triage list');
  return (
    <>
      <h1 className="govuk-heading-l">Not on the triage list</h1>
      <p className="govuk-body">
        This child or context is not on the triage list now. Go back to the list to see what is on it.
      </p>
    </>
  );
}

export function TriageDecision() {
  const { kind = '', id = '' } = useParams();
  const data = useApiData(async () => {
    const [config, list, meetings] = await Promise.all([
      maceApi.config(),
      maceApi.triage(),
      maceApi.meetings(),
    ]);
    const people = meetings.permissions.convene.length > 0 ? (await maceApi.people()).people : [];
    return { config, list, people };
  }, []);
  const item =
    data.state === 'loaded'
      ? [...data.data.list.children, ...data.data.list.contexts].find(
          (i) => subjectKey(i.subject) === `${kind}/${id}`,
        )
      : undefined;
  return (
    <>
      <BackLink to="/meetings/triage">MACE triage</BackLink>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailure error={data.error} />}
      {data.state === 'loaded' &&
        (item ? <Form item={item} config={data.data.config} people={data.data.people} /> : <NotOnList />)}
    </>
  );
}
