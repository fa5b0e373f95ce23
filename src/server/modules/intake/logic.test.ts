import { describe, expect, it } from 'vitest';
import { firstContactClock, looksLikeSpam, normaliseOrganisationName, queueOrder } from './logic.js';

const at = (iso: string) => new Date(iso);

describe('firstContactClock', () => {
  const created = at('2026-11-23T08:00:00Z');
  it('is due after the target and overdue only once that has passed without contact', () => {
    expect(firstContactClock({ kind: 'crisis', createdAt: created, firstContactAt: null }, 240, at('2026-11-23T11:59:00Z'))).toEqual({
      firstContactDueAt: at('2026-11-23T12:00:00Z'),
      minutesToFirstContact: null,
      overdue: false,
    });
    expect(firstContactClock({ kind: 'crisis', createdAt: created, firstContactAt: null }, 240, at('2026-11-23T12:01:00Z')).overdue).toBe(
      true,
    );
  });
  it('measures the minutes to the first contact, and judges it against the target', () => {
    const met = firstContactClock(
      { kind: 'crisis', createdAt: created, firstContactAt: at('2026-11-23T09:30:00Z') },
      240,
      at('2026-11-24T00:00:00Z'),
    );
    expect(met).toMatchObject({ minutesToFirstContact: 90, overdue: false });
    const late = firstContactClock(
      { kind: 'crisis', createdAt: created, firstContactAt: at('2026-11-23T13:00:00Z') },
      240,
      at('2026-11-24T00:00:00Z'),
    );
    expect(late).toMatchObject({ minutesToFirstContact: 300, overdue: true });
  });
});

describe('queueOrder', () => {
  it('puts crises first, then the oldest first', () => {
    const items = [
      { id: 'a', kind: 'service' as const, createdAt: at('2026-11-20T08:00:00Z'), firstContactAt: null },
      { id: 'b', kind: 'crisis' as const, createdAt: at('2026-11-23T08:00:00Z'), firstContactAt: null },
      { id: 'c', kind: 'crisis' as const, createdAt: at('2026-11-22T08:00:00Z'), firstContactAt: null },
      { id: 'd', kind: 'service' as const, createdAt: at('2026-11-19T08:00:00Z'), firstContactAt: null },
    ];
    expect(queueOrder(items).map((i) => i.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('normaliseOrganisationName', () => {
  it('ignores case, spacing, punctuation and legal forms', () => {
    expect(normaliseOrganisationName('Hoivakoti Kaisla Oy')).toBe('hoivakoti kaisla');
    expect(normaliseOrganisationName('  hoivakoti   KAISLA ')).toBe('hoivakoti kaisla');
    expect(normaliseOrganisationName('Hoivakoti Kaisla, OY.')).toBe('hoivakoti kaisla');
    expect(normaliseOrganisationName('Vakuutus Aalto, asiakaspalvelu')).toBe('vakuutus aalto asiakaspalvelu');
    expect(normaliseOrganisationName('Støttespor AS')).toBe('støttespor');
    expect(normaliseOrganisationName('Asiakas Ab')).toBe('asiakas');
    expect(normaliseOrganisationName('Oy Karl Fazer Ab')).toBe('karl fazer');
    expect(normaliseOrganisationName('Claims Team Ltd')).toBe(normaliseOrganisationName('claims team'));
  });
  it('keeps words that merely contain a suffix, and legal-form words inside the name', () => {
    expect(normaliseOrganisationName('Oyster Bar')).toBe('oyster bar');
    expect(normaliseOrganisationName('Astra')).toBe('astra');
    expect(normaliseOrganisationName('Öas Ab')).toBe('öas');
    expect(normaliseOrganisationName('Living as one')).toBe('living as one');
  });
  it('never turns a name into nothing', () => {
    expect(normaliseOrganisationName('AB')).toBe('ab');
    expect(normaliseOrganisationName('Oy Ab')).toBe('oy');
  });
});

describe('looksLikeSpam', () => {
  it('drops a filled honeypot or an inhumanly fast submission', () => {
    expect(looksLikeSpam({ website: 'http://spam.example' })).toBe(true);
    expect(looksLikeSpam({ website: '', elapsedMs: 800 })).toBe(true);
    expect(looksLikeSpam({ website: '', elapsedMs: 45_000 })).toBe(false);
    expect(looksLikeSpam({})).toBe(false);
    expect(looksLikeSpam({ website: ' ' })).toBe(true);
    expect(looksLikeSpam({ elapsedMs: 2499 })).toBe(true);
    expect(looksLikeSpam({ elapsedMs: 2500 })).toBe(false);
  });
});
