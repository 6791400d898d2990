import { describe, expect, it } from 'vitest';
import {
  canonicalNameToken,
  formatUkPhone,
  HANDLE_RULES,
  NAME_EQUIVALENTS,
  nameTokens,
  normaliseHandle,
  normaliseName,
  normalisePhone,
  normalisePostcode,
  normaliseUkPhone,
  normaliseVehicleRegistration,
  vehicleMatchKey,
} from './normalise.ts';

describe('UK phone numbers', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['07700900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['+447700900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['+44 (0)7700 900123', '+447700900123'],
    ['+44 (0) 7700-900-123', '+447700900123'],
    ['+44 07700 900123', '+447700900123'],
    ['447700900123', '+447700900123'],
    ['07700.900.123', '+447700900123'],
    ['tel:07700900123', '+447700900123'],
    ['(0121) 496 0000', '+441214960000'],
    ['0121 496 0000', '+441214960000'],
    ['020 7946 0000', '+442079460000'],
    ['0113 496 0999', '+441134960999'],
    ['016977 3456', '+44169773456'],
    ['0800 123 456', '+44800123456'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUkPhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /No number/],
    ['+33 6 12 34 56 78', /Not a UK number: it starts with \+336, not \+44/],
    ['0033 612345678', /Not a UK number/],
    ['07700 90012', /Wrong length/],
    ['07700 9001234', /Wrong length/],
    ['07700 900123 ext 4', /letters/],
    ['07700#900123', /only digits/],
    ['0400 123 4567', /do not start 04/],
    ['0600 123 4567', /do not start 06/],
    ['7700900123', /starts with 0, \+44 or 0044/],
    ['07700 900+123', /\+ can only come first/],
  ])('refuses %j with a reason', (input, reason) => {
    const r = normaliseUkPhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('keeps foreign numbers in E.164 for records, marked as not UK', () => {
    expect(normalisePhone('+33 6 12 34 56 78')).toEqual({ ok: true, value: '+33612345678', uk: false });
    expect(normalisePhone('0033 612345678')).toEqual({ ok: true, value: '+33612345678', uk: false });
    expect(normalisePhone('07700 900123')).toEqual({ ok: true, value: '+447700900123', uk: true });
    expect(normalisePhone('12345').ok).toBe(false);
    expect(normalisePhone('+44 12').ok).toBe(false);
  });

  it('formats UK numbers the way people read them', () => {
    expect(formatUkPhone('+447700900123')).toBe('07700 900123');
    expect(formatUkPhone('+441214960000')).toBe('0121 496 0000');
    expect(formatUkPhone('+442079460000')).toBe('020 7946 0000');
    expect(formatUkPhone('+441134960999')).toBe('0113 496 0999');
    expect(formatUkPhone('+448001234567')).toBe('0800 123 4567');
    expect(formatUkPhone('+441697734567')).toBe('01697 734567');
    expect(formatUkPhone('+33612345678')).toBe('+33612345678');
  });
});

describe('vehicle registrations', () => {
  it.each([
    ['AB12 CDE', 'AB12CDE', 'AB12 CDE', 'current'],
    ['ab12cde', 'AB12CDE', 'AB12 CDE', 'current'],
    [' AB12-CDE ', 'AB12CDE', 'AB12 CDE', 'current'],
    ['A123 BCD', 'A123BCD', 'A123 BCD', 'prefix'],
    ['P7 XYZ', 'P7XYZ', 'P7 XYZ', 'prefix'],
    ['ABC 123D', 'ABC123D', 'ABC 123D', 'suffix'],
    ['XYZ 9A', 'XYZ9A', 'XYZ 9A', 'suffix'],
    ['ABC 1234', 'ABC1234', 'ABC 1234', 'dateless'],
    ['1 AB', '1AB', '1 AB', 'dateless'],
    ['9999 Z', '9999Z', '9999 Z', 'dateless'],
  ])('%s → %s (%s)', (input, value, display, format) => {
    expect(normaliseVehicleRegistration(input)).toEqual({ ok: true, value, display, format });
  });

  it.each([
    ['', /No registration/],
    ['AB12 CD!', /only letters, digits and spaces/],
    ['AB12 CDEF', /at most 7/],
    ['ABCD', /not in a UK registration format/],
  ])('refuses %j', (input, reason) => {
    const r = normaliseVehicleRegistration(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('suggests an O/0 or I/1 repair rather than changing what was seen', () => {
    const r = normaliseVehicleRegistration('ABI2 CDE');
    expect(r).toMatchObject({ ok: false, suggestion: 'AB12 CDE' });
    expect(normaliseVehicleRegistration('AB1O CDE')).toMatchObject({ ok: false, suggestion: 'AB10 CDE' });
    expect(normaliseVehicleRegistration('AB12 C0E')).toMatchObject({ ok: false, suggestion: 'AB12 COE' });
  });

  it('compares registrations with O read as 0 and I as 1, for matching only', () => {
    expect(vehicleMatchKey('AB10 OIE')).toBe('AB1001E');
    expect(vehicleMatchKey('ab1o 0ie')).toBe(vehicleMatchKey('AB10 OIE'));
    expect(vehicleMatchKey('AB12 CDE')).not.toBe(vehicleMatchKey('AB12 CDF'));
    // Display keeps the letters as written.
    expect(normaliseVehicleRegistration('AB10 OIE')).toMatchObject({ ok: true, display: 'AB10 OIE' });
  });
});

describe('postcodes', () => {
  it.each([
    ['SW1A 1AA', 'SW1A 1AA', 'SW1A', '1AA', 'SW', 'SW1A 1'],
    ['sw1a1aa', 'SW1A 1AA', 'SW1A', '1AA', 'SW', 'SW1A 1'],
    ['M1 1AE', 'M1 1AE', 'M1', '1AE', 'M', 'M1 1'],
    ['B33 8TH', 'B33 8TH', 'B33', '8TH', 'B', 'B33 8'],
    ['CR2 6XH', 'CR2 6XH', 'CR2', '6XH', 'CR', 'CR2 6'],
    ['DN55 1PT', 'DN55 1PT', 'DN55', '1PT', 'DN', 'DN55 1'],
    ['W1A 0AX', 'W1A 0AX', 'W1A', '0AX', 'W', 'W1A 0'],
    ['EC1A 1BB', 'EC1A 1BB', 'EC1A', '1BB', 'EC', 'EC1A 1'],
    ['  zx1 2ab ', 'ZX1 2AB', 'ZX1', '2AB', 'ZX', 'ZX1 2'],
    ['GIR 0AA', 'GIR 0AA', 'GIR', '0AA', 'GIR', 'GIR 0'],
  ])('%s → %s', (input, value, outward, inward, area, sector) => {
    expect(normalisePostcode(input)).toEqual({ ok: true, value, outward, inward, area, sector });
  });

  it.each([
    ['', /No postcode/],
    ['SW1A-1AA', /only letters and digits/],
    ['SW1', /5 to 7 characters/],
    ['SW1A 1AAA', /5 to 7 characters/],
    ['QA1 1AA', /not a valid UK postcode/], // Q never first
    ['AI1 1AA', /not a valid UK postcode/], // I never second
    ['SW1A 1CA', /not a valid UK postcode/], // C never in the inward part
    ['123 4AB', /not a valid UK postcode/],
  ])('refuses %j', (input, reason) => {
    const r = normalisePostcode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('social media handles', () => {
  it.each([
    ['instagram', '@Zorbin.Q_99', 'zorbin.q_99', '@zorbin.q_99'],
    ['instagram', 'https://www.instagram.com/zorbin.q_99/', 'zorbin.q_99', '@zorbin.q_99'],
    ['tiktok', 'https://www.tiktok.com/@Quillan_x', 'quillan_x', '@quillan_x'],
    ['snapchat', 'https://www.snapchat.com/add/fenric-22', 'fenric-22', '@fenric-22'],
    ['x', '@Dax_Bin', 'dax_bin', '@dax_bin'],
    ['telegram', 't.me/morbin_ro', 'morbin_ro', '@morbin_ro'],
    ['facebook', 'zorbin.quill.feather', 'zorbinquillfeather', '@zorbin.quill.feather'],
    ['discord', 'Zorbin.Q', 'zorbin.q', '@zorbin.q'],
    ['youtube', '@Zorbin-Q', 'zorbin-q', '@zorbin-q'],
    ['gaming', 'Zorbin  The Great', 'zorbin the great', 'zorbin the great'],
    ['whatsapp', '07700 900123', '+447700900123', '+447700900123'],
  ] as const)('%s %s → %s', (platform, input, value, display) => {
    expect(normaliseHandle(platform, input)).toEqual({ ok: true, value, display, platform });
  });

  it('applies each platform\u2019s username rules', () => {
    expect(normaliseHandle('instagram', 'has space')).toEqual({
      ok: false,
      reason: HANDLE_RULES.instagram?.rule,
    });
    expect(normaliseHandle('snapchat', '1abc').ok).toBe(false);
    expect(normaliseHandle('x', 'a_name_that_is_far_too_long').ok).toBe(false);
    expect(normaliseHandle('telegram', 'abc').ok).toBe(false);
    expect(normaliseHandle('whatsapp', 'not a number')).toMatchObject({
      ok: false,
      reason: /WhatsApp accounts are phone numbers/,
    });
    expect(normaliseHandle('instagram', '   ')).toEqual({ ok: false, reason: 'No handle was given' });
    expect(normaliseHandle('other', 'x'.repeat(65)).ok).toBe(false);
  });
});

describe('names', () => {
  it.each([
    ['Zoë Quillfeather', 'zoe quillfeather'],
    ["Fen O'Brannagh", 'fen obrannagh'],
    ['Jay-Dee', 'jay dee'],
    ['QUILLFEATHER, Zorbin', 'zorbin quillfeather'],
    ['Mr  Zorbin   Quill', 'zorbin quill'],
    ['Große Ælfric', 'grosse aelfric'],
    ['  ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('treats nicknames and transliterations as the same name', () => {
    expect(nameTokens('Muhammad Quill')).toEqual(['mohammed', 'quill']);
    expect(nameTokens('Mohamed Quill')).toEqual(nameTokens('Mohammed Quill'));
    expect(nameTokens('Jonny Marrowgate')).toEqual(nameTokens('Jonathan Marrowgate'));
    expect(nameTokens('Jon Marrowgate')).toEqual(nameTokens('Jonathan Marrowgate'));
    expect(canonicalNameToken('zorbin')).toBe('zorbin');
  });

  it('keeps every equivalence group small, lower case and separate from the others', () => {
    const seen = new Set<string>();
    for (const group of NAME_EQUIVALENTS) {
      expect(group.length).toBeGreaterThan(1);
      expect(group.length).toBeLessThanOrEqual(8);
      for (const name of group) {
        expect(name).toBe(normaliseName(name));
        expect(seen.has(name)).toBe(false);
        seen.add(name);
        expect(canonicalNameToken(name)).toBe(group[0]);
      }
    }
  });
});
