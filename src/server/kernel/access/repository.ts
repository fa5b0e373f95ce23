import type { Insertable, Kysely, Selectable, SelectQueryBuilder, Transaction, Updateable } from 'kysely';
import { type AuditEvent, appendAudit } from '../audit/audit.js';
import type { Database } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import type { Caller } from './caller.js';
import { type Action, type Decision, decide, forbiddenFields, type SubqueryScope, type TenantTable } from './policy.js';

type Row<T extends TenantTable> = Insertable<Database[T]>;
type Patch<T extends TenantTable> = Updateable<Database[T]>;

/** Singular names for audit actions: `organisation.create`, `member.update`. */
const entityNames: Record<TenantTable, string> = {
  organisations: 'organisation',
  units: 'unit',
  memberships: 'member',
  invitations: 'invitation',
  audit_events: 'audit_event',
  people: 'person',
  services: 'service',
  processes: 'process',
  process_practitioners: 'process_practitioner',
  process_participants: 'process_participant',
  process_status_changes: 'process_status_change',
  goals: 'goal',
  what_works: 'what_works',
  requests: 'request',
  availability: 'availability',
  absences: 'absence',
  meetings: 'meeting',
  meeting_practitioners: 'meeting_practitioner',
  meeting_attendance: 'attendance',
  meeting_notes: 'note',
  meeting_summaries: 'summary',
  scaling_scores: 'scaling',
  calendar_feeds: 'calendar_feed',
  measure_settings: 'measure_settings',
  custom_instruments: 'instrument',
  checkin_plans: 'checkin_plan',
  checkins: 'checkin',
  responses: 'response',
  measure_alerts: 'alert',
};

/**
 * The one way request code reaches tenant data (Medplum's habit): built per request from the
 * caller, it adds the provider and role conditions to every query itself, checks written fields,
 * and audits every write in the same transaction. Handlers never see the raw database.
 */
export class Repository {
  constructor(
    private readonly db: Kysely<Database>,
    readonly caller: Caller,
    private readonly inTransaction = false,
  ) {}

  private require(table: TenantTable, action: Action): Decision {
    const decision = decide(this.caller, table, action);
    if (!decision.allowed) throw forbidden();
    return decision;
  }

  /** Whether the caller may do this at all (for UI hints and route guards; the queries enforce it anyway). */
  can(table: TenantTable, action: Action): boolean {
    return decide(this.caller, table, action).allowed;
  }

  // biome-ignore lint/suspicious/noExplicitAny: a dynamic table name cannot be typed through Kysely's builder
  private scoped(query: any, table: TenantTable, decision: Decision): any {
    let q = query.where(`${table}.provider_id`, '=', this.caller.providerId);
    if (decision.rowScopes.length > 0) {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      q = q.where((eb: any) =>
        eb.or(
          decision.rowScopes.map((s) => {
            if ('subquery' in s) return eb(`${table}.${s.column}`, 'in', this.subquery(s.subquery, s.values));
            return s.values.length ? eb(`${table}.${s.column}`, 'in', s.values) : eb.val(false);
          }),
        ),
      );
    }
    return q;
  }

  /** The row sets of policy.ts's relation scopes, always inside the caller's provider. */
  private subquery(name: SubqueryScope, organisationIds: string[]) {
    const providerId = this.caller.providerId as string;
    const userId = this.caller.userId ?? '00000000-0000-0000-0000-000000000000';
    switch (name) {
      case 'processes.asPractitioner':
        return this.db
          .selectFrom('process_practitioners')
          .select('process_id')
          .where('provider_id', '=', providerId)
          .where('user_id', '=', userId);
      case 'processes.asParticipant':
        return this.db
          .selectFrom('process_participants')
          .innerJoin('people', 'people.id', 'process_participants.person_id')
          .select('process_participants.process_id')
          .where('process_participants.provider_id', '=', providerId)
          .where('people.user_id', '=', userId);
      case 'processes.ofCallerOrganisations':
        return this.db
          .selectFrom('processes')
          .select('id')
          .where('provider_id', '=', providerId)
          .where('organisation_id', 'in', organisationIds.length ? organisationIds : ['00000000-0000-0000-0000-000000000000']);
      case 'people.self':
        return this.db.selectFrom('people').select('id').where('provider_id', '=', providerId).where('user_id', '=', userId);
    }
  }

  /** Rows of `table` this caller may read; join and select on top as needed. */
  select<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, object> {
    const decision = this.require(table, 'read');
    return this.scoped(this.db.selectFrom(table as TenantTable), table, decision);
  }

  /**
   * Rows of `table` the caller may fold into an aggregate (the `aggregate` action). Only the
   * thresholded aggregate functions consume this; a handler never returns its rows.
   */
  selectForAggregate<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, object> {
    const decision = this.require(table, 'aggregate');
    return this.scoped(this.db.selectFrom(table as TenantTable), table, decision);
  }

  /** Of these ids, the ones the caller may read: one query for many rows, never one per row. */
  async readableIds(table: TenantTable, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.select(table)
      // biome-ignore lint/suspicious/noExplicitAny: dynamic table
      .where(`${table}.id` as any, 'in', ids as string[])
      // biome-ignore lint/suspicious/noExplicitAny: dynamic table
      .select(`${table}.id as id` as any)
      .execute();
    return new Set(rows.map((r) => String((r as { id: unknown }).id)));
  }

  async insert<T extends TenantTable>(
    table: T,
    values: Omit<Row<T>, 'provider_id'>,
    audit?: Partial<AuditEvent>,
  ): Promise<Selectable<Database[T]>> {
    const decision = this.require(table, 'create');
    this.checkFields(decision, Object.keys(values));
    return this.write(async (db) => {
      const row = await db
        .insertInto(table as TenantTable)
        // biome-ignore lint/suspicious/noExplicitAny: dynamic table
        .values({ ...(values as any), provider_id: this.caller.providerId })
        .returningAll()
        .executeTakeFirstOrThrow();
      // A scoped creator must not plant rows outside its own scope: the new row must be reachable
      // through the same conditions, checked in the same transaction (rolled back otherwise).
      if (decision.rowScopes.length) {
        const reachable = await this.scoped(db.selectFrom(table as TenantTable), table, decision)
          .where(`${table}.id`, '=', (row as { id: string }).id)
          .select(`${table}.id`)
          .executeTakeFirst();
        if (!reachable) throw forbidden();
      }
      await appendAudit(db, this.caller, {
        action: `${entityNames[table]}.create`,
        entityType: entityNames[table],
        entityId: String((row as { id: unknown }).id),
        ...audit,
      });
      return row as unknown as Selectable<Database[T]>;
    });
  }

  /** Updates one row by id within the caller's reach; 404 when it is not there for this caller. */
  async update<T extends TenantTable>(
    table: T,
    id: string,
    patch: Patch<T>,
    audit?: Partial<AuditEvent>,
  ): Promise<Selectable<Database[T]>> {
    const decision = this.require(table, 'update');
    this.checkFields(decision, Object.keys(patch));
    return this.write(async (db) => {
      const row = await this.scoped(db.updateTable(table as TenantTable), table, decision)
        .set(patch)
        .where(`${table}.id`, '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound();
      await appendAudit(db, this.caller, {
        action: `${entityNames[table]}.update`,
        entityType: entityNames[table],
        entityId: id,
        details: { fields: Object.keys(patch) },
        ...audit,
      });
      return row as unknown as Selectable<Database[T]>;
    });
  }

  async delete(table: TenantTable, id: string, audit?: Partial<AuditEvent>): Promise<void> {
    const decision = this.require(table, 'delete');
    await this.write(async (db) => {
      const result = await this.scoped(db.deleteFrom(table), table, decision).where(`${table}.id`, '=', id).executeTakeFirst();
      if (!result || Number(result.numDeletedRows) === 0) throw notFound();
      await appendAudit(db, this.caller, {
        action: `${entityNames[table]}.delete`,
        entityType: entityNames[table],
        entityId: id,
        ...audit,
      });
    });
  }

  /**
   * The raw handle inside this repository's transaction, for kernel services that must write in
   * the same transaction outside tenant tables (the mail outbox). Domain modules never call it.
   */
  kernelDb(): Kysely<Database> {
    return this.db;
  }

  /** Records a read of confidential content or any other event that is not a plain write. */
  async audit(event: AuditEvent): Promise<void> {
    await appendAudit(this.db, this.caller, event);
  }

  /** Runs `work` atomically with a repository bound to the same transaction. */
  async transaction<R>(work: (repo: Repository) => Promise<R>): Promise<R> {
    if (this.inTransaction) return work(this);
    return this.db.transaction().execute((trx) => work(new Repository(trx, this.caller, true)));
  }

  private async write<R>(work: (db: Kysely<Database> | Transaction<Database>) => Promise<R>): Promise<R> {
    if (this.inTransaction) return work(this.db);
    return this.db.transaction().execute(work);
  }

  private checkFields(decision: Decision, written: string[]): void {
    const refused = forbiddenFields(decision, written);
    if (refused.length) throw forbidden(`Not allowed to write: ${refused.join(', ')}`);
  }
}
