import { describe, expect, it } from 'vitest';
import { loggerOptions, safeError, safeUrl } from './logging.js';

describe('safeUrl', () => {
  it('keeps the route shape and drops every token, with or without a suffix, and the query', () => {
    expect(safeUrl('/calendar/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics')).toBe('/calendar/[token].ics');
    expect(safeUrl('/api/respond/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/draft')).toBe('/api/respond/[token]/draft');
    expect(safeUrl('/api/respond/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGx%2Fy')).toBe('/api/respond/[token]/y');
    expect(safeUrl('/%61pi/respond/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe('/api/respond/[token]');
    expect(safeUrl('/invitation?token=abcdefghijklmnopqrstuvwxyz0123456789')).toBe('/invitation');
    expect(safeUrl('/api/processes')).toBe('/api/processes');
  });
});

describe('safeError', () => {
  it('keeps what finds the fault, not the data that met it', () => {
    const err = Object.assign(new Error('duplicate key for abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'), {
      code: '23505',
      constraint: 'people_email_key',
      table: 'people',
      detail: 'Key (email)=(someone@example.test) already exists.',
      query: 'insert into people (name, email) values ($1, $2)',
      params: ['Someone Private', 'someone@example.test'],
    });
    const out = safeError(err);
    const text = JSON.stringify(out);
    expect(out).toMatchObject({ type: 'Error', code: '23505', constraint: 'people_email_key', table: 'people' });
    expect(out.message).toBe('duplicate key for [token]');
    expect(out.stack).toMatch(/^Error: duplicate key for \[token\]\n\s+at /);
    for (const secret of ['someone@example.test', 'Someone Private', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'insert into'])
      expect(text).not.toContain(secret);
  });

  it('is what the logger uses for err', () => {
    const options = loggerOptions('info') as { serializers: Record<string, (v: unknown) => unknown> };
    expect(options.serializers.err).toBe(safeError);
  });
});
