/**
 * The repeating parts of the return interview form: where the child was, who they were with, the
 * actions agreed and what was shared. Places and people can be an existing place or person of concern
 * (found with the contexts search, which only finds records the person may see), a new place or person
 * of concern, or only words.
 */
import { Radios, TextInput } from '../components/fields.tsx';
import { type Picked, RecordPicker } from '../contexts/RecordPicker.tsx';
import { DateTimeInput, type DateTimeParts, nowParts } from './datetime.tsx';

export interface PlaceEntry {
  link: 'existing_place' | 'new_place_of_concern' | 'not_linked';
  name: string;
  address: string;
  description: string;
  /** For an existing place: the record chosen, and what it has to do with this episode. */
  picked?: Picked | null;
  note?: string;
}

export interface PersonEntry {
  link: 'existing_person' | 'new_person_of_concern' | 'not_linked';
  name: string;
  description: string;
  picked?: Picked | null;
  note?: string;
}

export interface ActionEntry {
  description: string;
  ownerName: string;
  /** Kept as they were when set through the API; the form does not change them. */
  ownerAgencyId?: string | undefined;
  dueDate?: string | undefined;
}

export interface ShareEntry {
  with: 'childrens_services' | 'police' | 'other';
  summary: string;
  at: DateTimeParts;
}

export const NEW_PLACE: PlaceEntry = { link: 'not_linked', name: '', address: '', description: '' };
export const NEW_PERSON: PersonEntry = { link: 'not_linked', name: '', description: '' };

type Errors = Readonly<Record<string, string>>;

function replace<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

function RemoveButton({ onClick, what }: { onClick(): void; what: string }) {
  return (
    <button type="button" className="govuk-button govuk-button--secondary" onClick={onClick}>
      Remove<span className="govuk-visually-hidden"> {what}</span>
    </button>
  );
}

export function PlacesEditor({
  places,
  onChange,
  errors,
}: {
  places: PlaceEntry[];
  onChange(places: PlaceEntry[]): void;
  errors: Errors;
}) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Where the child was</legend>
      {places.map((place, i) => {
        const base = `whereTheyWere.${i}`;
        const set = (change: Partial<PlaceEntry>) => onChange(replace(places, i, { ...place, ...change }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id until saved; the index is their place
          <div className="lantern-missing-entry" key={i}>
            <Radios
              name={`${base}.link`}
              legend={`Place ${i + 1}`}
              options={[
                { value: 'existing_place', label: 'A place already recorded in Lantern' },
                { value: 'new_place_of_concern', label: 'Record as a new place of concern' },
                { value: 'not_linked', label: 'Describe it in words only' },
              ]}
              value={place.link}
              onChange={(link) => set({ link: link as PlaceEntry['link'] })}
              small
            />
            {place.link === 'existing_place' && (
              <>
                <RecordPicker
                  name={`${base}.placeId`}
                  what="context"
                  label="Which place"
                  picked={place.picked ?? null}
                  onPick={(picked) => set({ picked })}
                  error={errors[`${base}.placeId`]}
                />
                <TextInput
                  name={`${base}.note`}
                  label="What it has to do with this episode (optional)"
                  value={place.note ?? ''}
                  onChange={(note) => set({ note })}
                  error={errors[`${base}.note`]}
                />
              </>
            )}
            {place.link === 'new_place_of_concern' && (
              <>
                <TextInput
                  name={`${base}.name`}
                  label="Name of the place"
                  value={place.name}
                  onChange={(name) => set({ name })}
                  error={errors[`${base}.name`]}
                />
                <TextInput
                  name={`${base}.address`}
                  label="Address (optional)"
                  value={place.address}
                  onChange={(address) => set({ address })}
                />
              </>
            )}
            {place.link !== 'existing_place' && (
              <TextInput
                name={`${base}.description`}
                label={place.link === 'new_place_of_concern' ? 'Description (optional)' : 'Description'}
                value={place.description}
                onChange={(description) => set({ description })}
                error={errors[`${base}.description`]}
              />
            )}
            <RemoveButton
              what={`place ${i + 1}`}
              onClick={() => onChange(places.filter((_, n) => n !== i))}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...places, NEW_PLACE])}
      >
        Add a place
      </button>
    </fieldset>
  );
}

export function PeopleEditor({
  people,
  onChange,
  errors,
}: {
  people: PersonEntry[];
  onChange(people: PersonEntry[]): void;
  errors: Errors;
}) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Who the child was with</legend>
      {people.map((person, i) => {
        const base = `whoWith.${i}`;
        const set = (change: Partial<PersonEntry>) => onChange(replace(people, i, { ...person, ...change }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id until saved; the index is their place
          <div className="lantern-missing-entry" key={i}>
            <Radios
              name={`${base}.link`}
              legend={`Person ${i + 1}`}
              options={[
                { value: 'existing_person', label: 'A person of concern already recorded in Lantern' },
                { value: 'new_person_of_concern', label: 'Record as a new person of concern' },
                { value: 'not_linked', label: 'Describe them in words only' },
              ]}
              value={person.link}
              onChange={(link) => set({ link: link as PersonEntry['link'] })}
              small
            />
            {person.link === 'existing_person' && (
              <>
                <RecordPicker
                  name={`${base}.personId`}
                  what="context"
                  label="Which person of concern"
                  picked={person.picked ?? null}
                  onPick={(picked) => set({ picked })}
                  error={errors[`${base}.personId`]}
                />
                <TextInput
                  name={`${base}.note`}
                  label="What they did, as far as this episode goes (optional)"
                  value={person.note ?? ''}
                  onChange={(note) => set({ note })}
                  error={errors[`${base}.note`]}
                />
              </>
            )}
            {person.link === 'new_person_of_concern' && (
              <TextInput
                name={`${base}.name`}
                label="Name, nickname or online name (optional)"
                value={person.name}
                onChange={(name) => set({ name })}
              />
            )}
            {person.link !== 'existing_person' && (
              <TextInput
                name={`${base}.description`}
                label="Description"
                hint="What they did, how old they seemed, how the child knows them."
                value={person.description}
                onChange={(description) => set({ description })}
                error={errors[`${base}.description`]}
              />
            )}
            <RemoveButton
              what={`person ${i + 1}`}
              onClick={() => onChange(people.filter((_, n) => n !== i))}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...people, NEW_PERSON])}
      >
        Add a person
      </button>
    </fieldset>
  );
}

export function ActionsEditor({
  actions,
  onChange,
  errors,
}: {
  actions: ActionEntry[];
  onChange(actions: ActionEntry[]): void;
  errors: Errors;
}) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Actions agreed</legend>
      {actions.map((action, i) => {
        const set = (change: Partial<ActionEntry>) => onChange(replace(actions, i, { ...action, ...change }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id until saved; the index is their place
          <div className="lantern-missing-entry" key={i}>
            <TextInput
              name={`actions.${i}.description`}
              label={`Action ${i + 1}`}
              value={action.description}
              onChange={(description) => set({ description })}
              error={errors[`actions.${i}.description`]}
            />
            <TextInput
              name={`actions.${i}.ownerName`}
              label="Who will do it (optional)"
              value={action.ownerName}
              onChange={(ownerName) => set({ ownerName })}
            />
            <RemoveButton
              what={`action ${i + 1}`}
              onClick={() => onChange(actions.filter((_, n) => n !== i))}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...actions, { description: '', ownerName: '' }])}
      >
        Add an action
      </button>
    </fieldset>
  );
}

const SHARE_NAMES = {
  childrens_services: 'Children’s services',
  police: 'Police',
  other: 'Another agency',
} as const;

export function SharingEditor({
  sharing,
  onChange,
  errors,
}: {
  sharing: ShareEntry[];
  onChange(sharing: ShareEntry[]): void;
  errors: Errors;
}) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        What was shared, and with whom
      </legend>
      {sharing.map((share, i) => {
        const set = (change: Partial<ShareEntry>) => onChange(replace(sharing, i, { ...share, ...change }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id until saved; the index is their place
          <div className="lantern-missing-entry" key={i}>
            <Radios
              name={`sharing.${i}.with`}
              legend={`Shared with (${i + 1})`}
              options={Object.entries(SHARE_NAMES).map(([value, label]) => ({ value, label }))}
              value={share.with}
              onChange={(value) => set({ with: value as ShareEntry['with'] })}
              small
            />
            <DateTimeInput
              name={`sharing.${i}.sharedAt`}
              legend="When it was shared"
              value={share.at}
              onChange={(at) => set({ at })}
              error={errors[`sharing.${i}.sharedAt`]}
            />
            <TextInput
              name={`sharing.${i}.summary`}
              label="What was shared"
              value={share.summary}
              onChange={(summary) => set({ summary })}
              error={errors[`sharing.${i}.summary`]}
            />
            <RemoveButton
              what={`shared information ${i + 1}`}
              onClick={() => onChange(sharing.filter((_, n) => n !== i))}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...sharing, { with: 'childrens_services', summary: '', at: nowParts() }])}
      >
        Add what was shared
      </button>
    </fieldset>
  );
}
