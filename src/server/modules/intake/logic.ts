/** Pure rules of the intake: no I/O, the clock comes in as an argument. */

export interface QueueItem {
  kind: 'crisis' | 'service';
  createdAt: Date;
  firstContactAt: Date | null;
}

export interface FirstContactClock {
  firstContactDueAt: Date;
  minutesToFirstContact: number | null;
  overdue: boolean;
}

/** Time to first contact against the provider's target (PRODUCT.md: same working day; default 4 h). */
export function firstContactClock(item: QueueItem, targetMinutes: number, now: Date): FirstContactClock {
  const due = new Date(item.createdAt.getTime() + targetMinutes * 60_000);
  const minutes = item.firstContactAt ? Math.round((item.firstContactAt.getTime() - item.createdAt.getTime()) / 60_000) : null;
  const overdue = item.firstContactAt ? item.firstContactAt > due : now > due;
  return { firstContactDueAt: due, minutesToFirstContact: minutes, overdue };
}

/** Crisis requests first (a crisis is urgent), then the oldest first within each kind. */
export function queueOrder<T extends QueueItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'crisis' ? -1 : 1;
    return a.createdAt.getTime() - b.createdAt.getTime();
  });
}

/** Legal forms of Nordic and English company names: Oy, Oyj, Ab, Abp, AS, ASA, Ltd, ry, Ky, Tmi, Inc, GmbH, … */
const legalForms = new Set(['oy', 'oyj', 'ab', 'abp', 'as', 'asa', 'ltd', 'ry', 'ky', 'tmi', 'inc', 'gmbh', 'hb', 'kb', 'llc', 'plc']);

/**
 * A name as it is compared for duplicates. The rule: Unicode-normalise (NFKC) and lower-case;
 * turn punctuation into spaces; split on white space (so leading, trailing and repeated spaces
 * vanish); then drop legal-form words (see `legalForms`) at the start and at the end of the name,
 * as often as they repeat ("Oy Karl Fazer Ab" → "karl fazer"). A legal-form word in the middle is
 * part of the name ("Living as one" stays), and words that merely contain one ("Oyster") stay.
 * So "Hoivakoti Kaisla Oy", " hoivakoti  KAISLA " and "Hoivakoti Kaisla, OY." are one client.
 */
export function normaliseOrganisationName(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '');
  while (words.length > 1 && legalForms.has(words[words.length - 1] as string)) words.pop();
  while (words.length > 1 && legalForms.has(words[0] as string)) words.shift();
  return words.join(' ');
}

/** Less than this between opening the form and sending it is faster than a person reads it. */
export const minimumFormMs = 2500;

/**
 * A bot fills the invisible field or submits faster than a person can read the form. Such
 * submissions are accepted (so the bot learns nothing) and dropped.
 */
export function looksLikeSpam(input: { website?: string | undefined; elapsedMs?: number | undefined }): boolean {
  if (input.website !== undefined && input.website !== '') return true;
  return input.elapsedMs !== undefined && input.elapsedMs < minimumFormMs;
}
