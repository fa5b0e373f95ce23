import { describe, expect, it } from 'vitest';
import { entryTitle } from './calendar-label';

describe('a calendar entry names its organisation once', () => {
  it('does not repeat an organisation the title already names', () => {
    expect(entryTitle('Työnohjaus – Acme Oy', 'Acme Oy')).toBe('Työnohjaus – Acme Oy');
    expect(entryTitle('Kriisityönohjaus: ACME OY, vaaratilanne', 'Acme Oy')).toBe('Kriisityönohjaus: ACME OY, vaaratilanne');
  });
  it('adds the organisation when the title does not name it', () => {
    expect(entryTitle('Night shift group supervision', 'Acme Oy')).toBe('Night shift group supervision, Acme Oy');
    expect(entryTitle('Night shift group supervision', null)).toBe('Night shift group supervision');
    expect(entryTitle('Night shift group supervision', '  ')).toBe('Night shift group supervision');
  });
});
