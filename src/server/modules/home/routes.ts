import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { home, type homeCardKey } from '../../../shared/home.js';
import { callerRoles } from '../../kernel/access/caller.js';
import { endpoint } from '../../kernel/http/endpoint.js';
import type { Role } from '../../kernel/roles.js';

/** The order in which a person with several roles is greeted: the most responsible role first. */
const rolePriority: Role[] = [
  'provider_admin',
  'practitioner',
  'municipal_expert',
  'client_contact',
  'peer_supporter',
  'job_seeker',
  'participant',
];

export async function homeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.route({
    ...endpoint(home, 'signed-in'),
    handler: async (req) => {
      const roles = callerRoles(req.caller);
      const role = rolePriority.find((r) => roles.includes(r)) ?? (req.caller.isPlatformAdmin ? 'platform_admin' : null);
      const provider = req.caller.providerId ? await req.repo.provider() : undefined;
      const cards: { key: z.infer<typeof homeCardKey>; count: number | null }[] = [];
      if (role === 'provider_admin') {
        const now = root.kernel.clock.now();
        const [members, invitations, organisations] = await Promise.all([
          req.repo
            .select('memberships')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
          req.repo
            .select('invitations')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('invitations.accepted_at', 'is', null)
            .where('invitations.revoked_at', 'is', null)
            .where('invitations.expires_at', '>', now)
            .executeTakeFirst(),
          req.repo
            .select('organisations')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst(),
        ]);
        cards.push(
          { key: 'members', count: Number(members?.n ?? 0) },
          { key: 'pendingInvitations', count: Number(invitations?.n ?? 0) },
          { key: 'organisations', count: Number(organisations?.n ?? 0) },
        );
      } else if (role === 'practitioner') {
        const organisations = await req.repo
          .select('organisations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst();
        cards.push({ key: 'organisations', count: Number(organisations?.n ?? 0) });
      } else if (role === 'platform_admin') {
        cards.push({ key: 'providers', count: await req.repo.providerCount() });
      }
      return { role, providerName: provider?.name ?? null, cards };
    },
  });
}
