import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * Secrets at rest (TOTP seeds) are sealed with AES-256-GCM under a key the database never holds.
 * On a server database the key must come from LANTERN_ENCRYPTION_KEY; on the embedded database a key
 * is generated once into the data folder (readable by its owner only).
 */
export function resolveEncryptionKey(config: Config): Buffer {
  if (config.encryptionKey) return parseKey(config.encryptionKey);
  if (config.databaseUrl) {
    throw new Error(
      'LANTERN_ENCRYPTION_KEY is required with DATABASE_URL: 32 random bytes in base64 (openssl rand -base64 32)',
    );
  }
  const dir = path.resolve(config.dataDir);
  const file = path.join(dir, 'encryption.key');
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8').trim());
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

function parseKey(text: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('LANTERN_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  return key;
}

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function unseal(key: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1:')) throw new Error('Unknown sealed secret format');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
