/**
 * The authorisation walk's judge: the walk is only as strict as this function, so it is proven
 * here with made-up answers (the walk itself, over every route, is authorisation.int.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { judge, type Markers, type WalkEntry } from './walk.js';

const none: Markers = { refused: [], crossTenant: [] };
const json = (status: number, code?: string) => ({
  status,
  code,
  body: JSON.stringify(code ? { error: { code, message: 'x' } } : { ok: true }),
});

describe('the walk judge', () => {
  const entry: WalkEntry = { allowed: ['practitioner'], tenantResource: true };

  it('fails an allowed caller that gets a 404, a 400 or a 422 instead of success', () => {
    expect(judge(entry, 'practitioner', json(404, 'not_found'), none)).toEqual([
      'practitioner: allowed, so expected 2xx, got 404 not_found',
    ]);
    expect(judge(entry, 'practitioner', json(400, 'validation_failed'), none)).toHaveLength(1);
    expect(judge(entry, 'practitioner', json(422, 'not_a_crisis'), none)).toHaveLength(1);
    expect(judge(entry, 'practitioner', json(403, 'forbidden'), none)).toHaveLength(1);
    expect(judge(entry, 'practitioner', json(500, 'internal'), none)).toHaveLength(1);
  });

  it('passes an allowed caller that succeeds', () => {
    expect(judge(entry, 'practitioner', json(200), none)).toEqual([]);
    expect(judge(entry, 'practitioner', json(204), none)).toEqual([]);
  });

  it('holds an allowed caller to the status the entry names, and only to it', () => {
    const conflict: WalkEntry = { allowed: ['practitioner'], expect: { status: 409, why: 'already enrolled' } };
    expect(judge(conflict, 'practitioner', json(409, 'conflict'), none)).toEqual([]);
    expect(judge(conflict, 'practitioner', json(200), none)).toEqual(['practitioner: expected 409 (already enrolled), got 200']);
    const perCaller: WalkEntry = { allowed: ['practitioner', 'participant'], expect: { participant: { status: 409, why: 'x' } } };
    expect(judge(perCaller, 'participant', json(409, 'conflict'), none)).toEqual([]);
    expect(judge(perCaller, 'practitioner', json(409, 'conflict'), none)).toHaveLength(1);
  });

  it('takes a 404 as a refusal only for a record the caller may not reach', () => {
    expect(judge(entry, 'client_contact', json(403, 'forbidden'), none)).toEqual([]);
    expect(judge(entry, 'client_contact', json(404, 'not_found'), none)).toEqual([]);
    expect(judge({ allowed: ['practitioner'] }, 'client_contact', json(404, 'not_found'), none)).toEqual([
      'client_contact: expected refused, got 404 not_found',
    ]);
    expect(judge(entry, 'client_contact', json(200), none)).toEqual(['client_contact: expected refused, got 200']);
    expect(judge(entry, 'client_contact', json(400, 'validation_failed'), none)).toHaveLength(1);
  });

  it('finds a marker in a refusal and the other tenant in any answer', () => {
    const markers: Markers = { refused: ['Private note'], crossTenant: ['provider-b-secret'] };
    const leaky = { status: 403, code: 'forbidden', body: '{"error":{"code":"forbidden","message":"Private note"}}' };
    expect(judge(entry, 'client_contact', leaky, markers)).toEqual(['client_contact: answer (403) leaks Private note']);
    expect(judge(entry, 'practitioner', { status: 200, body: '{"name":"provider-b-secret"}' }, markers)).toEqual([
      'practitioner: answer (200) leaks provider-b-secret',
    ]);
    // An allowed caller may see provider A's own data.
    expect(judge(entry, 'practitioner', { status: 200, body: '{"note":"Private note"}' }, markers)).toEqual([]);
  });
});
