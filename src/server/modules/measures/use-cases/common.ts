import type { Selectable } from 'kysely';
import type { Repository } from '../../../kernel/access/repository.js';
import type { CheckinsTable } from '../../../kernel/db/schema.js';
import { notFound } from '../../../kernel/errors.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { LocalText } from '../logic/instrument.js';

// What the measures use cases share. Every write goes through a repository (audited there) in one
// transaction together with its mail.

export type CheckinRow = Selectable<CheckinsTable>;

/** The morning of an agreed start date (offsets count from it). */
export function startOfDay(value: Date | string | null): Date | null {
  if (!value) return null;
  const day = typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  return new Date(`${day}T08:00:00Z`);
}

export const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
export const field = (path: string, message: string) => [{ path, message }];

/** The caller's provider (name, country, zone): the kernel reads it, the providers table is not a tenant table. */
export function providerRow(repo: Repository) {
  return repo.provider();
}

/** The provider-entered translation an answer was given in, for the reports' mark (null: one we ship). */
export function shownTranslationOf(r: { form_locale: Locale | null; translation_version: number | null }) {
  return r.form_locale && r.translation_version ? { locale: r.form_locale, version: r.translation_version } : null;
}

export function pick(text: LocalText, locale: Locale): string {
  return text[locale] ?? text.en ?? Object.values(text).find((v) => !!v) ?? '';
}

export async function requireProcess(repo: Repository, id: string) {
  const row = await repo.select('processes').selectAll('processes').where('processes.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
