import { z } from 'zod';
import { defineRoute } from './http.js';
import { roles } from './roles.js';

/** The counts a home page shows per role; the web names each card. */
export const homeCardKey = z.enum(['members', 'pendingInvitations', 'organisations', 'providers']);

export const homeRole = z.enum([...roles, 'platform_admin']);

export const home = defineRoute({
  method: 'GET',
  path: '/api/home',
  tags: ['home'],
  summary: 'What the home page shows the caller: their main role, provider and counts',
  responses: {
    200: z.object({
      role: homeRole.nullable(),
      providerName: z.string().nullable(),
      cards: z.array(z.object({ key: homeCardKey, count: z.number().int().nullable() })),
    }),
  },
});
