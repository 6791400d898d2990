/**
 * Record or change a person of concern, place, peer group, online space, vehicle or business. The
 * server normalises what is typed (phone numbers, registrations, postcodes, handles) and says what it
 * could not read; after saving, records that are probably the same are offered for a merge proposal.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DateInput, FreeText } from '../children/fields.tsx';
import { useApiData } from '../components/data.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Radios, Select, TextInput } from '../components/fields.tsx';
import { useFormErrors } from '../components/form.ts';
import { usePageTitle } from '../components/page.ts';
import { BackLink, type FlashState, LoadFailure, Loading } from '../components/ui.tsx';
import { contextsApi } from './api.ts';
import { bodyOf, EMPTY, FIELDS, type Form, formOf } from './form-model.ts';
import { useContextReference } from './parts.tsx';
import './contexts.css';

export function ContextForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const reference = useContextReference();
  const existing = useApiData(() => (id ? contextsApi.get(id) : Promise.resolve(null)), [id]);
  const [form, setForm] = useState<Form>(EMPTY);
  const [working, setWorking] = useState(false);
  const { errors, show, hasErrors } = useFormErrors();
  const title = id ? 'Change the record' : 'Record a person, place or other context';
  usePageTitle(title, hasErrors);
  useEffect(() => {
    if (existing.data) setForm(formOf(existing.data.context.details));
  }, [existing.data]);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const back = id ? `/contexts/${id}` : '/contexts';

  if (reference.state !== 'loaded' || existing.state !== 'loaded') {
    return (
      <>
        <BackLink to={back} />
        <h1 className="govuk-heading-l">{title}</h1>
        {reference.state === 'failed' && <LoadFailure error={reference.error} />}
        {existing.state === 'failed' && <LoadFailure error={existing.error} />}
        {(reference.state === 'loading' || existing.state === 'loading') && <Loading />}
      </>
    );
  }
  const ref = reference.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    try {
      const body = bodyOf(form, ref);
      const saved = id ? await contextsApi.update(id, body) : await contextsApi.create(body);
      const state: FlashState & { matches: typeof saved.matches } = {
        flash: { success: true, heading: id ? 'Record changed' : 'Record saved', body: saved.context.name },
        matches: saved.matches,
      };
      navigate(`/contexts/${saved.context.id}`, { state });
    } catch (error) {
      show(error, { fields: FIELDS });
      setWorking(false);
    }
  };

  const text = (name: keyof Form & string, label: string, hint?: string) => (
    <TextInput
      name={name}
      label={label}
      hint={hint}
      value={form[name] as string}
      onChange={(v) => set({ [name]: v })}
      error={errors.byField[name]}
    />
  );
  const area = (name: keyof Form & string, label: string, hint: string, errorKey: string = name) => {
    const error = errors.byField[errorKey];
    return (
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={name}>
          {label}
        </label>
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
        {error && (
          <p id={`${name}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <textarea
          className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id={name}
          name={name}
          rows={2}
          aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`}
          value={form[name] as string}
          onChange={(e) => set({ [name]: e.target.value })}
        />
      </div>
    );
  };
  const select = (name: keyof Form & string, label: string, options: { id: string; name: string }[]) => (
    <Select
      name={name}
      label={label}
      placeholder="Choose…"
      options={options.map((o) => ({ value: o.id, label: o.name }))}
      value={form[name] as string}
      onChange={(v) => set({ [name]: v })}
      error={errors.byField[name]}
    />
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back} />
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={(event) => void submit(event)}>
          {!id && (
            <Radios
              name="kind"
              legend={FIELDS.kind}
              options={ref.kinds.map((k) => ({ value: k.id, label: k.name, hint: k.description }))}
              value={form.kind}
              onChange={(kind) => set({ kind })}
              error={errors.byField.kind}
            />
          )}
          {form.kind === 'person_of_concern' && (
            <>
              {text(
                'name',
                'Name (if known)',
                'As far as it is known. Describe what they did in the description, never as a partner of a child.',
              )}
              {area(
                'aliases',
                'Nicknames and other names (optional)',
                'One per line, as the person is known on the street or online.',
              )}
              <DateInput
                name="dateOfBirth"
                legend="Date of birth (if known)"
                hint="For example, 27 3 1998"
                value={form.dateOfBirth}
                onChange={(dateOfBirth) => set({ dateOfBirth })}
                error={errors.byField.dateOfBirth}
              />
              {text(
                'ageYears',
                'Or their age, as far as it is known (optional)',
                'A person of concern under 18 is a child first: their own safeguarding comes before anything else.',
              )}
              {area(
                'phones',
                'Phone numbers (optional)',
                'One per line, written any way: 07700 900123, +44 7700 900123.',
                'phones',
              )}
              {area(
                'handles',
                'Social media handles (optional)',
                'One per line: the platform, then the handle. For example: Instagram @tee.vance',
                'handles',
              )}
              {area(
                'registrations',
                'Vehicles they use (optional)',
                'Registrations, one per line.',
                'vehicleRegistrations',
              )}
              {area('addressLines', 'Address (optional)', 'One line per line of the address.', 'addresses')}
              {text('postcode', 'Postcode (optional)')}
            </>
          )}
          {form.kind === 'place' && (
            <>
              {select('placeKind', FIELDS.placeKind as string, ref.placeKinds)}
              {text('name', 'Name (optional)', 'For example the name of a hotel, shop or park.')}
              {area(
                'addressLines',
                'Address (optional)',
                'One line per line of the address.',
                'addressLines',
              )}
              {text('postcode', 'Postcode (optional)')}
            </>
          )}
          {form.kind === 'peer_group' &&
            text(
              'name',
              'Name of the group',
              'What professionals call it. Mapping a group is to understand and reduce harm, not to label the children in it.',
            )}
          {form.kind === 'online_space' && (
            <>
              {select('platform', FIELDS.platform as string, ref.platforms)}
              {select(
                'spaceKind',
                FIELDS.spaceKind as string,
                ref.onlineSpaceKinds.map((k) => ({ id: k, name: k.charAt(0).toUpperCase() + k.slice(1) })),
              )}
              {text('handle', 'Handle (optional)')}
              {text('name', 'Name of the group or channel (optional)')}
              {text('url', 'Web address (optional)')}
            </>
          )}
          {form.kind === 'vehicle' && (
            <>
              {text(
                'registration',
                'Registration (optional)',
                'As seen. If it was read wrongly, Lantern suggests what it might be.',
              )}
              {text('make', 'Make (optional)')}
              {text('model', 'Model (optional)')}
              {text('colour', 'Colour (optional)')}
            </>
          )}
          {form.kind === 'business' && (
            <>
              {text('name', 'Name of the business')}
              {select('sector', FIELDS.sector as string, ref.businessSectors)}
              {area(
                'addressLines',
                'Premises address (optional)',
                'One line per line of the address.',
                'addresses',
              )}
              {text('postcode', 'Postcode (optional)')}
              {area(
                'licences',
                'Licence numbers (optional)',
                'Premises, taxi or private hire licences, one per line.',
                'licenceReferences',
              )}
            </>
          )}
          {form.kind && (
            <>
              <FreeText
                name="description"
                label="Description (optional)"
                hint="What they look like, where they are seen, what they are known or suspected to have done, and who said so."
                field="context.description"
                value={form.description}
                onChange={(description) => set({ description })}
                error={errors.byField.description}
              />
              <Radios
                name="sensitivity"
                legend={FIELDS.sensitivity}
                hint="Who may see this record. You can only choose a label you could see yourself."
                options={ref.sensitivity.filter((s) => s.usable).map((s) => ({ value: s.id, label: s.name }))}
                value={form.sensitivity}
                onChange={(sensitivity) => set({ sensitivity })}
                error={errors.byField.sensitivity}
              />
              <button type="submit" className="govuk-button" disabled={working}>
                {id ? 'Save the changes' : 'Save the record'}
              </button>
            </>
          )}
        </form>
      </div>
    </div>
  );
}
