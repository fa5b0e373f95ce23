import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type TransactionSettings,
  type UnknownRow,
} from 'kysely';

/**
 * The second wall behind the repository (migration 0010): every tenant table has a row-level
 * security policy that compares `provider_id` with this transaction-local setting. Unset (empty)
 * means "not walled": kernel work that legitimately crosses providers (the session lookup, jobs
 * scanning due rows, migrations, backups) runs without it. The repository always sets it, so each
 * of its queries is walled to the caller's provider even if its own WHERE clause were missing.
 * The policy binds only for a role that is neither superuser nor the tables' owner: on PostgreSQL
 * the server's own role; on PGlite `embeddedWallRole`, taken on for each walled transaction.
 */
export const tenantSetting = 'rinnalla.provider_id';

/**
 * Which provider a compiled query was built for, keyed by the node the plugin hands to the
 * compiler (a fresh copy per compilation, carried as `CompiledQuery.query`). Not keyed by query id:
 * one builder may run through a walled and an unwalled handle, and each run must get its own wall.
 */
const walledNodes = new WeakMap<RootOperationNode, string>();
const providerOf = (compiled: CompiledQuery): string => walledNodes.get(compiled.query) ?? '';

class TenantPlugin implements KyselyPlugin {
  constructor(private readonly providerId: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = Object.freeze({ ...args.node });
    walledNodes.set(node, this.providerId);
    return node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** A handle whose every query runs with the wall set to `providerId` (transaction-local). */
export function walledTo<DB>(db: Kysely<DB>, providerId: string): Kysely<DB> {
  return db.withPlugin(new TenantPlugin(providerId));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const setQuery = (value: string) => CompiledQuery.raw(`select set_config('${tenantSetting}', $1, true)`, [value]);

/**
 * PGlite runs every query as its superuser, for whom row-level security never binds. So on PGlite
 * a walled query runs under this role (`set local role`, for that transaction only): it may read and
 * write the tables but is no superuser, so the policies bind there too. On PostgreSQL the server
 * connects as a non-owner role already (README, "Database roles") and needs no switch.
 */
export const embeddedWallRole = 'rinnalla_wall';

/**
 * Creates the embedded wall role and gives it the tables: those that exist now (a data folder made
 * before the wall) and, through default privileges, every table and sequence later migrations make.
 * Audit rows stay append-only for it as for everyone (the trigger of migration 0001).
 */
export async function prepareEmbeddedWallRole(client: { exec(sql: string): Promise<unknown> }): Promise<void> {
  await client.exec(`
    do $$ begin
      if not exists (select from pg_roles where rolname = '${embeddedWallRole}') then create role ${embeddedWallRole} nologin; end if;
    end $$;
    grant usage on schema public to ${embeddedWallRole};
    grant select, insert, update, delete on all tables in schema public to ${embeddedWallRole};
    grant usage, select on all sequences in schema public to ${embeddedWallRole};
    alter default privileges in schema public grant select, insert, update, delete on tables to ${embeddedWallRole};
    alter default privileges in schema public grant usage, select on sequences to ${embeddedWallRole};
  `);
}

export interface WallOptions {
  /** A role to take on for walled queries (PGlite only; see `embeddedWallRole`). */
  role?: string;
}

class WalledConnection implements DatabaseConnection {
  inTransaction = false;
  /** The wall's value inside the open transaction; undefined when unknown (after a savepoint rollback). */
  current: string | undefined = '';
  constructor(
    readonly inner: DatabaseConnection,
    private readonly multiStatement: boolean,
    private readonly options: WallOptions = {},
  ) {}

  /** The setting, and on PGlite the role that makes it bind; unset goes back to the superuser. */
  private async setWall(providerId: string): Promise<void> {
    await this.inner.executeQuery(setQuery(providerId));
    if (this.options.role) {
      await this.inner.executeQuery(CompiledQuery.raw(providerId ? `set local role ${this.options.role}` : 'set local role none'));
    }
  }

  private async begin(providerId: string): Promise<void> {
    // One round trip on PostgreSQL (simple protocol, no parameters, so the id is checked first);
    // PGlite takes one statement per query and is in-process anyway.
    if (this.multiStatement && uuidPattern.test(providerId) && !this.options.role) {
      await this.inner.executeQuery(CompiledQuery.raw(`begin; select set_config('${tenantSetting}', '${providerId}', true)`));
      return;
    }
    await this.inner.executeQuery(CompiledQuery.raw('begin'));
    await this.setWall(providerId);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const wanted = providerOf(compiled);
    if (this.inTransaction) {
      // Each query runs with exactly its own wall: kernel work sharing a transaction with a
      // repository is not walled to the repository's provider, nor the other way round.
      if (this.current !== wanted) {
        await this.setWall(wanted);
        this.current = wanted;
      }
      return this.inner.executeQuery<R>(compiled);
    }
    if (!wanted) return this.inner.executeQuery<R>(compiled);
    // A read outside any transaction gets one of its own, so the setting cannot outlive it on a
    // pooled connection.
    await this.begin(wanted);
    try {
      const result = await this.inner.executeQuery<R>(compiled);
      await this.inner.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (err) {
      await this.inner.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      throw err;
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    const wanted = providerOf(compiled);
    if (this.inTransaction || !wanted) {
      if (this.inTransaction && this.current !== wanted) {
        await this.setWall(wanted);
        this.current = wanted;
      }
      yield* this.inner.streamQuery<R>(compiled, chunkSize);
      return;
    }
    await this.begin(wanted);
    let ok = false;
    try {
      yield* this.inner.streamQuery<R>(compiled, chunkSize);
      ok = true;
    } finally {
      await this.inner.executeQuery(CompiledQuery.raw(ok ? 'commit' : 'rollback')).catch(() => {});
    }
  }
}

class WalledDriver implements Driver {
  constructor(
    private readonly base: Driver,
    private readonly multiStatement: boolean,
    private readonly options: WallOptions,
  ) {}
  init(): Promise<void> {
    return this.base.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new WalledConnection(await this.base.acquireConnection(), this.multiStatement, this.options);
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as WalledConnection;
    await this.base.beginTransaction(c.inner, settings);
    c.inTransaction = true;
    c.current = '';
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as WalledConnection;
    c.inTransaction = false;
    await this.base.commitTransaction(c.inner);
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as WalledConnection;
    c.inTransaction = false;
    await this.base.rollbackTransaction(c.inner);
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    if (!this.base.savepoint) throw new Error('savepoints are not supported');
    await this.base.savepoint((connection as WalledConnection).inner, name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    if (!this.base.rollbackToSavepoint) throw new Error('savepoints are not supported');
    const c = connection as WalledConnection;
    await this.base.rollbackToSavepoint(c.inner, name, compile);
    c.current = undefined;
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    if (!this.base.releaseSavepoint) throw new Error('savepoints are not supported');
    await this.base.releaseSavepoint((connection as WalledConnection).inner, name, compile);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.base.releaseConnection((connection as WalledConnection).inner);
  }
  destroy(): Promise<void> {
    return this.base.destroy();
  }
}

/**
 * Wraps a dialect so that queries built through `walledTo` run with the tenant setting.
 * `multiStatement`: the driver accepts several statements in one parameterless query (node-pg).
 */
export function tenantWallDialect(base: Dialect, multiStatement: boolean, options: WallOptions = {}): Dialect {
  return {
    createAdapter: () => base.createAdapter(),
    createDriver: () => new WalledDriver(base.createDriver(), multiStatement, options),
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db) => base.createIntrospector(db),
  };
}

/** `RINNALLA_ROW_SECURITY=off` leaves the setting unset everywhere (the bench's comparison run). */
export const tenantWallEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.RINNALLA_ROW_SECURITY !== 'off';
