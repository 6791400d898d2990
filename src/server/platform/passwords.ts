import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

// OWASP's recommended argon2id settings (19 MiB, 2 iterations, 1 lane): strong, and light enough for
// a server that signs in a whole partnership at nine in the morning.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no hash (unknown account) it still does the work, so timing reveals nothing. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** A one-time password an administrator hands over; the user must change it at first sign-in. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}
