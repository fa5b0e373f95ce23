import pg from 'pg';

/** The admin connection: a server where the benchmark may create and drop its own database. */
export const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchDatabaseName(at = new Date()): string {
  // rinnalla_bench_20250131t142501: lower case, so it needs no quoting.
  return `rinnalla_bench_${at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').toLowerCase()}`;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withClient(adminUrl, (c) => c.query(`create database ${name} encoding 'UTF8' template template0`));
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}

export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ version: string }>('select version()');
    return rows[0]?.version ?? 'unknown';
  });
}

export async function serverSettings(url: string, names: string[]): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ name: string; value: string }>(
      'select name, current_setting(name) as value from pg_settings where name = any($1) order by name',
      [names],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  });
}
