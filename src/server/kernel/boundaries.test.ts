import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

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
    if (e.isDirectory()) return moduleSources(path);
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
