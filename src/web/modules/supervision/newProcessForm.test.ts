import { describe, expect, it } from 'vitest';
import { processBody, processLimits, type Service } from '../../../shared/processes';
import { emptyNewProcess, newProcessRules, toProcessBody } from './newProcessForm';

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);
const ids = { organisationId: crypto.randomUUID(), serviceId: crypto.randomUUID() };
const service: Service = {
  id: ids.serviceId,
  kind: 'group',
  names: { en: 'Group supervision' },
  vat: { treatment: 'taxable', ratePercent: 25.5 },
  defaultMinutes: 90,
  defaultCadence: 'monthly',
  defaultPlace: 'on_site',
  priceCents: 24000,
  currency: 'EUR',
  active: true,
};

describe('new process form', () => {
  it('sends a body the server accepts, leaving empty fields to the service', () => {
    const values = { ...emptyNewProcess('fi'), ...ids, title: '  Team Alpha  ' };
    const body = toProcessBody(values, service);
    expect(body).toEqual({ ...ids, title: 'Team Alpha', kind: 'group', language: 'fi', participantIds: [] });
    expect(processBody.safeParse(body).success).toBe(true);
  });

  it('sends the terms typed, a price in cents, and only the place detail that fits the place', () => {
    const values = {
      ...emptyNewProcess('sv'),
      ...ids,
      title: 'T',
      place: 'video' as const,
      location: 'Room 2',
      videoLink: 'https://meet.example/abc',
      price: 240.5,
      agreedSessions: 500,
      sessionMinutes: 60,
    };
    const body = toProcessBody(values, service);
    expect(body).toMatchObject({ priceCents: 24050, agreedSessions: 500, sessionMinutes: 60, videoLink: 'https://meet.example/abc' });
    expect(body).not.toHaveProperty('location');
    expect(processBody.safeParse(body).success).toBe(true);
  });

  it('checks the limits of the shared contract', () => {
    const rules = newProcessRules(t, { needsPractitioner: false });
    const values = emptyNewProcess('en');
    expect(rules.agreedSessions(processLimits.agreedSessionsMax)).toBeNull();
    expect(rules.agreedSessions(processLimits.agreedSessionsMax + 1)).toContain('validation.wholeBetween');
    expect(rules.agreedSessions('')).toBeNull();
    expect(rules.sessionMinutes(14)).toContain('"min":15');
    expect(rules.price(-1)).toContain('validation.amountBetween');
    expect(rules.videoLink('http://plain.example', { ...values, place: 'video' })).toBe('validation.httpsLink');
    expect(rules.videoLink('http://plain.example', { ...values, place: 'office' })).toBeNull();
    expect(rules.reviewDate('2026-01-01', { ...values, startDate: '2026-02-01' })).toBe('validation.reviewAfterStart');
    expect(newProcessRules(t, { needsPractitioner: true }).practitionerIds([])).toBe('newProcess.choosePractitioner');
  });
});
