/**
 * Normalisers for the identifiers agencies write differently: UK phone numbers, vehicle registrations,
 * postcodes, social media handles and names. Two agencies recording "07700 900123" and
 * "+44 (0)7700-900-123" are recording the same phone; matching only works if both become the same
 * value. Each normaliser either returns the normal form or refuses with a reason a person can act on.
 */
import type { OnlinePlatform } from './kinds.ts';

export type Normalised<T extends object = { value: string }> =
  | ({ ok: true } & T)
  | { ok: false; reason: string };

// ---------------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------------

/** First digit of a UK national significant number that can be a real number (Ofcom numbering plan). */
const UK_NSN_FIRST_DIGITS = new Set(['1', '2', '3', '5', '7', '8', '9']);

function phoneDigits(input: string): Normalised<{ digits: string; plus: boolean }> {
  let text = input.trim().replace(/^tel:/i, '');
  if (!text) return { ok: false, reason: 'No number was given' };
  // "+44 (0)7700 900123": the (0) is the trunk prefix written for people dialling from inside the UK.
  text = text.replace(/^(\+|00)\s*44\s*\(\s*0\s*\)/, '+44');
  if (/[a-z]/i.test(text)) return { ok: false, reason: 'A phone number cannot contain letters' };
  if (/[^0-9+\s\-.()/]/.test(text))
    return { ok: false, reason: 'A phone number contains only digits, spaces, +, -, ( and )' };
  const plus = text.startsWith('+');
  if (text.slice(1).includes('+')) return { ok: false, reason: '+ can only come first' };
  return { ok: true, digits: text.replace(/\D/g, ''), plus };
}

/**
 * A UK phone number in E.164 form (+447700900123). Accepts national (07700 900123, (0121) 496 0000) and
 * international (+44 7700 900123, 0044 7700 900123, +44 (0)7700 900123) writing; refuses numbers from
 * other countries and numbers of the wrong length.
 */
export function normaliseUkPhone(input: string): Normalised {
  const d = phoneDigits(input);
  if (!d.ok) return d;
  let nsn: string;
  const { digits } = d;
  if (d.plus) {
    if (!digits.startsWith('44')) {
      return { ok: false, reason: `Not a UK number: it starts with +${digits.slice(0, 3)}, not +44` };
    }
    nsn = digits.slice(2);
  } else if (digits.startsWith('00')) {
    if (!digits.startsWith('0044')) {
      return { ok: false, reason: `Not a UK number: it starts with ${digits.slice(0, 5)}, not 0044` };
    }
    nsn = digits.slice(4);
  } else if (digits.startsWith('0')) {
    nsn = digits.slice(1);
  } else if (digits.startsWith('44') && digits.length === 12) {
    nsn = digits.slice(2);
  } else {
    return { ok: false, reason: 'A UK number starts with 0, +44 or 0044' };
  }
  // "+44 07700 900123": the trunk 0 written after the country code by mistake.
  if (nsn.startsWith('0')) nsn = nsn.slice(1);
  if (!UK_NSN_FIRST_DIGITS.has(nsn[0] ?? '')) {
    return { ok: false, reason: `Not a UK number: UK numbers do not start 0${nsn[0] ?? ''}` };
  }
  // Most UK numbers have 10 digits after the 0; a few area codes and freephone 0800 numbers have 9.
  const nineAllowed = nsn.startsWith('1') || nsn.startsWith('800');
  const lengthOk = nsn.length === 10 || (nsn.length === 9 && nineAllowed);
  if (!lengthOk) {
    return {
      ok: false,
      reason: `Wrong length for a UK number: ${nsn.length + 1} digits including the 0 (expected 11${nineAllowed ? ' or 10' : ''})`,
    };
  }
  return { ok: true, value: `+44${nsn}` };
}

/**
 * A phone number for a context record: UK numbers as normaliseUkPhone; numbers written with another
 * country code (+33…, 0033…) are kept in E.164 form, because intelligence about a foreign number is
 * still intelligence. Anything else not UK-shaped is refused.
 */
export function normalisePhone(input: string): Normalised<{ value: string; uk: boolean }> {
  const uk = normaliseUkPhone(input);
  if (uk.ok) return { ok: true, value: uk.value, uk: true };
  const d = phoneDigits(input);
  if (d.ok) {
    const international = d.plus ? d.digits : d.digits.startsWith('00') ? d.digits.slice(2) : null;
    if (international && !international.startsWith('44') && /^[1-9]\d{7,14}$/.test(international)) {
      return { ok: true, value: `+${international}`, uk: false };
    }
  }
  return uk;
}

/** A UK E.164 number written the way people read it: 07700 900123, 0121 496 0000, 020 7946 0000. */
export function formatUkPhone(e164: string): string {
  if (!e164.startsWith('+44')) return e164;
  const n = `0${e164.slice(3)}`;
  if (/^02/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (/^01\d1/.test(n) || /^011/.test(n)) return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
  if (/^0[3589]/.test(n)) return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
  return `${n.slice(0, 5)} ${n.slice(5)}`;
}

// ---------------------------------------------------------------------------------------------------
// Vehicle registrations
// ---------------------------------------------------------------------------------------------------

export type RegistrationFormat = 'current' | 'prefix' | 'suffix' | 'dateless';

const REGISTRATION_FORMATS: readonly {
  format: RegistrationFormat;
  pattern: RegExp;
  display: (r: string) => string;
}[] = [
  // 2001 onwards: two letters (area), two digits (age), three letters. AB12 CDE.
  {
    format: 'current',
    pattern: /^[A-Z]{2}[0-9]{2}[A-Z]{3}$/,
    display: (r) => `${r.slice(0, 4)} ${r.slice(4)}`,
  },
  // 1983–2001: age letter, one to three digits, three letters. A123 BCD.
  {
    format: 'prefix',
    pattern: /^[A-Z][0-9]{1,3}[A-Z]{3}$/,
    display: (r) => `${r.slice(0, -3)} ${r.slice(-3)}`,
  },
  // 1963–1983: three letters, one to three digits, age letter. ABC 123D.
  {
    format: 'suffix',
    pattern: /^[A-Z]{3}[0-9]{1,3}[A-Z]$/,
    display: (r) => `${r.slice(0, 3)} ${r.slice(3)}`,
  },
  // Dateless (and Northern Ireland): letters then digits, or digits then letters. ABC 1234, 1234 AB.
  {
    format: 'dateless',
    pattern: /^(?:[A-Z]{1,3}[0-9]{1,4}|[0-9]{1,4}[A-Z]{1,3})$/,
    display: (r) =>
      r.replace(/^([A-Z]+)([0-9]+)$|^([0-9]+)([A-Z]+)$/, (_m, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`)),
  },
];

/** Current-format positions that must be letters (L) or digits (D), for suggesting an O/0 or I/1 repair. */
const CURRENT_SHAPE = 'LLDDLLL';

function suggestCurrent(compact: string): string | undefined {
  if (compact.length !== CURRENT_SHAPE.length) return undefined;
  let out = '';
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i] as string;
    const wantDigit = CURRENT_SHAPE[i] === 'D';
    if (wantDigit && c === 'O') out += '0';
    else if (wantDigit && c === 'I') out += '1';
    else if (!wantDigit && c === '0') out += 'O';
    else if (!wantDigit && c === '1') out += 'I';
    else out += c;
  }
  return out !== compact && /^[A-Z]{2}[0-9]{2}[A-Z]{3}$/.test(out)
    ? `${out.slice(0, 4)} ${out.slice(4)}`
    : undefined;
}

/**
 * A UK registration: upper case without spaces (AB12CDE) for storing and comparing, and the spaced
 * form (AB12 CDE) for display. Letters are kept as written: an O typed for a 0 is refused with a
 * suggestion rather than silently changed, because the record must show what was seen.
 */
export function normaliseVehicleRegistration(
  input: string,
):
  | Normalised<{ value: string; display: string; format: RegistrationFormat }>
  | { ok: false; reason: string; suggestion?: string } {
  const text = input.trim().toUpperCase();
  if (!text) return { ok: false, reason: 'No registration was given' };
  if (/[^A-Z0-9\s-]/.test(text))
    return { ok: false, reason: 'A registration contains only letters, digits and spaces' };
  const compact = text.replace(/[\s-]/g, '');
  if (compact.length > 7) return { ok: false, reason: 'A UK registration has at most 7 characters' };
  for (const f of REGISTRATION_FORMATS) {
    if (f.pattern.test(compact))
      return { ok: true, value: compact, display: f.display(compact), format: f.format };
  }
  const suggestion = suggestCurrent(compact);
  return {
    ok: false,
    reason: `"${text}" is not in a UK registration format (AB12 CDE, A123 BCD, ABC 123D or dateless)`,
    ...(suggestion ? { suggestion } : {}),
  };
}

/**
 * The key for comparing registrations: upper case, no spaces, O read as 0 and I read as 1 — the
 * confusions witnesses and number-plate readers make. For matching only, never for display.
 */
export function vehicleMatchKey(registration: string): string {
  return registration
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/I/g, '1');
}

// ---------------------------------------------------------------------------------------------------
// Postcodes
// ---------------------------------------------------------------------------------------------------

// Royal Mail rules: the first letter is never Q, V or X; the second never I, J or Z; a letter in the
// third place of A9A is one of ABCDEFGHJKPSTUW, in the fourth place of AA9A one of ABEHMNPRVWXY; the
// inward letters are never C, I, K, M, O or V.
const OUTWARD =
  /^(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])$/;
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;

export interface Postcode {
  /** "SW1A 1AA" */
  value: string;
  /** "SW1A" */
  outward: string;
  /** "1AA" */
  inward: string;
  /** "SW" */
  area: string;
  /** "SW1A 1" */
  sector: string;
}

export function normalisePostcode(input: string): Normalised<Postcode> {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  if (!compact) return { ok: false, reason: 'No postcode was given' };
  if (/[^A-Z0-9]/.test(compact)) return { ok: false, reason: 'A postcode contains only letters and digits' };
  if (compact.length < 5 || compact.length > 7) {
    return { ok: false, reason: 'A UK postcode has 5 to 7 characters, like SW1A 1AA or M1 1AE' };
  }
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  if (compact !== 'GIR0AA' && (!OUTWARD.test(outward) || !INWARD.test(inward))) {
    return { ok: false, reason: `"${input.trim()}" is not a valid UK postcode` };
  }
  return {
    ok: true,
    value: `${outward} ${inward}`,
    outward,
    inward,
    area: outward.replace(/[0-9].*$/, ''),
    sector: `${outward} ${inward[0]}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Social media handles
// ---------------------------------------------------------------------------------------------------

interface HandleRule {
  readonly pattern: RegExp;
  readonly rule: string;
  /** Characters the platform ignores, removed for comparison (Facebook ignores full stops). */
  readonly ignore?: RegExp;
}

/** Username rules as the platforms publish them, lower-cased because none of them is case-sensitive. */
export const HANDLE_RULES: Partial<Record<OnlinePlatform, HandleRule>> = {
  instagram: {
    pattern: /^[a-z0-9._]{1,30}$/,
    rule: 'Instagram usernames are 1–30 letters, digits, full stops or underscores',
  },
  snapchat: {
    pattern: /^[a-z][a-z0-9._-]{2,14}$/,
    rule: 'Snapchat usernames are 3–15 characters, start with a letter, and use letters, digits, -, _ or .',
  },
  tiktok: {
    pattern: /^[a-z0-9._]{2,24}$/,
    rule: 'TikTok usernames are 2–24 letters, digits, full stops or underscores',
  },
  x: { pattern: /^[a-z0-9_]{1,15}$/, rule: 'X (Twitter) handles are 1–15 letters, digits or underscores' },
  telegram: {
    pattern: /^[a-z][a-z0-9_]{4,31}$/,
    rule: 'Telegram usernames are 5–32 characters, start with a letter, and use letters, digits or underscores',
  },
  facebook: {
    pattern: /^[a-z0-9.]{5,50}$/,
    rule: 'Facebook usernames are at least 5 letters, digits or full stops',
    ignore: /\./g,
  },
  discord: {
    pattern: /^[a-z0-9._]{2,32}$/,
    rule: 'Discord usernames are 2–32 letters, digits, full stops or underscores',
  },
  youtube: { pattern: /^[a-z0-9._-]{3,30}$/, rule: 'YouTube handles are 3–30 letters, digits, -, _ or .' },
};

/** Pulls the username out of a profile address: instagram.com/name, tiktok.com/@name, t.me/name. */
function handleFromUrl(text: string): string {
  const m = /^(?:https?:\/\/)?(?:www\.|m\.)?[a-z0-9.-]+\.[a-z]{2,}\/(.*)$/i.exec(text);
  if (!m) return text;
  const segments = (m[1] ?? '').split(/[/?#]/).filter(Boolean);
  const skip = new Set(['add', 'u', 'user', 'users', 'c', 'channel']);
  return segments.find((s) => !skip.has(s.toLowerCase())) ?? '';
}

/**
 * A handle as the platform identifies it: @ stripped, lower case, profile addresses reduced to the
 * username. WhatsApp is a phone number, so it is normalised as one. `value` is the comparison key;
 * `display` is what to show.
 */
export function normaliseHandle(
  platform: OnlinePlatform,
  input: string,
): Normalised<{ value: string; display: string; platform: OnlinePlatform }> {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: 'No handle was given' };
  if (platform === 'whatsapp') {
    const phone = normalisePhone(trimmed);
    if (!phone.ok) return { ok: false, reason: `WhatsApp accounts are phone numbers: ${phone.reason}` };
    return { ok: true, value: phone.value, display: phone.value, platform };
  }
  const handle = handleFromUrl(trimmed).replace(/^@+/, '').toLowerCase();
  const rule = HANDLE_RULES[platform];
  if (!rule) {
    // Gaming networks and other platforms: case-insensitive, spaces collapsed.
    const value = handle.replace(/\s+/g, ' ');
    if (!value || value.length > 64) return { ok: false, reason: 'A handle has 1–64 characters' };
    return { ok: true, value, display: value, platform };
  }
  if (!rule.pattern.test(handle)) return { ok: false, reason: rule.rule };
  const value = rule.ignore ? handle.replace(rule.ignore, '') : handle;
  return { ok: true, value, display: `@${handle}`, platform };
}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

/**
 * Names that are the same name to a person reading a record: nicknames and transliterations. Small on
 * purpose — every group is a chance of a false match — and data, so a partnership can add the variants
 * its communities use. The first name in each group is the one the others are compared as.
 */
export const NAME_EQUIVALENTS: readonly (readonly string[])[] = [
  ['mohammed', 'muhammad', 'mohamed', 'mohammad', 'muhammed', 'mohamad', 'mohammod', 'mohd'],
  ['ahmed', 'ahmad', 'ahmet'],
  ['hussain', 'hussein', 'husain', 'husein'],
  ['mustafa', 'mustapha', 'mostafa'],
  ['yusuf', 'yousef', 'yusef', 'yousuf'],
  ['ibrahim', 'ebrahim'],
  ['abdullah', 'abdallah'],
  ['jonathan', 'jon', 'jonny', 'jonnie'],
  ['john', 'johnny'],
  ['michael', 'mike', 'mikey', 'mick', 'micky'],
  ['william', 'will', 'bill', 'billy'],
  ['robert', 'rob', 'robbie', 'bob', 'bobby'],
  ['daniel', 'dan', 'danny'],
  ['anthony', 'tony', 'ant'],
  ['christopher', 'chris'],
  ['thomas', 'tom', 'tommy'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['joseph', 'joe', 'joey'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['nicholas', 'nick', 'nicky'],
  ['alexander', 'alex', 'alec'],
  ['matthew', 'matt', 'matty'],
  ['benjamin', 'ben', 'benny'],
  ['samuel', 'sam', 'sammy'],
  ['richard', 'rich', 'richie', 'rick', 'ricky'],
  ['kelly', 'kellie'],
  ['katherine', 'catherine', 'kathryn', 'kate', 'katie', 'cath'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty'],
  ['rebecca', 'becky', 'becca'],
];

const EQUIVALENT_OF: ReadonlyMap<string, string> = new Map(
  NAME_EQUIVALENTS.flatMap((group) => group.map((name) => [name, group[0] as string] as const)),
);

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr']);

const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};

/**
 * A name for comparing: lower case, accents removed (Zoë → zoe), apostrophes dropped (O'Neil → oneil),
 * hyphens and other punctuation as spaces (Jay-Dee → jay dee), titles removed, and "Family, Given"
 * turned round to "given family".
 */
export function normaliseName(input: string): string {
  let text = input.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  text = text.replace(/[ßæœøłđðþ]/g, (c) => LETTER_FOLDS[c] ?? c);
  const comma = text.indexOf(',');
  if (comma > 0) text = `${text.slice(comma + 1)} ${text.slice(0, comma)}`;
  text = text.replace(/['’‘`´]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text
    .split(' ')
    .filter((t) => t && !TITLES.has(t))
    .join(' ');
}

/** A name token as compared: the first name of its equivalence group (jonny → jonathan). */
export function canonicalNameToken(token: string): string {
  return EQUIVALENT_OF.get(token) ?? token;
}

/** The tokens of a name, normalised and with equivalent names made the same. */
export function nameTokens(input: string): string[] {
  const normal = normaliseName(input);
  return normal ? normal.split(' ').map(canonicalNameToken) : [];
}
