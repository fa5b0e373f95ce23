import { z } from 'zod';
import { defineRoute } from './http.js';

const status = z.object({ status: z.enum(['ok', 'unavailable']) });

export const health = defineRoute({
  method: 'GET',
  path: '/healthz',
  tags: ['health'],
  summary: 'The process is up',
  responses: { 200: status },
});

export const ready = defineRoute({
  method: 'GET',
  path: '/readyz',
  tags: ['health'],
  summary: 'The process can reach its database (503 when it cannot)',
  responses: { 200: status },
});
export const readyUnavailable = status;
