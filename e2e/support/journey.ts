// One journey = one fresh server (first start, demo data), one browser context (or more, for a
// second person), screenshots and the server log on failure.
import type { Browser, Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { type ContextOptions, collectPageErrors, launchBrowser, newContext, saveFailureArtifacts } from './browser.js';
import { type RunningServer, startServer } from './server.js';

export interface Journey {
  server: RunningServer;
  /** The first person's page. */
  page: Page;
  /** Another person's browser: a new context with its own cookies and storage. */
  openPage(options?: ContextOptions): Promise<Page>;
}

let browser: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  browser ??= launchBrowser();
  return browser;
}

/** Call once at the top of a journey file: closes the browser after its journeys. */
export function closeBrowserAfterAll(): void {
  afterAll(async () => {
    if (browser) await (await browser).close();
    browser = null;
  });
}

export function journey(name: string, body: (j: Journey) => Promise<void>, options: ContextOptions = {}): void {
  test(name, async () => {
    const server = await startServer();
    const pages: Page[] = [];
    const errors: string[][] = [];
    const contexts: Awaited<ReturnType<typeof newContext>>[] = [];
    const openPage = async (opts: ContextOptions = {}) => {
      const context = await newContext(await sharedBrowser(), server.baseUrl, opts);
      contexts.push(context);
      const page = await context.newPage();
      pages.push(page);
      errors.push(collectPageErrors(page));
      return page;
    };
    try {
      const page = await openPage(options);
      await body({ server, page, openPage });
      expect(errors.flat(), 'uncaught exceptions in the page').toEqual([]);
    } catch (error) {
      const where = await saveFailureArtifacts(name, pages, server.output(), error);
      if (error instanceof Error) error.message += `\n(screenshots and server log: ${where}*)`;
      throw error;
    } finally {
      for (const context of contexts) await context.close().catch(() => undefined);
      await server.stop();
    }
  });
}
