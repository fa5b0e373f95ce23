/** All IANA time zones the browser knows, with `extra` included, sorted. */
export function timeZoneOptions(extra: string[] = []): { value: string; label: string }[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = ['Europe/Helsinki', 'Europe/Stockholm', 'Europe/Oslo', 'UTC'];
  }
  const all = new Set([...zones, 'UTC', ...extra.filter(Boolean)]);
  return [...all].sort().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
}
