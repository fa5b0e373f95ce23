// Screenshots a journey takes on purpose (not on failure): the pages a provider judges the product
// by, per language, kept under .test-artifacts/screens/ for a person to look at after the run.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server.js';

export const screensDir = path.join(repoRoot, '.test-artifacts', 'screens');

/** Saves the whole page as `<name>.png` (e.g. `calendar-week-fi`). */
export async function screen(page: Page, name: string): Promise<string> {
  mkdirSync(screensDir, { recursive: true });
  const file = path.join(screensDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, timeout: 15_000 });
  return file;
}
