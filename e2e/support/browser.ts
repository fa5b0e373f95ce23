// Debian's Chromium driven by playwright-core, one context per journey, and the accessibility scan.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { repoRoot } from './server.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = path.join(repoRoot, '.test-artifacts', 'e2e');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  /** A phone: touch, meta viewport honoured. */
  mobile?: boolean;
}

/** A fresh browser profile (no cookies, no stored language) pointed at the server. */
export async function newContext(browser: Browser, baseUrl: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-GB',
    timezoneId: 'Europe/Helsinki',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  // Shorter than the test timeout, so a stuck step fails with a message (and a screenshot).
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Uncaught exceptions in the page; a journey fails when there are any. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.stack ?? error.message}`));
  return errors;
}

/**
 * Runs axe-core on the page and fails on every violation of impact `serious` or `critical`,
 * listing the rule ids and the offending elements. A violation must still be there on a second
 * scan a moment later: on a loaded machine a scan can land mid-way through a re-render or a fade
 * (a half-transparent text has a contrast no reader ever sees). What vanished is printed, not
 * hidden, so a real but intermittent problem still shows in the log.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  let report = await seriousViolations(page);
  for (let attempt = 0; report && attempt < 2; attempt++) {
    console.warn(`axe: violations on "${label}" on scan ${attempt + 1}, scanning again:\n${report}`);
    await page.waitForTimeout(1_000);
    report = await seriousViolations(page);
  }
  if (report) throw new Error(`Accessibility violations on "${label}" (${page.url()}):\n${report}`);
}

/** The serious and critical violations on the page as it is now, as a report; null when none. */
async function seriousViolations(page: Page): Promise<string | null> {
  // Let the page settle: no loader spinning, fonts ready.
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length === 0) return null;
  return blocking
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      ${JSON.stringify(n.target)}\n        ${(n.failureSummary ?? '').split('\n').join('\n        ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** Screenshots of every open page plus the server's output, into .test-artifacts/e2e/. */
export async function saveFailureArtifacts(name: string, pages: Page[], serverOutput: string, error: unknown): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const slug = `${new Date().toISOString().replace(/[:.]/g, '-')}-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  const notes: string[] = [`${name}`, '', String(error instanceof Error ? (error.stack ?? error.message) : error), ''];
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const file = path.join(artifactsDir, `${slug}-page${i + 1}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      notes.push(`page ${i + 1}: ${page.url()} → ${path.relative(repoRoot, file)}`);
    } catch (shotError) {
      notes.push(`page ${i + 1}: ${page.url()} (no screenshot: ${String(shotError)})`);
    }
  }
  writeFileSync(path.join(artifactsDir, `${slug}-server.log`), serverOutput);
  writeFileSync(path.join(artifactsDir, `${slug}.txt`), `${notes.join('\n')}\n`);
  return path.relative(repoRoot, path.join(artifactsDir, slug));
}
