import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a passphrase of random words without composition rules', () => {
    expect(passwordProblem('tulip orbit kettle')).toBeNull();
    expect(passwordProblem('alllowercaseletters')).toBeNull();
  });

  it('refuses short passwords and says the rule', () => {
    expect(passwordProblem('Sh0rt!')).toMatch(/at least 12 characters/);
  });

  it('refuses over-long passwords', () => {
    expect(passwordProblem('a b'.repeat(100))).toMatch(/at most 256/);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('Password1234')).toMatch(/commonly used/);
    expect(passwordProblem('QWERTY123456')).toMatch(/commonly used/);
  });

  it('refuses repeated characters and sequences', () => {
    expect(passwordProblem('zzzzzzzzzzzzzz')).toMatch(/repeated/);
    expect(passwordProblem('abcdefghijklmn')).toMatch(/sequence/);
    expect(passwordProblem('9876543210zz')).toBeNull();
  });

  it('refuses passwords built from the user’s own email, name or the service name', () => {
    expect(passwordProblem('jo.bloggs2024!', { email: 'jo.bloggs@fernbridge.example' })).toMatch(/based on/);
    expect(passwordProblem('lanternlantern1', {})).toMatch(/based on/);
    expect(passwordProblem('Morgan Morgan 1', { name: 'Morgan Ellis' })).toMatch(/based on/);
  });
});
