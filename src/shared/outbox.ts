import { z } from 'zod';
import { defineRoute } from './http.js';
import { instantOut } from './schemas.js';

/**
 * The development outbox: with no SMTP server, a newcomer reads invitation and reset mail here.
 * It exists only outside production and answers only this machine (404 otherwise).
 */

export const mailStatuses = ['pending', 'sent', 'stored', 'failed'] as const;
export const mailStatus = z.enum(mailStatuses);

export const outboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
  createdAt: instantOut,
  status: mailStatus,
});
export type OutboxMail = z.infer<typeof outboxMail>;

export const outboxRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/dev/outbox',
    tags: ['development'],
    summary: 'The mail the service has written, newest first (development only)',
    description: 'Off in production and answered only to this machine (404 otherwise). A delivered mail keeps its metadata only.',
    query: z.object({ to: z.string().max(254).optional() }),
    responses: { 200: z.object({ items: z.array(outboxMail) }) },
    errors: [404],
  }),
};
