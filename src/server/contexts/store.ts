/**
 * Context records as rows: the name a record goes by, its identifiers in normal form (for matching and
 * search), and the subject the domain's matcher compares. Writes happen inside the caller's
 * transaction, next to their audit entry.
 */
import type { Transaction } from 'kysely';
import {
  BUSINESS_SECTOR_NAMES,
  type ContextRecord,
  formatUkPhone,
  type MatchSubject,
  nameTokens,
  normaliseName,
  normaliseVehicleRegistration,
  ONLINE_PLATFORM_NAMES,
  PLACE_KIND_NAMES,
  vehicleMatchKey,
} from '../../domain/contexts/index.ts';
import type { DB } from '../db/schema.ts';

export type IdentifierKind = 'name' | 'alias' | 'phone' | 'handle' | 'registration' | 'postcode' | 'street';
export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

const registrationDisplay = (r: string) => {
  const n = normaliseVehicleRegistration(r);
  return n.ok ? n.display : r;
};

/** What the record is called on screens and in the network view. */
export function displayNameOf(record: ContextRecord): string {
  switch (record.kind) {
    case 'person_of_concern': {
      const phone = record.phones[0];
      const handle = record.handles[0];
      const vehicle = record.vehicleRegistrations[0];
      return (
        record.name ??
        (record.aliases[0] ? `“${record.aliases[0]}”` : undefined) ??
        (phone ? formatUkPhone(phone.number) : undefined) ??
        (handle ? `${handle.display} (${ONLINE_PLATFORM_NAMES[handle.platform]})` : undefined) ??
        (vehicle ? `Driver of ${registrationDisplay(vehicle)}` : 'Person of concern')
      );
    }
    case 'place': {
      const address = [record.addressLines[0], record.postcode].filter(Boolean).join(', ');
      return record.name ?? (address || PLACE_KIND_NAMES[record.placeKind]);
    }
    case 'peer_group':
      return record.name;
    case 'online_space':
      return (
        record.name ??
        (record.handle ? `@${record.handle} (${ONLINE_PLATFORM_NAMES[record.platform]})` : undefined) ??
        record.url ??
        ONLINE_PLATFORM_NAMES[record.platform]
      );
    case 'vehicle':
      return record.registration
        ? registrationDisplay(record.registration)
        : [record.colour, record.make, record.model].filter(Boolean).join(' ') || 'Vehicle';
    case 'business':
      return `${record.name} (${BUSINESS_SECTOR_NAMES[record.sector]})`;
  }
}

const nameKey = (name: string) => nameTokens(name).join(' ');

/** Every identifier of the record in the form matching compares. */
export function identifiersOf(record: ContextRecord): Identifier[] {
  const out: Identifier[] = [];
  const add = (kind: IdentifierKind, value: string | null | undefined) => {
    const v = value?.trim();
    if (v && v.length <= 300 && !out.some((i) => i.kind === kind && i.value === v))
      out.push({ kind, value: v });
  };
  switch (record.kind) {
    case 'person_of_concern':
      if (record.name) add('name', nameKey(record.name));
      for (const a of record.aliases) add('alias', nameKey(a));
      for (const p of record.phones) add('phone', p.number);
      for (const h of record.handles) add('handle', `${h.platform}:${h.handle}`);
      for (const r of record.vehicleRegistrations) add('registration', vehicleMatchKey(r));
      for (const a of record.addresses) add('postcode', a.postcode);
      break;
    case 'place':
      if (record.name) add('name', normaliseName(record.name));
      if (record.addressLines[0]) add('street', normaliseName(record.addressLines[0]));
      add('postcode', record.postcode);
      break;
    case 'peer_group':
      add('name', normaliseName(record.name));
      break;
    case 'online_space':
      if (record.name) add('name', normaliseName(record.name));
      if (record.handle) add('handle', `${record.platform}:${record.handle}`);
      break;
    case 'vehicle':
      if (record.registration) add('registration', vehicleMatchKey(record.registration));
      break;
    case 'business':
      add('name', normaliseName(record.name));
      for (const a of record.addresses) add('postcode', a.postcode);
      break;
  }
  return out;
}

/** The record as the domain's matcher reads it; null for kinds it does not score. */
export function matchSubjectOf(record: ContextRecord): MatchSubject | null {
  switch (record.kind) {
    case 'person_of_concern':
      return {
        kind: 'person',
        name: record.name ?? null,
        aliases: record.aliases,
        dateOfBirth: record.dateOfBirth ?? null,
        ageYears: record.ageYears ?? null,
        ageRecordedOn: record.ageRecordedOn ?? null,
        phones: record.phones.map((p) => p.number),
        handles: record.handles.map((h) => ({ platform: h.platform, handle: h.display })),
        vehicles: record.vehicleRegistrations,
        postcodes: record.addresses.flatMap((a) => (a.postcode ? [a.postcode] : [])),
      };
    case 'place':
      return {
        kind: 'place',
        name: record.name ?? null,
        addressLines: record.addressLines,
        postcode: record.postcode ?? null,
        coordinates: record.coordinates ?? null,
      };
    case 'vehicle':
      return record.registration
        ? {
            kind: 'vehicle',
            registration: record.registration,
            make: record.make ?? null,
            colour: record.colour ?? null,
          }
        : null;
    default:
      return null;
  }
}

/** Replaces the record's identifiers with those of its current details. */
export async function saveIdentifiers(trx: Transaction<DB>, contextId: string, record: ContextRecord) {
  await trx.deleteFrom('context_identifiers').where('context_id', '=', contextId).execute();
  const ids = identifiersOf(record);
  if (ids.length === 0) return;
  await trx
    .insertInto('context_identifiers')
    .values(ids.map((i) => ({ context_id: contextId, kind: i.kind, value: i.value })))
    .execute();
}

export interface ContextRowInput {
  record: ContextRecord;
  userId: string;
  agencyId: string;
}

export async function insertContext(trx: Transaction<DB>, { record, userId, agencyId }: ContextRowInput) {
  const { id: _ignored, ...details } = record;
  const row = await trx
    .insertInto('contexts')
    .values({
      kind: record.kind,
      sensitivity: record.sensitivity,
      display_name: displayNameOf(record).slice(0, 300),
      details: JSON.stringify(details),
      child_record_id: record.kind === 'person_of_concern' ? (record.childRecordId ?? null) : null,
      created_by: userId,
      created_agency_id: agencyId,
      updated_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await saveIdentifiers(trx, row.id, record);
  return row.id;
}

export async function updateContext(trx: Transaction<DB>, id: string, record: ContextRecord, userId: string) {
  const { id: _ignored, ...details } = record;
  await trx
    .updateTable('contexts')
    .set({
      sensitivity: record.sensitivity,
      display_name: displayNameOf(record).slice(0, 300),
      details: JSON.stringify(details),
      child_record_id: record.kind === 'person_of_concern' ? (record.childRecordId ?? null) : null,
      updated_by: userId,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await saveIdentifiers(trx, id, record);
}
