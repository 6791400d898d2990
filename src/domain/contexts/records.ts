/**
 * Context records: a person of concern, a place, a peer group, an online space, a vehicle or a
 * business. Identifiers are normalised on the way in (phones to E.164, registrations without spaces,
 * postcodes as "SW1A 1AA", handles lower case), so that matching across agencies compares like with
 * like and a record never holds two spellings of one phone number.
 *
 * A person of concern who is under 18 is a child first (PRODUCT.md §3, C5 "dual identity"): their own
 * child record is linked and shown before anything else, and `contextWarnings` says so when it is not.
 */
import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../access/types.ts';
import { ageOn, type IsoDate, isoDateSchema, toIsoDate } from './dates.ts';
import { BUSINESS_SECTORS, ONLINE_PLATFORMS, ONLINE_SPACE_KINDS, PLACE_KINDS } from './kinds.ts';
import {
  normaliseHandle,
  normalisePhone,
  normalisePostcode,
  normaliseVehicleRegistration,
} from './normalise.ts';
import { ruleMessage } from './rules.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const phoneSchema = z.string().transform((value, ctx) => {
  const n = normalisePhone(value);
  if (!n.ok) {
    ctx.addIssue({
      code: 'custom',
      message: ruleMessage('context.phone', `${n.reason} ("${value.trim()}")`),
    });
    return z.NEVER;
  }
  return { number: n.value, uk: n.uk };
});

const postcodeSchema = z.string().transform((value, ctx) => {
  const n = normalisePostcode(value);
  if (!n.ok) {
    ctx.addIssue({ code: 'custom', message: ruleMessage('context.postcode', n.reason) });
    return z.NEVER;
  }
  return n.value;
});

const registrationSchema = z.string().transform((value, ctx) => {
  const n = normaliseVehicleRegistration(value);
  if (!n.ok) {
    const hint = 'suggestion' in n && n.suggestion ? ` Did you mean ${n.suggestion}?` : '';
    ctx.addIssue({ code: 'custom', message: ruleMessage('context.registration', `${n.reason}.${hint}`) });
    return z.NEVER;
  }
  return n.value;
});

const handleSchema = z
  .object({ platform: z.enum(ONLINE_PLATFORMS), handle: z.string() })
  .strict()
  .transform((h, ctx) => {
    const n = normaliseHandle(h.platform, h.handle);
    if (!n.ok) {
      ctx.addIssue({ code: 'custom', path: ['handle'], message: ruleMessage('context.handle', n.reason) });
      return z.NEVER;
    }
    return { platform: h.platform, handle: n.value, display: n.display };
  });

const addressSchema = z
  .object({
    lines: z.array(text(200)).min(1).max(6),
    postcode: postcodeSchema.optional(),
  })
  .strict();

const common = {
  id: z.string().trim().min(1).max(100).optional(),
  sensitivity: z.enum(SENSITIVITY_LABELS, {
    error: ruleMessage(
      'context.sensitivity',
      `A context needs a sensitivity label: one of ${SENSITIVITY_LABELS.join(', ')}`,
    ),
  }),
  description: z.string().trim().max(4000).optional(),
};

export const personOfConcernSchema = z
  .object({
    kind: z.literal('person_of_concern'),
    ...common,
    name: text(200).optional(),
    /** Aliases and nicknames, as the person is known. */
    aliases: z.array(text(100)).max(20).default([]),
    dateOfBirth: isoDateSchema('context.date-of-birth', 'Date of birth').optional(),
    /** When the date of birth is not known: an estimated age, and the date it was estimated. */
    ageYears: z.number().int().min(0).max(120).optional(),
    ageRecordedOn: isoDateSchema('context.age', 'The date the age was recorded').optional(),
    sex: z.enum(['female', 'male', 'not_known']).optional(),
    phones: z.array(phoneSchema).max(20).default([]),
    handles: z.array(handleSchema).max(20).default([]),
    vehicleRegistrations: z.array(registrationSchema).max(20).default([]),
    addresses: z.array(addressSchema).max(20).default([]),
    /** When the person is a child: their own child record, shown first. */
    childRecordId: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (
      !p.name &&
      !p.aliases.length &&
      !p.phones.length &&
      !p.handles.length &&
      !p.vehicleRegistrations.length
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: ruleMessage(
          'context.person-identifiable',
          'A person of concern needs something to identify them: a name, an alias, a phone number, a handle or a vehicle',
        ),
      });
    }
    if (p.dateOfBirth && p.ageYears !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageYears'],
        message: ruleMessage('context.age', 'Give a date of birth or an estimated age, not both'),
      });
    }
    if (p.ageYears !== undefined && !p.ageRecordedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageRecordedOn'],
        message: ruleMessage(
          'context.age',
          'An estimated age needs the date it was recorded (ageRecordedOn), so it stays right',
        ),
      });
    }
  });

export const placeSchema = z
  .object({
    kind: z.literal('place'),
    ...common,
    placeKind: z.enum(PLACE_KINDS),
    name: text(200).optional(),
    addressLines: z.array(text(200)).max(6).default([]),
    postcode: postcodeSchema.optional(),
    coordinates: z
      .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.addressLines.length && !p.postcode && !p.coordinates && !p.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['addressLines'],
        message: ruleMessage(
          'context.place-locatable',
          'A place needs an address, a postcode, a map position or a name',
        ),
      });
    }
  });

export const peerGroupSchema = z
  .object({
    kind: z.literal('peer_group'),
    ...common,
    name: text(200),
  })
  .strict();

export const onlineSpaceSchema = z
  .object({
    kind: z.literal('online_space'),
    ...common,
    platform: z.enum(ONLINE_PLATFORMS),
    spaceKind: z.enum(ONLINE_SPACE_KINDS),
    handle: z.string().optional(),
    name: text(200).optional(),
    url: z.url().max(500).optional(),
  })
  .strict()
  .transform((s, ctx) => {
    if (!s.handle && !s.name && !s.url) {
      ctx.addIssue({
        code: 'custom',
        path: ['handle'],
        message: ruleMessage(
          'context.online-identifiable',
          'An online space needs a handle, a group name or an address',
        ),
      });
      return z.NEVER;
    }
    if (s.handle === undefined) return { ...s, handle: undefined };
    const n = normaliseHandle(s.platform, s.handle);
    if (!n.ok) {
      ctx.addIssue({ code: 'custom', path: ['handle'], message: ruleMessage('context.handle', n.reason) });
      return z.NEVER;
    }
    return { ...s, handle: n.value };
  });

export const vehicleSchema = z
  .object({
    kind: z.literal('vehicle'),
    ...common,
    registration: registrationSchema.optional(),
    make: text(100).optional(),
    model: text(100).optional(),
    colour: text(50).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.registration && !(v.make && v.colour) && !v.description) {
      ctx.addIssue({
        code: 'custom',
        path: ['registration'],
        message: ruleMessage(
          'context.vehicle-identifiable',
          'A vehicle needs a registration, or a make and colour, or a description',
        ),
      });
    }
  });

export const businessSchema = z
  .object({
    kind: z.literal('business'),
    ...common,
    name: text(200),
    sector: z.enum(BUSINESS_SECTORS),
    addresses: z.array(addressSchema).max(20).default([]),
    /** Premises, taxi operator or other licence numbers. */
    licenceReferences: z.array(text(100)).max(20).default([]),
  })
  .strict();

export const contextRecordSchema = z.discriminatedUnion('kind', [
  personOfConcernSchema,
  placeSchema,
  peerGroupSchema,
  onlineSpaceSchema,
  vehicleSchema,
  businessSchema,
]);

export type PersonOfConcern = z.output<typeof personOfConcernSchema>;
export type Place = z.output<typeof placeSchema>;
export type ContextRecord = z.output<typeof contextRecordSchema>;
export type ContextRecordInput = z.input<typeof contextRecordSchema>;

/** Age of a person of concern on a date, from the date of birth or the estimated age; null if unknown. */
export function personAge(
  p: Pick<PersonOfConcern, 'dateOfBirth' | 'ageYears' | 'ageRecordedOn'>,
  on: Date | IsoDate,
): number | null {
  const day = toIsoDate(on);
  if (p.dateOfBirth) return ageOn(p.dateOfBirth, day);
  if (p.ageYears !== undefined && p.ageRecordedOn)
    return p.ageYears + Math.max(0, ageOn(p.ageRecordedOn, day));
  return null;
}

/** The roles to show, safeguarding first: a child who is also a person of concern is a child first. */
export function displayRoles(
  p: Pick<PersonOfConcern, 'dateOfBirth' | 'ageYears' | 'ageRecordedOn' | 'childRecordId'>,
  on: Date | IsoDate,
): ('child' | 'person_of_concern')[] {
  const age = personAge(p, on);
  return p.childRecordId || (age !== null && age < 18)
    ? ['child', 'person_of_concern']
    : ['person_of_concern'];
}

export interface ContextWarning {
  rule: string;
  message: string;
}

/**
 * Things a person should act on that do not stop the record being saved. Intelligence about a
 * 16-year-old must not wait for a child record to be opened; but the child's own record and safeguarding
 * come first, so the gap is shown until it is closed.
 */
export function contextWarnings(record: ContextRecord, on: Date | IsoDate): ContextWarning[] {
  const out: ContextWarning[] = [];
  if (record.kind === 'person_of_concern') {
    const age = personAge(record, on);
    if (age !== null && age < 18 && !record.childRecordId) {
      out.push({
        rule: 'person.child-first',
        message: `This person is ${age}: a child first. Link their own child record, or refer them to children's services if they have none, and plan their safeguarding before any disruption.`,
      });
    }
    if (record.phones.some((p) => !p.uk)) {
      out.push({
        rule: 'person.phone-outside-uk',
        message: 'A phone number is not a UK number: check it was written in full.',
      });
    }
  }
  return out;
}
