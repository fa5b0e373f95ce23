import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../server/modules/measures/logic/instruments/index.js';
import { locales } from './locales.js';
import { alertReason } from './measures-logic.js';
import { bandName, builtInBandNames, builtInFlagNames, reasonText } from './measures-reasons.js';

describe('alert reasons in words', () => {
  it('names every band and flag of every built-in instrument in fi, sv, nb and en', () => {
    for (const def of builtInInstruments) {
      for (const band of def.bands) {
        for (const locale of locales)
          expect(builtInBandNames[def.key]?.[band.id]?.[locale], `${def.key}.${band.id}.${locale}`).toBeTruthy();
      }
      for (const flag of def.flags ?? []) {
        for (const locale of locales) expect(builtInFlagNames[flag.id]?.[locale], `${def.key} flag ${flag.id}.${locale}`).toBeTruthy();
      }
    }
  });

  it('never shows a raw key', () => {
    expect(reasonText('fi', 'who5', alertReason.flag('item_low'))).toBe(
      // Finnish and Swedish quote with ” on both sides.
      'Vastaus vaatii huomiota: jokin kysymys vastattu ”vähän aikaa” tai ”ei koskaan”',
    );
    expect(reasonText('fi', 'who5', alertReason.band('likely_depression'))).toMatch(/^Tulos: hyvin heikko hyvinvointi/);
    expect(reasonText('sv', 'phq9', alertReason.band('severe'))).toBe('Resultat: svåra depressiva symtom');
    expect(reasonText('nb', 'phq9', alertReason.flag('self_harm'))).toContain('skade seg selv');
    expect(reasonText('en', 'who5', alertReason.drop)).toBe('A clear worsening since the previous answer');
    for (const locale of locales) {
      for (const raw of ['flag:unknown_flag', 'band:nope', 'weird']) {
        const text = reasonText(locale, 'custom', raw);
        expect(text).not.toContain('unknown_flag');
        expect(text).not.toContain('nope');
        expect(text).not.toContain('weird');
      }
    }
  });

  it("uses a provider questionnaire's own label, in the reader's language when it has one", () => {
    expect(reasonText('sv', 'own', alertReason.band('low'), { en: 'Low', sv: 'Låg' })).toBe('Resultat: Låg');
    expect(reasonText('fi', 'own', alertReason.band('low'), { en: 'Low' })).toBe('Tulos: Low');
    expect(bandName('fi', 'gad7', 'severe')).toBe('vaikea ahdistuneisuus');
    expect(bandName('fi', 'own', 'x')).toBeNull();
  });
});
