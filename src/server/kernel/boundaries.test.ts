import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { modules } from '../modules/index.js';
import { tableOwners } from './module.js';

// The repository is the only door to tenant data: a domain module that could reach the raw
// database could read or write any provider's rows, unaudited. This test makes the boundary a
// build failure rather than a convention. It reads the module sources with the TypeScript parser
// (not a regex), so formatting cannot hide an import or a member access.

const root = join(import.meta.dirname, '..');
const modulesDir = join(root, 'modules');

/** Kysely names that are raw handles; the other kysely types (Selectable, …) only describe rows. */
const rawKyselyTypes = new Set(['Kysely', 'Transaction', 'ControlledTransaction', 'Connection']);
/** Kernel values that act on the raw database or build callers by hand: the kernel wraps each. */
const kernelOnly: Record<string, Set<string>> = {
  'access/caller.js': new Set(['systemCaller', 'jobCaller', 'linkCaller', 'anonymousCaller']),
  'mail/mailer.js': new Set(['enqueueMail', 'deliverDueMail']),
  'audit/audit.js': new Set(['appendAudit']),
};
/** Member names that hand out the raw database. */
const rawMembers = new Set(['kysely', 'kernelDb', 'db']);

interface Violation {
  file: string;
  line: number;
  what: string;
}

/** Pure: the boundary violations in one module source file. */
function boundaryViolations(file: string, source: string): Violation[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Violation[] = [];
  const at = (node: ts.Node, what: string) => out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const clause = node.importClause;
      const typeOnlyClause = !!clause?.isTypeOnly;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
      const valueNames = typeOnlyClause ? [] : named.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text);
      const allNames = named.map((e) => (e.propertyName ?? e.name).text);
      const hasDefaultOrNamespace = !!clause?.name || (!!clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings));
      if (from === 'kysely') {
        if (valueNames.length || (hasDefaultOrNamespace && !typeOnlyClause))
          at(node, `value import from kysely: ${valueNames.join(', ') || '*'}`);
        const raw = allNames.filter((n) => rawKyselyTypes.has(n));
        if (raw.length) at(node, `raw handle type from kysely: ${raw.join(', ')}`);
      }
      const kernelPath = from.match(/kernel\/(.+)$/)?.[1];
      if (kernelPath?.startsWith('db/')) {
        if (kernelPath !== 'db/schema.js') at(node, `import of kernel/${kernelPath}`);
        else if (valueNames.length || (hasDefaultOrNamespace && !typeOnlyClause)) at(node, 'value import from kernel/db/schema.js');
      }
      if (kernelPath === 'http/types.js' && allNames.includes('KernelDb')) at(node, 'import of KernelDb');
      const refused = kernelPath ? kernelOnly[kernelPath] : undefined;
      if (refused) {
        for (const n of valueNames) if (refused.has(n)) at(node, `import of kernel-only ${n}`);
      }
    }
    if (ts.isPropertyAccessExpression(node) && rawMembers.has(node.name.text)) at(node, `access to .${node.name.text}`);
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) && rawMembers.has(node.argumentExpression.text))
      at(node, `access to ['${node.argumentExpression.text}']`);
    if (ts.isBindingElement(node) && rawMembers.has(((node.propertyName ?? node.name) as ts.Identifier).text ?? ''))
      at(node, `destructuring of ${((node.propertyName ?? node.name) as ts.Identifier).text}`);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Repository')
      at(node, 'new Repository (callers are built by the kernel)');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function moduleSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    // A module's migrations change the schema: the kernel's migrator runs them at start with the
    // owner's handle, never per request, so the raw database is what they are given by design.
    if (e.isDirectory()) return e.name === 'migrations' ? [] : moduleSources(path);
    // Tests and the authorisation walk's fixtures set up and inspect the database on purpose.
    if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name) || e.name === 'access.walk.ts') return [];
    return [path];
  });
}

describe('module boundary: no raw database access from src/server/modules', () => {
  it('finds what it is meant to find', () => {
    const found = boundaryViolations(
      'x.ts',
      [
        "import { sql, type Selectable } from 'kysely';",
        "import type { Kysely } from 'kysely';",
        "import type { Db } from '../../kernel/db/database.js';",
        "import type { PeopleTable } from '../../kernel/db/schema.js';",
        "import { enqueueMail } from '../../kernel/mail/mailer.js';",
        "import { systemCaller } from '../../kernel/access/caller.js';",
        'const a = kernel.db.kysely;',
        'const b = repo.kernelDb();',
        'const { db } = ctx;',
        'const r = new Repository(a, b);',
      ].join('\n'),
    );
    expect(found.map((v) => v.line)).toEqual([1, 2, 3, 5, 6, 7, 7, 8, 9, 10]);
  });

  it('no module source imports or reaches the raw database', () => {
    const files = moduleSources(modulesDir);
    expect(files.length).toBeGreaterThan(10);
    const violations = files.flatMap((f) => boundaryViolations(relative(root, f), readFileSync(f, 'utf8')));
    expect(violations.map((v) => `${v.file}:${v.line} ${v.what}`)).toEqual([]);
  });
});

// Cross-module writes: a module writes only the tables its manifest declares. Another module's
// tables change through that module's exported functions (so its state machine, history and audit
// apply: intake opens a process through processes, a continuation moves meetings through
// scheduling); the kernel's through the kernel's (createOrganisation, enqueueMail, …).

/** Repository and Kysely methods that write the table named by their first argument. */
const writeMethods = new Set(['insert', 'update', 'delete', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);

interface Write {
  file: string;
  line: number;
  /** The table, or null when the first argument is not a string literal (named at run time). */
  table: string | null;
}

/** Pure: every write call in one source, with the table it names. */
function writesIn(file: string, source: string, tables: ReadonlySet<string>): Write[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Write[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && writeMethods.has(node.expression.name.text)) {
      const first = node.arguments[0];
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        if (tables.has(first.text)) out.push({ file, line, table: first.text });
      } else if (first && ts.isIdentifier(first) && /table/i.test(first.text)) {
        // `for (const table of [...]) tx.update(table, …)`: a write the scan cannot attribute.
        out.push({ file, line, table: null });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The writes of `files` (paths under src/server/modules) that touch a table another module owns. */
function crossModuleWrites(files: { path: string; source: string }[], owners: ReadonlyMap<string, string>): string[] {
  const tables = new Set(owners.keys());
  return files.flatMap(({ path, source }) => {
    const module = path.split('/')[0] ?? '';
    return writesIn(path, source, tables)
      .filter((w) => w.table === null || owners.get(w.table) !== module)
      .map((w) =>
        w.table === null
          ? `${w.file}:${w.line} writes a table named at run time`
          : `${w.file}:${w.line} writes ${w.table}, which ${owners.get(w.table)} owns`,
      );
  });
}

describe('module boundary: a module writes only its own tables', () => {
  const owners = tableOwners(modules);

  it('finds what it is meant to find', () => {
    const source = [
      "await tx.insert('processes', {});",
      'await tx',
      '  .update(',
      "    'meetings', id, {});",
      "await repo.insert('requests', {});",
      "await db.insertInto('users').values({});",
      "hash.update('text');",
      'for (const table of names) await tx.update(table, id, {});',
    ].join('\n');
    expect(crossModuleWrites([{ path: 'intake/service.ts', source }], owners)).toEqual([
      'intake/service.ts:1 writes processes, which processes owns',
      'intake/service.ts:2 writes meetings, which scheduling owns',
      'intake/service.ts:6 writes users, which kernel owns',
      'intake/service.ts:8 writes a table named at run time',
    ]);
  });

  it('every table is owned by exactly one manifest', () => {
    expect(owners.size).toBeGreaterThan(30);
  });

  it('no module source writes a table another module (or the kernel) owns', () => {
    const files = moduleSources(modulesDir).map((f) => ({ path: relative(modulesDir, f), source: readFileSync(f, 'utf8') }));
    expect(crossModuleWrites(files, owners)).toEqual([]);
  });
});
