import { type Kysely, sql } from 'kysely';

/**
 * PGlite's extended protocol takes one statement per query, so a migration's script is split at
 * each semicolon that ends a line outside a dollar-quoted body.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inDollarQuote = false;
  for (const line of script.split('\n')) {
    current.push(line);
    const dollarQuotes = line.match(/\$\$/g)?.length ?? 0;
    if (dollarQuotes % 2 === 1) inDollarQuote = !inDollarQuote;
    if (!inDollarQuote && /;\s*(--.*)?$/.test(line)) {
      const text = current.join('\n').trim();
      if (text.replace(/--.*$/gm, '').trim()) statements.push(text);
      current = [];
    }
  }
  const rest = current.join('\n').replace(/--.*$/gm, '').trim();
  if (rest) statements.push(rest);
  return statements;
}

export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await sql.raw(statement).execute(db);
}
