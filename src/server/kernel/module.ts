import type { Compilable, Migration } from 'kysely';
import type { NavItem } from '../../shared/nav.js';
import type { WalkTable } from './access/walk.js';
import type { Database } from './db/schema.js';

// A module's manifest: everything the kernel needs to know about a module, in one file
// (docs/architecture.md, "A module's anatomy"). The kernel reads the module list
// (src/server/modules/index.ts); it holds no module's tables, grants, routes or jobs.
//
// This file imports types only: the policy and the migrator read the manifests at import time,
// so nothing here may pull a route or a service in (see `lazy` below).

/** PostgreSQL types as information_schema.columns.udt_name spells them. */
export type SqlType = 'uuid' | 'text' | 'varchar' | 'int4' | 'int8' | 'float8' | 'bool' | 'jsonb' | 'timestamptz' | 'date' | 'time';
/** A column: its SQL type, with `?` when it may be null. Checked against the migrated database. */
export type Column = SqlType | `${SqlType}?`;

/** Whose rows: how a table's rows of one person are found. */
export type Subject = 'person' | 'user' | 'contact';

/** Personal data a table holds (GDPR art. 4, 9; confidential: the practitioner's private notes). */
export type Category = 'ordinary' | 'special' | 'confidential';

export type PersonalData =
  | {
      category: 'none';
      /** Why the table holds nothing about a person (cut-offs, chain hashes…). */
      why: string;
    }
  | {
      category: Category;
      /** What the rows say about a person, in a few words. */
      what: string;
      retention: {
        rule: string;
        /** Where the rule is enforced (a job, a trigger), or omitted while it is only the rule. */
        enforcedBy?: string;
      };
      /** How one person's rows are found: a column of the table, or a join through one. */
      find: { subject: Subject; column: string; via?: string };
      /** How they are exported for an access request (art. 15, 20). */
      export: string;
      /** What erasure does (art. 17): delete the rows, anonymise the columns, or keep them and why. */
      erase: { how: 'delete' | 'anonymise' | 'keep'; detail: string };
    };

/**
 * One table as declared at run time: its columns (exactly the keys of the Kysely table type: a key
 * missing or extra is a compile error), whether it is a tenant table (provider_id, row-level wall,
 * policy) and its personal-data declaration.
 */
export interface TableDeclaration<T extends keyof Database = keyof Database> {
  name: T;
  tenant: boolean;
  columns: { readonly [K in keyof Database[T]]-?: Column };
  personal: PersonalData;
}

/** Typed per table, so `columns` must name exactly the table type's keys. */
export function defineTable<T extends keyof Database>(name: T, decl: Omit<TableDeclaration<T>, 'name'>): TableDeclaration {
  // An object literal: TypeScript refuses a key the table type does not have, and a missing one.
  return { name, ...decl } as unknown as TableDeclaration;
}

/** What a job factory receives; each module's jobs take the part they need. */
export interface JobDeps {
  system: import('./access/system.js').SystemRunner;
  config: import('./config.js').Config;
  clock: import('./clock.js').Clock;
  cipher: import('./crypto.js').DataCipher;
}

/**
 * Parts loaded only when used (routes when the app is built, jobs when the server starts, the walk
 * and the SQL snapshots in tests): the manifest itself stays plain data the kernel can read while
 * it is still loading, with no import cycle through the routes and services.
 */
export type Lazy<T> = () => Promise<T>;

export type RouteRegistrar = (app: import('fastify').FastifyInstance) => Promise<void>;
export type JobDefinition = import('./jobs/scheduler.js').JobDefinition;

/** A query kept as SQL in kernel/db/queries.sql; built on a dummy database with the given repositories. */
export type SnapshotFactory = (on: SnapshotContext) => Compilable;
export interface SnapshotContext {
  db: import('kysely').Kysely<Database>;
  repo(
    grants: import('./access/caller.js').Caller['grants'],
    extra?: Partial<import('./access/caller.js').Caller>,
  ): import('./access/repository.js').Repository;
}

export interface ModuleManifest {
  /** The folder's name. */
  name: string;
  /** The tables this module owns: nobody else writes them (boundaries.test.ts). */
  tables: readonly TableDeclaration[];
  /**
   * Its migrations from 0011 on, named `NNNN_<module>_<what>`: the kernel runs every manifest's
   * migrations in name order. 0001–0010 predate the manifests and stay in kernel/db/migrations.
   */
  migrations: Readonly<Record<string, Migration>>;
  /** Who may do what on its tenant tables: one entry per tenant table it owns, none for any other. */
  policy: Readonly<Partial<Record<string, readonly import('./access/policy.js').Grant[]>>>;
  routes: Lazy<readonly RouteRegistrar[]>;
  jobs?: (deps: JobDeps) => Promise<readonly JobDefinition[]>;
  /** Every route of `routes`, who may call it and how (kernel/access/walk.ts); tests only. */
  walk: Lazy<WalkTable>;
  snapshots?: Lazy<Readonly<Record<string, SnapshotFactory>>>;
  /** The web's menu entries (data in src/shared/nav.ts; the web builds its menu from the same). */
  nav: readonly NavItem[];
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

/**
 * The one policy, composed from the manifests. Fails at start when two manifests claim a table, or a
 * manifest grants on a table it does not own or on a table that is not a tenant table.
 */
export function composePolicies(modules: readonly ModuleManifest[]): Record<string, readonly import('./access/policy.js').Grant[]> {
  const owner = tableOwners(modules);
  const out: Record<string, readonly import('./access/policy.js').Grant[]> = {};
  for (const m of modules) {
    for (const [table, grants] of Object.entries(m.policy)) {
      const decl = m.tables.find((t) => t.name === table);
      if (!decl) throw new Error(`Module ${m.name} grants on ${table}, a table ${owner.get(table) ?? 'nobody'} owns`);
      if (!decl.tenant) throw new Error(`Module ${m.name} grants on ${table}, which is not a tenant table`);
      out[table] = grants ?? [];
    }
    for (const t of m.tables) {
      if (t.tenant && !(t.name in m.policy)) throw new Error(`Module ${m.name} declares no policy for its tenant table ${t.name}`);
    }
  }
  return out;
}

/** Which module owns each table; fails when two claim the same one. */
export function tableOwners(modules: readonly ModuleManifest[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const t of m.tables) {
      const before = owner.get(t.name);
      if (before) throw new Error(`Table ${t.name} is claimed by both ${before} and ${m.name}`);
      owner.set(t.name, m.name);
    }
  }
  return owner;
}

/** Every manifest's migrations, in name order; fails when two share a name. */
export function mergeMigrations(modules: readonly ModuleManifest[]): Record<string, Migration> {
  const all = new Map<string, Migration>();
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations)) {
      if (all.has(name)) throw new Error(`Migration ${name} is listed twice (again by ${m.name})`);
      all.set(name, migration);
    }
  }
  return Object.fromEntries([...all.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
