import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const period = 30;

function totp(secretBase32: string, label = 'Rinnalla'): TOTP {
  return new TOTP({ issuer: 'Rinnalla', label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function totpEnrolment(secretBase32: string, accountLabel: string) {
  const otpauthUrl = totp(secretBase32, accountLabel).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 });
  return { secret: secretBase32, otpauthUrl, qrDataUrl };
}

/**
 * Returns the time step the code belongs to (±1 step for clock drift), or null. The caller stores
 * the step so the same code cannot be replayed.
 */
export function matchTotp(secretBase32: string, code: string, at: Date): number | null {
  const cleaned = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(cleaned)) return null;
  const delta = totp(secretBase32).validate({ token: cleaned, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / period) + delta;
}

export function totpCodeAt(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}
