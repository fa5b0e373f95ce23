import { describe, expect, it } from 'vitest';
import { checkBusinessId, checkOrganisasjonsnummer, checkOrganisationsnummer, checkYTunnus, luhnValid } from './business-id.js';

describe('FI Y-tunnus', () => {
  it('accepts registered IDs and writes them as NNNNNNN-C', () => {
    expect(checkYTunnus('0112038-9')).toEqual({ ok: true, value: '0112038-9' });
    expect(checkYTunnus(' 1234567-1 ')).toEqual({ ok: true, value: '1234567-1' });
    expect(checkYTunnus('23456780')).toEqual({ ok: true, value: '2345678-0' });
  });
  it('refuses a wrong check digit, a remainder of 1, wrong length and letters', () => {
    expect(checkYTunnus('1234567-8')).toEqual({ ok: false });
    expect(checkYTunnus('3141592-0')).toEqual({ ok: false }); // weighted sum ≡ 1 (mod 11): never issued
    expect(checkYTunnus('123456-1')).toEqual({ ok: false });
    expect(checkYTunnus('1234567-1x')).toEqual({ ok: false });
    expect(checkYTunnus('12-34567-1')).toEqual({ ok: false });
  });
  it('accepts exactly one check digit of the ten for every valid stem', () => {
    for (const stem of ['0000001', '1618033', '2718280', '9999999']) {
      const ok = [...Array(10).keys()].filter((c) => checkYTunnus(`${stem}-${c}`).ok);
      expect(ok.length).toBeLessThanOrEqual(1);
    }
  });
});

describe('NO organisasjonsnummer', () => {
  it('accepts registered numbers with or without spaces', () => {
    expect(checkOrganisasjonsnummer('923609016')).toEqual({ ok: true, value: '923609016' });
    expect(checkOrganisasjonsnummer('923 609 016')).toEqual({ ok: true, value: '923609016' });
  });
  it('refuses a wrong check digit and the wrong length', () => {
    expect(checkOrganisasjonsnummer('923609017')).toEqual({ ok: false });
    expect(checkOrganisasjonsnummer('92360901')).toEqual({ ok: false });
  });
});

describe('SE organisationsnummer', () => {
  it('accepts Luhn-valid numbers, with the 16 prefix dropped', () => {
    expect(checkOrganisationsnummer('556036-0793')).toEqual({ ok: true, value: '556036-0793' });
    expect(checkOrganisationsnummer('5560360793')).toEqual({ ok: true, value: '556036-0793' });
    expect(checkOrganisationsnummer('16556036-0793')).toEqual({ ok: true, value: '556036-0793' });
  });
  it('refuses a wrong check digit', () => {
    expect(checkOrganisationsnummer('556036-0794')).toEqual({ ok: false });
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
});

describe('checkBusinessId', () => {
  it('checks by the provider country and keeps other countries as typed', () => {
    expect(checkBusinessId('FI', '923609016').ok).toBe(false);
    expect(checkBusinessId('NO', '923609016').ok).toBe(true);
    expect(checkBusinessId('SE', '0112038-9').ok).toBe(false);
    expect(checkBusinessId('DK', ' DK12345678 ')).toEqual({ ok: true, value: 'DK12345678' });
    expect(checkBusinessId('FI', '   ')).toEqual({ ok: false });
  });
});
