import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Caller } from './access/caller.js';
import { ConfigError, loadConfig } from './config.js';
import { DataCipher, hashToken } from './crypto.js';
import { splitStatements } from './db/statements.js';
import { assertRouteAccess } from './http/guard.js';
import { safeUrl } from './http/logging.js';
import { localeFromHeader, translator } from './i18n/i18n.js';

describe('config', () => {
  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', RINNALLA_ENV: 'test', DATA_KEY: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATA_KEY: 'short' });
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toMatch(/PORT/);
      expect((e as ConfigError).problems.join('\n')).toMatch(/DATA_KEY/);
    }
  });
  it('requires real secrets, a database and SMTP in production', () => {
    expect(() => loadConfig({ RINNALLA_ENV: 'production' })).toThrow(/DATA_KEY[\s\S]*SESSION_SECRET[\s\S]*DATABASE_URL[\s\S]*SMTP_URL/);
  });
  it('turns the development outbox off in production', () => {
    const c = loadConfig({
      RINNALLA_ENV: 'production',
      DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
      SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://db/x',
      SMTP_URL: 'smtp://mail',
      PUBLIC_URL: 'https://rinnalla.example',
    });
    expect(c.devOutbox).toBe(false);
  });
});

describe('DataCipher', () => {
  const cipher = new DataCipher(Buffer.alloc(32, 3));
  it('round-trips, never repeats a ciphertext, and refuses tampering or another context', () => {
    const a = cipher.encrypt('secret note', 'note:1');
    expect(a).not.toContain('secret');
    expect(cipher.encrypt('secret note', 'note:1')).not.toBe(a);
    expect(cipher.decrypt(a, 'note:1')).toBe('secret note');
    expect(() => cipher.decrypt(a, 'note:2')).toThrow();
    const parts = a.split('.');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => cipher.decrypt(parts.join('.'), 'note:1')).toThrow();
  });
  it('hashes tokens one way', () => {
    expect(hashToken('abc')).toBe(hashToken('abc'));
    expect(hashToken('abc')).not.toContain('abc');
  });
});

describe('splitStatements', () => {
  it('splits at line-ending semicolons but keeps dollar-quoted bodies whole', () => {
    const parts = splitStatements(`create table a (x int);
-- a comment;
create function f() returns trigger language plpgsql as $$
begin
  raise exception 'no';
end $$;
create index i on a (x);`);
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain("raise exception 'no';");
  });
});

describe('assertRouteAccess', () => {
  const base: Caller = {
    userId: 'u',
    sessionId: 's',
    providerId: 'p',
    grants: [{ role: 'practitioner', organisationId: null, unitId: null }],
    isPlatformAdmin: false,
    fullySignedIn: true,
    ip: null,
    userAgent: null,
    requestId: null,
  };
  const signedIn = { id: 's', userId: 'u', providerId: 'p', stage: 'signed-in' as const, mfaVerified: true };
  it('lets anyone reach a public route', () => {
    expect(() => assertRouteAccess({ caller: base, session: null }, 'public')).not.toThrow();
  });
  it('refuses anonymous callers with 401 and wrong roles with 403', () => {
    expect(() => assertRouteAccess({ caller: base, session: null }, 'signed-in')).toThrow(expect.objectContaining({ statusCode: 401 }));
    expect(() => assertRouteAccess({ caller: base, session: signedIn }, { roles: ['provider_admin'] })).toThrow(
      expect.objectContaining({ statusCode: 403 }),
    );
    expect(() => assertRouteAccess({ caller: base, session: signedIn }, { roles: ['practitioner'] })).not.toThrow();
    expect(() => assertRouteAccess({ caller: base, session: signedIn }, 'platform-admin')).toThrow(
      expect.objectContaining({ statusCode: 403 }),
    );
  });
  it('lets a session owing its second factor reach only session routes', () => {
    const owing = { ...signedIn, stage: 'mfa-required' as const };
    expect(() => assertRouteAccess({ caller: base, session: owing }, 'session')).not.toThrow();
    expect(() => assertRouteAccess({ caller: base, session: owing }, 'signed-in')).toThrow(
      expect.objectContaining({ code: 'second_factor_required' }),
    );
  });
});

describe('safeUrl', () => {
  it('drops query strings and long tokens from logged URLs', () => {
    expect(safeUrl('/api/members?q=anna')).toBe('/api/members');
    expect(safeUrl('/api/invitations/by-token/AbCdEfGhIjKlMnOpQrStUvWxYz012345/accept')).toBe('/api/invitations/by-token/[token]/accept');
    expect(safeUrl('/api/members/4f6c2e9a-1b2c-4d5e-8f90-123456789abc')).toBe('/api/members/[token]');
  });
});

describe('i18n', () => {
  it('has the same keys in Finnish, Swedish, Norwegian Bokmål and English', () => {
    const keys = (o: Record<string, unknown>, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));
    const load = (l: string) => keys(JSON.parse(readFileSync(path.join(import.meta.dirname, 'i18n/locales', `${l}.json`), 'utf8'))).sort();
    const en = load('en');
    for (const l of ['fi', 'sv', 'nb']) expect(load(l)).toEqual(en);
  });
  it('picks a language from Accept-Language, mapping Norwegian to Bokmål', () => {
    expect(localeFromHeader('sv-FI,sv;q=0.9')).toBe('sv');
    expect(localeFromHeader('no,en;q=0.5')).toBe('nb');
    expect(localeFromHeader('de-DE')).toBe('en');
    expect(translator('fi')('role.practitioner')).toBe('ammattilainen');
  });
});

describe('cappedTotal', () => {
  it('reports the count up to the cap, and says when there are more', async () => {
    const { cappedTotal, countCap } = await import('./db/count.js');
    expect(cappedTotal({ n: 42 })).toEqual({ total: 42, totalCapped: false });
    expect(cappedTotal({ n: String(countCap) })).toEqual({ total: countCap, totalCapped: false });
    expect(cappedTotal({ n: countCap + 1 })).toEqual({ total: countCap, totalCapped: true });
    expect(cappedTotal(undefined)).toEqual({ total: 0, totalCapped: false });
  });
});
