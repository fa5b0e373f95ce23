import { describe, expect, it } from 'vitest';
import {
  agreedSessions,
  allowedTransitions,
  isOpen,
  nextStatuses,
  openStatuses,
  type ProcessStatus,
  processBody,
  processLimits,
  processStatuses,
  transition,
} from './processes.js';

describe('status machine', () => {
  const allowed: [ProcessStatus, ProcessStatus][] = [
    ['proposed', 'agreed'],
    ['proposed', 'cancelled'],
    ['agreed', 'active'],
    ['agreed', 'cancelled'],
    ['active', 'paused'],
    ['active', 'completed'],
    ['active', 'cancelled'],
    ['paused', 'active'],
    ['paused', 'completed'],
    ['paused', 'cancelled'],
  ];

  it('allows exactly the transitions of the contract', () => {
    const seen: string[] = [];
    for (const from of processStatuses) for (const to of processStatuses) if (transition(from, to).ok) seen.push(`${from}->${to}`);
    expect(seen.sort()).toEqual(allowed.map(([a, b]) => `${a}->${b}`).sort());
  });

  it('explains a refusal', () => {
    const skip = transition('proposed', 'active');
    expect(skip).toEqual({ ok: false, reason: expect.stringContaining('agreed, cancelled') });
    expect(transition('active', 'active')).toEqual({ ok: false, reason: 'The process is already active' });
    expect(transition('completed', 'active')).toEqual({ ok: false, reason: 'A completed process cannot change its status' });
    expect(transition('cancelled', 'proposed').ok).toBe(false);
    expect(transition('paused', 'agreed').ok).toBe(false);
  });
});

describe('status helpers', () => {
  it('knows the open statuses and where each may go', () => {
    expect(openStatuses).toEqual(['proposed', 'agreed', 'active', 'paused']);
    for (const s of processStatuses) expect(isOpen(s)).toBe(openStatuses.includes(s));
    expect(nextStatuses('completed')).toEqual([]);
    expect(nextStatuses('proposed')).toBe(allowedTransitions.proposed);
  });
});

describe('limits', () => {
  it('agreed sessions: the server rule is the one rule', () => {
    expect(agreedSessions.safeParse(processLimits.agreedSessionsMax).success).toBe(true);
    expect(agreedSessions.safeParse(processLimits.agreedSessionsMax + 1).success).toBe(false);
    expect(agreedSessions.safeParse(0).success).toBe(false);
    expect(agreedSessions.safeParse(1.5).success).toBe(false);
    const base = { organisationId: crypto.randomUUID(), serviceId: crypto.randomUUID(), title: 'T' };
    expect(processBody.safeParse({ ...base, agreedSessions: 500 }).success).toBe(true);
    expect(processBody.safeParse({ ...base, agreedSessions: 501 }).success).toBe(false);
    expect(processBody.safeParse({ ...base, sessionMinutes: 14 }).success).toBe(false);
  });
});
