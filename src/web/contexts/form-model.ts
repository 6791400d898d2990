/**
 * The context form's fields, and how they become the request body for each kind of record (and back,
 * when a record is changed). What is typed is sent as it is: normalising it is the server's job.
 */
import { type DateParts, datePartsOf, EMPTY_DATE, isoDate } from '../children/fields.tsx';
import { todayInUk } from '../children/format.ts';
import type { ContextReference } from './api.ts';
import { lines } from './parts.tsx';

export interface Form {
  kind: string;
  sensitivity: string;
  name: string;
  aliases: string;
  dateOfBirth: DateParts;
  ageYears: string;
  phones: string;
  handles: string;
  registrations: string;
  addressLines: string;
  postcode: string;
  placeKind: string;
  platform: string;
  spaceKind: string;
  handle: string;
  url: string;
  registration: string;
  make: string;
  model: string;
  colour: string;
  sector: string;
  licences: string;
  description: string;
  childRecordId: string;
}

export const EMPTY: Form = {
  kind: '',
  sensitivity: 'standard',
  name: '',
  aliases: '',
  dateOfBirth: EMPTY_DATE,
  ageYears: '',
  phones: '',
  handles: '',
  registrations: '',
  addressLines: '',
  postcode: '',
  placeKind: '',
  platform: '',
  spaceKind: '',
  handle: '',
  url: '',
  registration: '',
  make: '',
  model: '',
  colour: '',
  sector: '',
  licences: '',
  description: '',
  childRecordId: '',
};

export const FIELDS: Record<string, string> = {
  kind: 'What you are recording',
  name: 'Name',
  aliases: 'Nicknames and other names',
  dateOfBirth: 'Date of birth',
  ageYears: 'Age',
  phones: 'Phone numbers',
  handles: 'Social media handles',
  vehicleRegistrations: 'Vehicles',
  addresses: 'Address',
  addressLines: 'Address',
  postcode: 'Postcode',
  placeKind: 'Kind of place',
  platform: 'Platform',
  spaceKind: 'Kind of online space',
  handle: 'Handle',
  url: 'Web address',
  registration: 'Registration',
  sector: 'Kind of business',
  licenceReferences: 'Licence numbers',
  sensitivity: 'Label',
  description: 'Description',
  childRecordId: 'Their own child record',
};

function handleLines(text: string, reference: ContextReference) {
  return lines(text).map((line) => {
    const [first = '', ...rest] = line.split(/[\s:]+/);
    const platform = reference.platforms.find(
      (p) => p.id === first.toLowerCase() || p.name.toLowerCase().startsWith(first.toLowerCase()),
    );
    return platform ? { platform: platform.id, handle: rest.join(' ') } : { platform: 'other', handle: line };
  });
}

/** The request body for the chosen kind: only that kind's fields, and nothing left empty. */
export function bodyOf(f: Form, reference: ContextReference): Record<string, unknown> {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  const address = lines(f.addressLines);
  const common = { kind: f.kind, sensitivity: f.sensitivity, description: opt(f.description) };
  switch (f.kind) {
    case 'person_of_concern':
      return {
        ...common,
        name: opt(f.name),
        aliases: lines(f.aliases),
        dateOfBirth: isoDate(f.dateOfBirth),
        ...(f.ageYears.trim() ? { ageYears: Number(f.ageYears), ageRecordedOn: todayInUk() } : {}),
        phones: lines(f.phones),
        handles: handleLines(f.handles, reference),
        vehicleRegistrations: lines(f.registrations),
        addresses: address.length || f.postcode.trim() ? [{ lines: address, postcode: opt(f.postcode) }] : [],
        childRecordId: opt(f.childRecordId),
      };
    case 'place':
      return {
        ...common,
        placeKind: f.placeKind || undefined,
        name: opt(f.name),
        addressLines: address,
        postcode: opt(f.postcode),
      };
    case 'peer_group':
      return { ...common, name: f.name };
    case 'online_space':
      return {
        ...common,
        platform: f.platform || undefined,
        spaceKind: f.spaceKind || undefined,
        handle: opt(f.handle),
        name: opt(f.name),
        url: opt(f.url),
      };
    case 'vehicle':
      return {
        ...common,
        registration: opt(f.registration),
        make: opt(f.make),
        model: opt(f.model),
        colour: opt(f.colour),
      };
    case 'business':
      return {
        ...common,
        name: f.name,
        sector: f.sector || undefined,
        addresses: address.length || f.postcode.trim() ? [{ lines: address, postcode: opt(f.postcode) }] : [],
        licenceReferences: lines(f.licences),
      };
    default:
      return common;
  }
}

/** The stored record back into the form's fields. */
export function formOf(details: Record<string, unknown>): Form {
  const d = details as Record<string, never>;
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]).join('\n') : '');
  const address = (
    Array.isArray(d.addresses) ? (d.addresses as { lines: string[]; postcode?: string }[]) : []
  )[0];
  return {
    ...EMPTY,
    kind: d.kind ?? '',
    sensitivity: d.sensitivity ?? 'standard',
    name: d.name ?? '',
    aliases: list(d.aliases),
    dateOfBirth: datePartsOf(d.dateOfBirth),
    ageYears: d.ageYears !== undefined ? String(d.ageYears) : '',
    phones: list(d.phones),
    handles: Array.isArray(d.handles)
      ? (d.handles as { platform: string; handle: string }[])
          .map((h) => `${h.platform} ${h.handle}`)
          .join('\n')
      : '',
    registrations: list(d.vehicleRegistrations),
    addressLines: address ? address.lines.join('\n') : list(d.addressLines),
    postcode: address?.postcode ?? d.postcode ?? '',
    placeKind: d.placeKind ?? '',
    platform: d.platform ?? '',
    spaceKind: d.spaceKind ?? '',
    handle: d.handle ?? '',
    url: d.url ?? '',
    registration: d.registration ?? '',
    make: d.make ?? '',
    model: d.model ?? '',
    colour: d.colour ?? '',
    sector: d.sector ?? '',
    licences: list(d.licenceReferences),
    description: d.description ?? '',
    childRecordId: d.childRecordId ?? '',
  };
}
