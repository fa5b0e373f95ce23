import { describe, expect, it } from 'vitest';
import { itHasTheSameTextsInEveryLanguage } from '../../testing/texts.js';
import { emailChangedMail, maskAddress, processesTexts } from './mail.js';

describe('processes mail texts', () => {
  itHasTheSameTextsInEveryLanguage(processesTexts);

  it('tells the old address in the person’s language, with the new address masked and no link', () => {
    const mail = emailChangedMail('sv', { name: 'Anna', providerName: 'Tukiranta', newAddress: 'hr-inbox@employer.example' });
    expect(mail.subject).toBe('Din e-postadress har ändrats – Tukiranta');
    expect(mail.text).toContain('h…@employer.example');
    expect(mail.text).not.toContain('hr-inbox');
    expect(mail.text).not.toMatch(/https?:|\{\w+\}/);
    expect(emailChangedMail('xx', { name: 'A', providerName: 'P', newAddress: null }).text).toContain('—');
  });

  it('masks an address down to its first letter and domain', () => {
    expect(maskAddress('anna.virtanen@example.fi')).toBe('a…@example.fi');
    expect(maskAddress(null)).toBe('—');
  });
});
