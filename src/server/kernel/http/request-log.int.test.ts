/**
 * A newcomer's terminal must not fill with JSON (issue 8): one log line per request, with method,
 * route-shaped URL, status and time; development output goes through pino-pretty.
 */
import { describe, expect, it } from 'vitest';
import { memoryLog, startTestApp } from '../../testing/harness.js';
import { loggerOptions } from './logging.js';

describe('request logging', () => {
  it('writes one line per request, naming method, path, status and time', async () => {
    const log = memoryLog();
    const t = await startTestApp({ logStream: log.stream, config: { logLevel: 'info' } });
    try {
      await t.app.inject({ method: 'GET', url: '/healthz' });
      await t.app.inject({ method: 'GET', url: '/api/home' });
      const lines = log
        .text()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { msg: string; statusCode?: number; url?: string; ms?: number });
      const requestLines = lines.filter((l) => l.url !== undefined);
      expect(requestLines.map((l) => l.msg.replace(/\d+ ms$/, 'N ms'))).toEqual(['GET /healthz 200 N ms', 'GET /api/home 401 N ms']);
      expect(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
      expect(requestLines.every((l) => typeof l.ms === 'number')).toBe(true);
    } finally {
      await t.app.close();
    }
  });

  it('is human-readable in development and JSON otherwise', () => {
    const dev = loggerOptions('info', true) as { transport?: { target: string } };
    const prod = loggerOptions('info', false) as { transport?: unknown };
    expect(dev.transport?.target).toBe('pino-pretty');
    expect(prod.transport).toBeUndefined();
  });
});
