import './language.css';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import {
  BackLink,
  ButtonLink,
  type FlashState,
  LoadFailure,
  Loading,
  SummaryList,
  Tag,
} from '../components/ui.tsx';
import { type LexiconRule, languageApi } from './api.ts';
import { PlainTextArea } from './TextAreaWithAssistant.tsx';

/**
 * The partnership's language rules: the base lexicon shipped with Lantern and the partnership's own
 * rules, each with its source, switched off or on with a reason. Every change is audited and gives the
 * lexicon a new version, which every later check reports.
 */

function RuleStatus({ rule }: { rule: LexiconRule }) {
  return rule.enabled ? <Tag colour="green">In use</Tag> : <Tag colour="grey">Switched off</Tag>;
}

/** Families in the order the lexicon lists them, each with its rules. */
function byFamily(rules: LexiconRule[]): { family: string; title: string; rules: LexiconRule[] }[] {
  const groups = new Map<string, { family: string; title: string; rules: LexiconRule[] }>();
  for (const rule of rules) {
    const group = groups.get(rule.family) ?? { family: rule.family, title: rule.familyTitle, rules: [] };
    group.rules.push(rule);
    groups.set(rule.family, group);
  }
  return [...groups.values()];
}

function FamilyTable({ title, rules }: { title: string; rules: LexiconRule[] }) {
  return (
    <table className="govuk-table lantern-language-rules">
      <caption className="govuk-table__caption govuk-table__caption--m">{title}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header lantern-language-rules__rule">
            Rule
          </th>
          <th scope="col" className="govuk-table__header">
            Why it matters, and the source
          </th>
          <th scope="col" className="govuk-table__header lantern-language-rules__status">
            Status
          </th>
          <th scope="col" className="govuk-table__header lantern-language-rules__action">
            Action
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rules.map((rule) => (
          <tr className="govuk-table__row" key={rule.id}>
            <th scope="row" className="govuk-table__header lantern-break-words">
              {rule.id}
              {rule.origin === 'local' && (
                <>
                  <br />
                  <Tag colour="blue">Partnership rule</Tag>
                </>
              )}
            </th>
            <td className="govuk-table__cell">
              {rule.message}
              <span className="govuk-body-s lantern-language__source lantern-language-rules__source">
                Source: {rule.source}
              </span>
            </td>
            <td className="govuk-table__cell">
              <RuleStatus rule={rule} />
              {rule.change?.reason && (
                <span className="govuk-body-s lantern-language-rules__reason">{rule.change.reason}</span>
              )}
            </td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/admin/language/rules/${rule.id}`}>
                {rule.enabled ? 'Switch off' : 'Switch on'}
                <span className="govuk-visually-hidden"> {rule.id}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LanguageSettings() {
  const lexicon = useApiData(() => languageApi.lexicon(), []);
  usePageTitle('Language rules');
  return (
    <>
      <h1 className="govuk-heading-l">Language rules</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            These rules decide what the language assistant points out as people write. Each comes from
            published guidance or the partnership’s own practice, named as its source. Switch a rule off, or
            add one of the partnership’s own, without any change to Lantern itself. Every change is recorded.
          </p>
          {lexicon.state === 'loaded' && (
            <p className="govuk-body">
              Rules in use now: version{' '}
              <strong className="lantern-break-words">{lexicon.data.version}</strong>
              {lexicon.data.version !== lexicon.data.baseVersion && (
                <> (Lantern’s own: {lexicon.data.baseVersion})</>
              )}
              . Every check records the version it used.
            </p>
          )}
          <ButtonLink to="/admin/language/rules/new">Add a rule</ButtonLink>
        </div>
      </div>
      {lexicon.state === 'loading' && <Loading />}
      {lexicon.state === 'failed' && <LoadFailure error={lexicon.error} />}
      {lexicon.state === 'loaded' &&
        byFamily(lexicon.data.rules).map((group) => <FamilyTable key={group.family} {...group} />)}
    </>
  );
}

/** Switching one rule off or back on: the rule, then the reason, which is required either way. */
export function SwitchLanguageRule() {
  const { id = '' } = useParams();
  const lexicon = useApiData(() => languageApi.lexicon(), []);
  usePageTitle('Switch a language rule off or on');
  const rule = lexicon.state === 'loaded' ? lexicon.data.rules.find((r) => r.id === id) : undefined;
  if (rule) return <SwitchForm key={rule.id} rule={rule} />;
  return (
    <>
      <BackLink to="/admin/language">Back to language rules</BackLink>
      <h1 className="govuk-heading-l">Language rule</h1>
      {lexicon.state === 'loading' && <Loading />}
      {lexicon.state === 'failed' && <LoadFailure error={lexicon.error} />}
      {lexicon.state === 'loaded' && (
        <p className="govuk-body">We could not find that rule. The link may be wrong.</p>
      )}
    </>
  );
}

function SwitchForm({ rule }: { rule: LexiconRule }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const switchingOff = rule.enabled;
  const title = switchingOff ? `Switch off ${rule.id}` : `Switch ${rule.id} back on`;
  usePageTitle(title, hasErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const saved = await languageApi.setDisabled(rule.id, { disabled: switchingOff, reason });
      const state: FlashState = {
        flash: {
          success: true,
          heading: switchingOff ? `${rule.id} is switched off` : `${rule.id} is in use again`,
          body: `Checks now use version ${saved.version} of the rules.`,
        },
      };
      navigate('/admin/language', { state });
    } catch (error) {
      show(error, { fields: { reason: 'The reason' } });
      setWorking(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/language">Back to language rules</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{rule.familyTitle}</span>
        <h1 className="govuk-heading-l lantern-break-words">{title}</h1>
        <SummaryList
          rows={[
            { key: 'Why it matters', value: rule.message },
            {
              key: 'Flags, for example',
              value: (
                <ul className="govuk-list">
                  {rule.examples.flagged.map((example) => (
                    <li key={example}>{example}</li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'Suggests',
              value: (
                <ul className="govuk-list">
                  {rule.suggestions.map((suggestion) => (
                    <li key={suggestion}>{suggestion}</li>
                  ))}
                </ul>
              ),
            },
            { key: 'Source', value: rule.source },
            { key: 'Status', value: <RuleStatus rule={rule} /> },
            ...(rule.change?.reason ? [{ key: 'Reason given last time', value: rule.change.reason }] : []),
          ]}
        />
        <form noValidate onSubmit={(event) => void submit(event)}>
          <PlainTextArea
            name="reason"
            label={
              switchingOff
                ? 'Why is the partnership switching this rule off?'
                : 'Why is the partnership switching this rule back on?'
            }
            hint="This is recorded with the change and shown beside the rule."
            rows={3}
            value={reason}
            onChange={setReason}
            error={errors.byField.reason}
          />
          <div className="govuk-button-group">
            <button
              type="submit"
              className={switchingOff ? 'govuk-button govuk-button--warning' : 'govuk-button'}
            >
              {switchingOff ? 'Switch off rule' : 'Switch rule back on'}
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
