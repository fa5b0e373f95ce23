import { z } from 'zod';
import { defineRoute } from './http.js';
import { instantOrDate, instantOut, page, pageSize, uuid } from './schemas.js';

/**
 * The contract of the audit trail's read side. Read-only by design: no route changes or deletes an
 * audit event, and the database refuses it too.
 */

export const auditEvent = z.object({
  id: z.string(),
  at: instantOut,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /**
   * The record the event is about, named for those who may read it (a person's or member's name,
   * a process's title, an organisation's name; a meeting by its process and start). Null when the
   * record is gone, is not of a named kind, or the reader may not see it.
   */
  targetName: z.string().nullable(),
  targetAt: instantOut.nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditFilterLimits = { action: 100, entityType: 60, entityId: 100 } as const;

export const auditQuery = z
  .object({
    action: z.string().max(auditFilterLimits.action).optional(),
    actorId: uuid.optional(),
    entityType: z.string().max(auditFilterLimits.entityType).optional(),
    entityId: z.string().max(auditFilterLimits.entityId).optional(),
    from: instantOrDate.optional(),
    to: instantOrDate.optional(),
    page,
    pageSize: pageSize(200, 50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/audit',
    tags: ['audit'],
    summary: 'The provider’s audit trail, newest first, filtered',
    description: '`from` must not be after `to`. The total is capped for large trails (totalCapped).',
    query: auditQuery,
    responses: {
      200: z.object({
        items: z.array(auditEvent),
        total: z.number().int(),
        totalCapped: z.boolean(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
    },
  }),
  actors: defineRoute({
    method: 'GET',
    path: '/api/audit/actors',
    tags: ['audit'],
    summary: 'The people who appear as actors in the provider’s trail, for the filter',
    responses: {
      200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string().nullable(), email: z.string() })) }),
    },
  }),
  actions: defineRoute({
    method: 'GET',
    path: '/api/audit/actions',
    tags: ['audit'],
    summary: 'The actions the provider’s trail holds, for the filter',
    responses: { 200: z.object({ items: z.array(z.string()) }) },
  }),
};
