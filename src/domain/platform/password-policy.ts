/**
 * Password rules in the style the NCSC recommends: length and a deny-list, no composition rules
 * (no "one capital, one symbol"), no forced expiry. Lantern holds highly sensitive data, so the
 * minimum length is 12 characters; passphrases of three random words pass easily.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// Common passwords long enough to pass the length rule. Shorter common passwords fail on length.
const DENIED = new Set(
  [
    '123456789012',
    '1234567890123',
    '12345678901234',
    '123456789876',
    '111111111111',
    '000000000000',
    'password1234',
    'password12345',
    'password123456',
    'passwordpassword',
    'password!123',
    'p@ssw0rd1234',
    'qwertyuiop12',
    'qwertyuiopas',
    'qwertyuiopasdfgh',
    'qwerty123456',
    '1q2w3e4r5t6y',
    '1qaz2wsx3edc',
    'asdfghjkl123',
    'iloveyou1234',
    'letmein12345',
    'welcome12345',
    'welcome123456',
    'changeme1234',
    'administrator',
    'administrator1',
    'football1234',
    'liverpool123',
    'manchester123',
    'sunshine1234',
    'princess1234',
    'trustno1trustno1',
    'correcthorsebatterystaple',
    'abcdefghijkl',
    'abc123abc123',
    'monkey123456',
    'dragon123456',
    'baseball1234',
    'superman1234',
    'starwars1234',
  ].map((p) => p.toLowerCase()),
);

export interface PasswordContext {
  email?: string;
  name?: string;
}

/** Returns the reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters — three random words make a strong one`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (DENIED.has(lower)) return 'is on the list of commonly used passwords; choose another';
  if (/^(.)\1+$/.test(password)) return 'must not be one character repeated';
  if (isSequence(lower)) return 'must not be a simple sequence of characters';
  const words = [context.email?.split('@')[0], ...(context.name?.split(/\s+/) ?? []), 'lantern'].filter(
    (w): w is string => !!w && w.length >= 4,
  );
  const stripped = words.reduce((rest, w) => rest.split(w.toLowerCase()).join(''), lower);
  if (stripped.replace(/[^a-z0-9]/g, '').length < 6)
    return 'must not be based on your name, email or the service name';
  return null;
}

function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}
