import type { Insertable, Kysely, Selectable, SelectQueryBuilder, Transaction, Updateable } from 'kysely';
import { sql } from 'kysely';
import { type AuditEvent, appendAudit } from '../audit/audit.js';
import type { Database, ProvidersTable } from '../db/schema.js';
import { walledTo } from '../db/tenant-wall.js';
import { forbidden, notFound } from '../errors.js';
import { enqueueMail, type OutgoingMail } from '../mail/mailer.js';
import { type Caller, namedSystemCaller } from './caller.js';
import {
  type Action,
  type Decision,
  decide,
  decideProviderSettings,
  forbiddenFields,
  readMask,
  type SubqueryScope,
  type TenantTable,
} from './policy.js';

/**
 * Named system callers a request may act through inside its own transaction: to tell people the
 * caller may not read (the on-call list of a crisis request, the practitioners of an urgent answer).
 */
export type InRequestPurpose = 'on-call-alert' | 'alert-recipients';

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
  instrument_translations: 'instrument_translation',
  checkin_plans: 'checkin_plan',
  checkins: 'checkin',
  responses: 'response',
  measure_alerts: 'alert',
};

/**
 * Every column of each table some grant masks (policy.ts `hidden`): the masked read lists them by
 * name. repository.int.test.ts compares each list with the database's catalogue.
 */
export const maskableColumns: Partial<Record<TenantTable, readonly string[]>> = {
  meetings: [
    'id',
    'provider_id',
    'process_id',
    'organisation_id',
    'starts_at',
    'ends_at',
    'time_zone',
    'place',
    'location',
    'video_link',
    'status',
    'cancelled_at',
    'cancel_reason',
    'cancelled_by_role',
    'late_cancellation',
    'price_cents',
    'currency',
    'sequence',
    'reminder_sent_at',
    'created_by',
    'created_at',
  ],
};

/**
 * The one way request code reaches tenant data (Medplum's habit): built per request from the
 * caller, it adds the provider and role conditions to every query itself, checks written fields,
 * and audits every write in the same transaction. Handlers never see the raw database.
 */
export class Repository {
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    readonly caller: Caller,
    private readonly inTransaction = false,
  ) {
    // Every query of this repository, its transactions' included, runs behind the database's own
    // wall for the caller's provider (row-level security, db/tenant-wall.ts).
    this.db = caller.providerId ? walledTo(db, caller.providerId) : db;
  }

  private require(table: TenantTable, action: Action, written?: readonly string[]): Decision {
    const decision = decide(this.caller, table, action, written);
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
      case 'processes.asPractitionerAlready':
        return this.db
          .selectFrom('process_practitioners')
          .select('process_id')
          .where('provider_id', '=', providerId)
          .where('user_id', '=', userId)
          .where('created_at', '<', sql<Date>`now()`);
      case 'people.ofMyProcesses':
        return this.db
          .selectFrom('process_participants')
          .innerJoin('process_practitioners', 'process_practitioners.process_id', 'process_participants.process_id')
          .select('process_participants.person_id')
          .where('process_participants.provider_id', '=', providerId)
          .where('process_practitioners.user_id', '=', userId);
      case 'processes.openedByCallerNow':
        // now() is the transaction's start: equal only for rows written in this same transaction.
        return this.db
          .selectFrom('processes')
          .select('id')
          .where('provider_id', '=', providerId)
          .where('created_by', '=', userId)
          .where('created_at', '=', sql<Date>`now()`);
      case 'members.notCaller':
        return this.db.selectFrom('memberships').select('user_id').where('provider_id', '=', providerId).where('user_id', '<>', userId);
      case 'people.self':
        return this.db.selectFrom('people').select('id').where('provider_id', '=', providerId).where('user_id', '=', userId);
    }
  }

  /**
   * Rows of `table` this caller may read; join and select on top as needed. Columns the caller's
   * read mask hides (policy.ts `hidden`) come out null, under the table's own name, so every query
   * built on top gets the mask without knowing of it.
   */
  select<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, object> {
    const decision = this.require(table, 'read');
    const rows = this.scoped(this.db.selectFrom(table as TenantTable), table, decision);
    const mask = readMask(this.caller, table);
    if (mask.size === 0) return rows;
    const columns = maskableColumns[table];
    if (!columns) throw new Error(`A read mask on ${table} needs its columns in maskableColumns`);
    // `case when false then col end`: null, but of the column's own type, so comparisons still type-check.
    const masked = rows.select(
      columns.map((c) => (mask.has(c) ? sql.raw(`case when false then ${table}.${c} end`).as(c) : `${table}.${c}`)),
    );
    // biome-ignore lint/suspicious/noExplicitAny: the masked rows stand in for the table under its own name
    return this.db.selectFrom(masked.as(table) as any) as any;
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
    this.checkFields(this.require(table, 'create'), Object.keys(values));
    // Only the grants that allow every written column lend their row scope (policy.ts, decide).
    const decision = this.require(table, 'create', Object.keys(values));
    // A new row may bring its own id (a note's ciphertext is bound to it before the insert); a
    // taken id fails on the key, so it reaches nothing. Its provider is always the caller's.
    this.refuseIdentity(Object.keys(values), ['provider_id']);
    return this.write(async (db) => {
      const row = await db
        .insertInto(table as TenantTable)
        // biome-ignore lint/suspicious/noExplicitAny: dynamic table
        .values({ ...(values as any), provider_id: this.caller.providerId })
        .returningAll()
        .executeTakeFirstOrThrow();
      // A scoped creator must not plant rows outside its own scope: the new row must be reachable
      // through the same conditions, checked in the same transaction (rolled back otherwise).
      await this.stillReachable(db, table, decision, (row as { id: string }).id);
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
    this.checkFields(this.require(table, 'update'), Object.keys(patch));
    // Only the grants that allow every written column lend their row scope (policy.ts, decide).
    const decision = this.require(table, 'update', Object.keys(patch));
    this.refuseIdentity(Object.keys(patch), ['id', 'provider_id']);
    return this.write(async (db) => {
      const row = await this.scoped(db.updateTable(table as TenantTable), table, decision)
        .set(patch)
        .where(`${table}.id`, '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound();
      // The WHERE clause saw the row before the write; a patch of a scope column (process_id,
      // organisation_id, user_id…) could carry it out of the caller's reach. Same transaction, so
      // a row that left is rolled back (Medplum re-checks the same way).
      await this.stillReachable(db, table, decision, id);
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

  /** The caller's provider: name, country, zone and settings (the tenant itself, not a tenant row). */
  async provider(): Promise<Selectable<ProvidersTable>> {
    if (!this.caller.providerId) throw forbidden();
    return this.db.selectFrom('providers').selectAll().where('id', '=', this.caller.providerId).executeTakeFirstOrThrow();
  }

  /** Changes the provider's settings as `providerSettingsPolicy` allows, audited in the same transaction. */
  async updateProviderSettings(patch: Updateable<ProvidersTable>, audit?: Partial<AuditEvent>): Promise<Selectable<ProvidersTable>> {
    const decision = decideProviderSettings(this.caller, 'update');
    if (!decision.allowed) throw forbidden();
    this.checkFields(decision, Object.keys(patch));
    const providerId = this.caller.providerId as string;
    return this.write(async (db) => {
      const row = await db.updateTable('providers').set(patch).where('id', '=', providerId).returningAll().executeTakeFirstOrThrow();
      await appendAudit(db, this.caller, {
        action: 'provider.settings_update',
        entityType: 'provider',
        entityId: providerId,
        details: { fields: Object.keys(patch) },
        ...audit,
      });
      return row;
    });
  }

  /**
   * Queues a mail in this repository's transaction (the outbox), for the caller's provider: it is
   * sent only if the change that caused it commits.
   */
  async enqueueMail(mail: Omit<OutgoingMail, 'providerId'>): Promise<void> {
    if (!this.caller.providerId || !this.caller.fullySignedIn) throw forbidden();
    await enqueueMail(this.db, { ...mail, providerId: this.caller.providerId });
  }

  /**
   * A named system caller of the same provider in the same transaction, carrying this request's
   * address, browser and id: only the purposes of `InRequestPurpose`, each with its own narrow grants.
   */
  asSystem(purpose: InRequestPurpose): Repository {
    if (!this.caller.providerId || !this.caller.fullySignedIn) throw forbidden();
    const { ip, userAgent, requestId } = this.caller;
    return new Repository(this.db, namedSystemCaller(this.caller.providerId, purpose, { ip, userAgent, requestId }), this.inTransaction);
  }

  /** The signed-in caller's own profile language (users are kernel rows, not tenant rows). */
  async callerLocale(): Promise<string | null> {
    if (!this.caller.userId) return null;
    const row = await this.db.selectFrom('users').select('locale').where('id', '=', this.caller.userId).executeTakeFirst();
    return row?.locale ?? null;
  }

  /** How many providers the platform has: the platform admin's home card. */
  async providerCount(): Promise<number> {
    if (!this.caller.isPlatformAdmin) throw forbidden();
    const row = await this.db
      .selectFrom('providers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
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

  /** A row's identity and tenant are never the caller's to change, whatever the grant's fields say. */
  private refuseIdentity(written: string[], identity: readonly string[]): void {
    const refused = written.filter((f) => identity.includes(f));
    if (refused.length) throw forbidden(`Not allowed to write: ${refused.join(', ')}`);
  }

  private async stillReachable(db: Kysely<Database>, table: TenantTable, decision: Decision, id: string): Promise<void> {
    if (decision.rowScopes.length === 0) return;
    const reachable = await this.scoped(db.selectFrom(table as TenantTable), table, decision)
      .where(`${table}.id`, '=', id)
      .select(`${table}.id`)
      .executeTakeFirst();
    if (!reachable) throw forbidden();
  }

  private checkFields(decision: Decision, written: string[]): void {
    const refused = forbiddenFields(decision, written);
    if (refused.length) throw forbidden(`Not allowed to write: ${refused.join(', ')}`);
  }
}

/**
 * The raw handle inside a repository's transaction, for kernel code that must work in the same
 * transaction outside tenant tables (counting, invitations' mail). Kernel only: the boundary test
 * (kernel/boundaries.test.ts) fails if a module imports it.
 */
export function kernelDbOf(repo: Repository): Kysely<Database> {
  // biome-ignore lint/complexity/useLiteralKeys: the handle is private to everyone but the kernel
  return repo['db'];
}
