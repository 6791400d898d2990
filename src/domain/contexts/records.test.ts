import { describe, expect, it } from 'vitest';
import { decideMerge, type MergeProposal, mergeProposalSchema } from './merge.ts';
import {
  type ContextRecord,
  contextRecordSchema,
  contextWarnings,
  displayRoles,
  personAge,
  personOfConcernSchema,
} from './records.ts';
import { violationsOf } from './rules.ts';

const refusedRules = (input: unknown) => {
  const r = contextRecordSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? violationsOf(r.error).map((v) => v.rule) : [];
};

describe('person of concern', () => {
  it('normalises identifiers on the way in', () => {
    const p = personOfConcernSchema.parse({
      kind: 'person_of_concern',
      sensitivity: 'police_intelligence',
      name: 'Zorbin Quillfeather',
      aliases: ['Jay-Dee'],
      phones: ['07700 900123', '+33 6 12 34 56 78'],
      handles: [{ platform: 'instagram', handle: '@Zorbin.Q' }],
      vehicleRegistrations: ['zx12 abc'],
      addresses: [{ lines: ['10 Marrowgate Road'], postcode: 'zx12ab' }],
    });
    expect(p.phones).toEqual([
      { number: '+447700900123', uk: true },
      { number: '+33612345678', uk: false },
    ]);
    expect(p.handles).toEqual([{ platform: 'instagram', handle: 'zorbin.q', display: '@zorbin.q' }]);
    expect(p.vehicleRegistrations).toEqual(['ZX12ABC']);
    expect(p.addresses[0]?.postcode).toBe('ZX1 2AB');
  });

  it('refuses identifiers that cannot be right, naming the rule', () => {
    const base = { kind: 'person_of_concern', sensitivity: 'police_intelligence', name: 'Zorbin' };
    expect(refusedRules({ ...base, phones: ['12345'] })).toEqual(['context.phone']);
    expect(
      refusedRules({ ...base, handles: [{ platform: 'x', handle: 'far_too_long_for_x_handles' }] }),
    ).toEqual(['context.handle']);
    expect(refusedRules({ ...base, addresses: [{ lines: ['1 Road'], postcode: 'QQ1 1QQ' }] })).toEqual([
      'context.postcode',
    ]);
    const reg = personOfConcernSchema.safeParse({ ...base, vehicleRegistrations: ['ZXI2 ABC'] });
    expect(reg.error?.issues[0]?.message).toBe(
      '[context.registration] "ZXI2 ABC" is not in a UK registration format (AB12 CDE, A123 BCD, ABC 123D or dateless). Did you mean ZX12 ABC?',
    );
  });

  it('needs something to identify the person', () => {
    expect(refusedRules({ kind: 'person_of_concern', sensitivity: 'standard' })).toEqual([
      'context.person-identifiable',
    ]);
    expect(
      contextRecordSchema.safeParse({
        kind: 'person_of_concern',
        sensitivity: 'standard',
        phones: ['07700900123'],
      }).success,
    ).toBe(true);
  });

  it('takes a date of birth or an estimated age with its date, not both', () => {
    const base = { kind: 'person_of_concern', sensitivity: 'standard', name: 'Zorbin' };
    expect(
      refusedRules({ ...base, dateOfBirth: '1990-01-01', ageYears: 30, ageRecordedOn: '2025-01-01' }),
    ).toEqual(['context.age']);
    expect(refusedRules({ ...base, ageYears: 30 })).toEqual(['context.age']);
    expect(refusedRules({ ...base, dateOfBirth: '1990-02-30' })).toEqual(['context.date-of-birth']);
  });

  it('needs a sensitivity label', () => {
    expect(refusedRules({ kind: 'person_of_concern', name: 'Zorbin' })).toEqual(['context.sensitivity']);
  });
});

describe('a person of concern who is a child is a child first', () => {
  const parse = (extra: object) =>
    personOfConcernSchema.parse({
      kind: 'person_of_concern',
      sensitivity: 'police_intelligence',
      name: 'Quillan',
      ...extra,
    });

  it('works out the age from a date of birth or an estimate', () => {
    expect(personAge(parse({ dateOfBirth: '2009-05-01' }), '2025-06-01')).toBe(16);
    expect(personAge(parse({ ageYears: 16, ageRecordedOn: '2024-06-01' }), '2025-06-02')).toBe(17);
    expect(personAge(parse({}), '2025-06-01')).toBeNull();
  });

  it('shows the child role first', () => {
    expect(displayRoles(parse({ dateOfBirth: '2009-05-01' }), '2025-06-01')).toEqual([
      'child',
      'person_of_concern',
    ]);
    expect(displayRoles(parse({ childRecordId: 'child-9' }), '2025-06-01')).toEqual([
      'child',
      'person_of_concern',
    ]);
    expect(displayRoles(parse({ dateOfBirth: '1990-05-01' }), '2025-06-01')).toEqual(['person_of_concern']);
  });

  it('warns until their own child record is linked', () => {
    expect(contextWarnings(parse({ dateOfBirth: '2009-05-01' }), '2025-06-01')).toEqual([
      expect.objectContaining({
        rule: 'person.child-first',
        message: expect.stringMatching(/This person is 16: a child first/),
      }),
    ]);
    expect(
      contextWarnings(parse({ dateOfBirth: '2009-05-01', childRecordId: 'child-9' }), '2025-06-01'),
    ).toEqual([]);
    expect(contextWarnings(parse({ dateOfBirth: '1990-05-01' }), '2025-06-01')).toEqual([]);
  });

  it('warns about a phone number outside the UK', () => {
    expect(
      contextWarnings(parse({ phones: ['+33 6 12 34 56 78'] }), '2025-06-01').map((w) => w.rule),
    ).toEqual(['person.phone-outside-uk']);
  });
});

describe('other context records', () => {
  it('accepts a place and needs it to be findable', () => {
    const place = contextRecordSchema.parse({
      kind: 'place',
      sensitivity: 'standard',
      placeKind: 'takeaway',
      name: 'Crumb & Co',
      postcode: 'zy34de',
      coordinates: { lat: 53.5, lng: -1.1 },
    }) as ContextRecord & { kind: 'place' };
    expect(place.postcode).toBe('ZY3 4DE');
    expect(refusedRules({ kind: 'place', sensitivity: 'standard', placeKind: 'park' })).toEqual([
      'context.place-locatable',
    ]);
    expect(refusedRules({ kind: 'place', sensitivity: 'standard', placeKind: 'castle', name: 'x' })).toEqual([
      'schema',
    ]);
  });

  it('accepts a peer group with a name', () => {
    expect(
      contextRecordSchema.parse({
        kind: 'peer_group',
        sensitivity: 'standard',
        name: 'Marrowgate park group',
      }).kind,
    ).toBe('peer_group');
  });

  it('normalises an online space handle and needs something to find it by', () => {
    const space = contextRecordSchema.parse({
      kind: 'online_space',
      sensitivity: 'police_intelligence',
      platform: 'telegram',
      spaceKind: 'group',
      handle: 'https://t.me/Quill_Group',
    }) as ContextRecord & { kind: 'online_space' };
    expect(space.handle).toBe('quill_group');
    expect(
      refusedRules({
        kind: 'online_space',
        sensitivity: 'standard',
        platform: 'discord',
        spaceKind: 'server',
      }),
    ).toEqual(['context.online-identifiable']);
    expect(
      refusedRules({
        kind: 'online_space',
        sensitivity: 'standard',
        platform: 'snapchat',
        spaceKind: 'account',
        handle: '1x',
      }),
    ).toEqual(['context.handle']);
    expect(
      contextRecordSchema.parse({
        kind: 'online_space',
        sensitivity: 'standard',
        platform: 'gaming',
        spaceKind: 'server',
        name: 'Lobby 7',
      }),
    ).toMatchObject({ name: 'Lobby 7' });
  });

  it('accepts a vehicle by registration, or by make and colour', () => {
    expect(
      contextRecordSchema.parse({ kind: 'vehicle', sensitivity: 'standard', registration: 'zx12 abc' }),
    ).toMatchObject({
      registration: 'ZX12ABC',
    });
    expect(
      contextRecordSchema.safeParse({
        kind: 'vehicle',
        sensitivity: 'standard',
        make: 'Ford',
        colour: 'white',
      }).success,
    ).toBe(true);
    expect(refusedRules({ kind: 'vehicle', sensitivity: 'standard', make: 'Ford' })).toEqual([
      'context.vehicle-identifiable',
    ]);
  });

  it('accepts a business', () => {
    expect(
      contextRecordSchema.parse({
        kind: 'business',
        sensitivity: 'standard',
        name: 'Quill Cars',
        sector: 'taxi_or_private_hire',
        licenceReferences: ['PH-0001'],
      }),
    ).toMatchObject({ addresses: [], licenceReferences: ['PH-0001'] });
  });
});

describe('merge proposals', () => {
  const proposal: MergeProposal = mergeProposalSchema.parse({
    kind: 'person_of_concern',
    keepId: 'poc-1',
    mergeId: 'poc-2',
    score: 75,
    reasons: ['same phone number (+447700900123)'],
    proposedBy: 'analyst-1',
    proposedAt: '2025-06-01T10:00:00Z',
    status: 'proposed',
  });

  it('is confirmed by a person, recording who and when', () => {
    const r = decideMerge(proposal, { decision: 'confirm', by: 'officer-2', at: '2025-06-02T09:00:00Z' });
    expect(r).toMatchObject({ ok: true, proposal: { status: 'confirmed', decidedBy: 'officer-2' } });
  });

  it('is rejected only with a reason', () => {
    expect(
      decideMerge(proposal, { decision: 'reject', by: 'officer-2', at: '2025-06-02T09:00:00Z' }),
    ).toMatchObject({
      ok: false,
      rule: 'merge.rejection-reason',
    });
    expect(
      decideMerge(proposal, {
        decision: 'reject',
        by: 'officer-2',
        at: '2025-06-02T09:00:00Z',
        reason: 'Different dates of birth',
      }),
    ).toMatchObject({ ok: true, proposal: { status: 'rejected' } });
  });

  it('cannot be decided twice', () => {
    const done = decideMerge(proposal, { decision: 'confirm', by: 'officer-2', at: '2025-06-02T09:00:00Z' });
    if (!done.ok) throw new Error('expected a decision');
    expect(
      decideMerge(done.proposal, { decision: 'reject', by: 'x', at: '2025-06-03T09:00:00Z', reason: 'r' }),
    ).toMatchObject({
      ok: false,
      rule: 'merge.already-decided',
    });
  });

  it('refuses merging a record with itself, or a decision without who and when, or no reasons', () => {
    const rules = (input: object) => {
      const r = mergeProposalSchema.safeParse({ ...proposal, ...input });
      return r.error ? violationsOf(r.error).map((v) => v.rule) : [];
    };
    expect(rules({ mergeId: 'poc-1' })).toEqual(['merge.same-record']);
    expect(rules({ status: 'confirmed' })).toEqual(['merge.decision-recorded']);
    expect(rules({ reasons: [] })).toEqual(['merge.reasons']);
  });
});
