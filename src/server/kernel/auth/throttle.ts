/**
 * Pure: after `freeAttempts` failures inside the window, each further failure doubles the wait,
 * up to a cap. Returns the moment the next attempt is allowed, or null when it is allowed now.
 */
export function nextAttemptAllowedAt(
  failures: readonly Date[],
  now: Date,
  opts = { windowMs: 15 * 60_000, freeAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 15 * 60_000 },
): Date | null {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < opts.windowMs).sort((a, b) => b.getTime() - a.getTime());
  if (recent.length < opts.freeAttempts) return null;
  const extra = recent.length - opts.freeAttempts;
  const delay = Math.min(opts.baseDelayMs * 2 ** extra, opts.maxDelayMs);
  const allowedAt = new Date((recent[0] as Date).getTime() + delay);
  return allowedAt > now ? allowedAt : null;
}
