import { describe, expect, it } from 'vitest';
import { sessionStage } from './sessions.js';
import { nextAttemptAllowedAt } from './throttle.js';
import { matchTotp, newTotpSecret, totpCodeAt } from './totp.js';

describe('nextAttemptAllowedAt', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  it('allows the first five failures without delay', () => {
    expect(nextAttemptAllowedAt(4, ago(1), now)).toBeNull();
  });
  it('then waits 30 s, doubling with each further failure, capped at 15 min', () => {
    expect(nextAttemptAllowedAt(5, ago(1), now)).toEqual(new Date(ago(1).getTime() + 30_000));
    expect(nextAttemptAllowedAt(6, ago(1), now)).toEqual(new Date(ago(1).getTime() + 60_000));
    expect(nextAttemptAllowedAt(15, ago(1), now)).toEqual(new Date(ago(1).getTime() + 15 * 60_000));
    expect(nextAttemptAllowedAt(5000, ago(1), now)).toEqual(new Date(ago(1).getTime() + 15 * 60_000));
  });
  it('forgets failures after a quiet period', () => {
    expect(nextAttemptAllowedAt(9, ago(15 * 60), now)).toBeNull();
    expect(nextAttemptAllowedAt(5, ago(31), now)).toBeNull();
  });
});

describe('TOTP', () => {
  it('accepts the current code and one step of drift, refuses others', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-03-29T00:59:45Z');
    expect(matchTotp(secret, totpCodeAt(secret, at), at)).toBe(Math.floor(at.getTime() / 30_000));
    expect(matchTotp(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at)).not.toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, new Date(at.getTime() - 120_000)), at)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at)).toBeNull();
  });
});

describe('sessionStage', () => {
  it('asks for enrolment, then a code, and lets roles without the requirement straight in', () => {
    expect(sessionStage({ mfaRequired: true, totpEnabled: false, mfaVerified: false })).toBe('mfa-enrolment-required');
    expect(sessionStage({ mfaRequired: true, totpEnabled: true, mfaVerified: false })).toBe('mfa-required');
    expect(sessionStage({ mfaRequired: false, totpEnabled: true, mfaVerified: false })).toBe('mfa-required');
    expect(sessionStage({ mfaRequired: false, totpEnabled: false, mfaVerified: false })).toBe('signed-in');
    expect(sessionStage({ mfaRequired: true, totpEnabled: true, mfaVerified: true })).toBe('signed-in');
  });
});
