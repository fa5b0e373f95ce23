import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plan } from './explain.js';
import type { Measurement } from './load.js';

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  /** 1-minute load average before seeding and after the load: other work on the machine skews the figures. */
  loadAverage: { before: number; after: number };
}

export interface Row extends Measurement {
  /** Throughput as a share of the bare route's / the bare query's. */
  throughputVsBare: number;
  throughputVsBareQuery: number;
  /** Latency as a multiple of the bare route's. */
  p50VsBare: number;
  p99VsBare: number;
}

export interface Report {
  date: string;
  machine: Machine;
  options: { scale: string; durationSeconds: number; warmupSeconds: number; connections: number; database: string; kept: boolean };
  setup: string;
  seed: { seconds: number; counts: Record<string, number>; steps: { step: string; seconds: number }[] };
  rows: Row[];
  plans: Plan[];
  failures: string[];
  /** Endpoints not measured because the server has no such route yet. */
  skipped?: string[];
  /** Repository operations with the tenant wall (row-level security) off and on (bench/tenant-wall.ts). */
  tenantWall?: { operation: string; offMs: number; onMs: number; ratio: number }[];
}

export function withRatios(measurements: Measurement[]): Row[] {
  const bare = measurements.find((m) => m.key === 'bare');
  const bareQuery = measurements.find((m) => m.key === 'bare-query');
  return measurements.map((m) => ({
    ...m,
    throughputVsBare: bare ? m.requestsPerSecond / bare.requestsPerSecond : Number.NaN,
    throughputVsBareQuery: bareQuery ? m.requestsPerSecond / bareQuery.requestsPerSecond : Number.NaN,
    p50VsBare: bare ? m.latency.p50 / bare.latency.p50 : Number.NaN,
    p99VsBare: bare ? m.latency.p99 / bare.latency.p99 : Number.NaN,
  }));
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const rps = (v: number) => (v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
const share = (v: number) => (Number.isFinite(v) ? (v < 0.01 ? v.toFixed(4) : v < 0.1 ? v.toFixed(3) : v.toFixed(2)) : '–');
const times = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)}×` : '–');

const header = ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ bare', 'req/s ÷ bare query', 'p50 × bare', 'p99 × bare', 'non-2xx'];

function cells(r: Row): string[] {
  return [
    r.label,
    rps(r.requestsPerSecond),
    ms(r.latency.p50),
    ms(r.latency.p99),
    share(r.throughputVsBare),
    share(r.throughputVsBareQuery),
    times(r.p50VsBare),
    times(r.p99VsBare),
    String(r.non2xx + r.errors),
  ];
}

/** A plain-text table for the terminal. */
export function textTable(rows: Row[]): string {
  const body = rows.map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** A Markdown table padded the way the repository's formatter (Biome) writes it, so `npm run lint` stays clean. */
function mdTable(head: string[], body: string[][], rightAligned: (i: number) => boolean): string {
  const widths = head.map((h, i) => Math.max(3, h.length, ...body.map((b) => (b[i] ?? '').length)));
  const pad = (v: string, i: number) => (rightAligned(i) ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0));
  const line = (c: string[]) => `| ${c.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (rightAligned(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...body.map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
  return mdTable(header, rows.map(cells), (i) => i > 0);
}

export function markdown(report: Report): string {
  const m = report.machine;
  const counts = Object.entries(report.seed.counts)
    .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
    .join(', ');
  const notes = report.rows.filter((r) => r.note).map((r) => `- **${r.label}**: ${r.note}`);
  const plans = mdTable(
    ['endpoint', 'query', 'median ms', 'EXPLAIN ANALYZE ms'],
    report.plans.map((p) => [p.endpoint, p.query, p.medianMs.toFixed(2), p.executionMs.toFixed(2)]),
    (i) => i > 1,
  );
  return [
    `# Rinnalla load benchmark — latest run`,
    '',
    `${report.date} · scale \`${report.options.scale}\` · ${report.options.connections} connections · ${report.options.durationSeconds} s per endpoint after ${report.options.warmupSeconds} s warm-up`,
    '',
    markdownTable(report.rows),
    '',
    'Ratios: throughput as a share of the floor (1.00 = as fast as a bare Fastify route); latency as a multiple of the bare route.',
    '',
    ...notes,
    ...(report.failures.length ? ['', `**Failed:** ${report.failures.join('; ')}`] : []),
    ...(report.skipped?.length ? ['', `**Not measured:** ${report.skipped.join('; ')}`] : []),
    '',
    ...(report.tenantWall?.length
      ? [
          '',
          '## Tenant wall (row-level security)',
          '',
          'Median ms of each repository operation, one connection, wall off (as before: no setting, superuser) and on (setting per query, a role the policies bind).',
          '',
          mdTable(
            ['operation', 'off ms', 'on ms', 'on/off'],
            report.tenantWall.map((w) => [w.operation, w.offMs.toFixed(3), w.onMs.toFixed(3), w.ratio.toFixed(2)]),
            (i) => i > 0,
          ),
        ]
      : []),
    '',
    '## Setup',
    '',
    report.setup,
    '',
    '## Machine',
    '',
    `- Node ${m.node}; ${m.os}`,
    `- CPU: ${m.cpu}, ${m.cores} cores; ${m.memoryGiB.toFixed(0)} GiB memory; 1-minute load average ${m.loadAverage.before.toFixed(2)} before the run, ${m.loadAverage.after.toFixed(2)} after the load`,
    `- ${m.postgres}`,
    `- PostgreSQL settings: ${Object.entries(m.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    `- Rows: ${counts}`,
    `- Seeding took ${report.seed.seconds.toFixed(1)} s`,
    '',
    '## Server-side query times (warm cache, quiet database, before the load)',
    '',
    'The queries the routes run, compiled from the server\'s own query builders. "median ms" is the plain query (7 runs, client round trip included); "EXPLAIN ANALYZE ms" includes its per-row timing overhead.',
    '',
    plans,
    '',
    'Full plans: `latest-plans.txt`.',
    '',
  ].join('\n');
}

/** Writes `<ISO timestamp>.json`, `latest.md` and `latest-plans.txt` into `dir`; returns the paths. */
export function writeResults(dir: string, report: Report): string[] {
  mkdirSync(dir, { recursive: true });
  // Colons are not allowed in file names everywhere; the rest of the ISO form stays.
  const stamp = report.date.replace(/:/g, '-');
  const json = path.join(dir, `${stamp}.json`);
  const md = path.join(dir, 'latest.md');
  const plans = path.join(dir, 'latest-plans.txt');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, markdown(report));
  writeFileSync(plans, report.plans.map((p) => `== ${p.endpoint}: ${p.query}\n${p.plan}\n`).join('\n'));
  return [json, md, plans];
}
