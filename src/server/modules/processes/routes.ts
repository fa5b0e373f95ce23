import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type Currency,
  goalRoutes,
  invoicingRoutes,
  type Person,
  personRoutes,
  processRoutes,
  type Service,
  serviceRoutes,
  whatWorksRoutes,
} from '../../../shared/processes.js';
import { endpoint } from '../../kernel/http/endpoint.js';
import { serviceContext } from '../../kernel/service-context.js';
import { listPeople, listServices, processSummaries } from './queries.js';
import { createService, serviceVatOf, updateService } from './use-cases/catalogue.js';
import { detailOrThrow } from './use-cases/checks.js';
import { addGoal, addWhatWorks, deleteWhatWorks, scaling, updateGoal } from './use-cases/contents.js';
import { continueProcess } from './use-cases/continuation.js';
import { invoicing, invoicingCsv, invoicingOut } from './use-cases/invoicing.js';
import { changeStatus, createProcess, updateProcess } from './use-cases/lifecycle.js';
import { addParticipant, addPractitioner, removeParticipant, removePractitioner } from './use-cases/membership.js';
import { createPerson, updatePerson } from './use-cases/people.js';

/** HTTP routes of the `processes` module: they translate HTTP to the module's service and nothing more. */

const admin = { roles: ['provider_admin'] } as const;
const staff = { roles: ['provider_admin', 'practitioner'] } as const;
/** Goals, "what works", status changes and continuing are recorded by the practitioners of the process (policy.ts). */
const practitioner = { roles: ['practitioner'] } as const;
const catalogueReaders = { roles: ['provider_admin', 'practitioner', 'client_contact'] } as const;
const processReaders = { roles: ['provider_admin', 'practitioner', 'client_contact', 'participant'] } as const;

const serviceOut = (s: {
  id: string;
  kind: Service['kind'];
  names: Service['names'];
  default_minutes: number;
  default_cadence: Service['defaultCadence'];
  default_place: Service['defaultPlace'];
  price_cents: number;
  currency: string;
  active: boolean;
  vat_treatment: 'taxable' | 'exempt';
  vat_rate_bp: number | null;
  vat_exempt_ground: string | null;
}): Service => ({
  id: s.id,
  kind: s.kind,
  names: s.names,
  vat: serviceVatOf(s),
  defaultMinutes: s.default_minutes,
  defaultCadence: s.default_cadence,
  defaultPlace: s.default_place,
  priceCents: s.price_cents,
  // A database check keeps it to EUR, SEK and NOK.
  currency: s.currency as Currency,
  active: s.active,
});

const personOut = (p: {
  id: string;
  organisation_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  unit_id: string | null;
}): Person => ({
  id: p.id,
  organisationId: p.organisation_id,
  name: p.name,
  email: p.email,
  phone: p.phone,
  // A database check keeps it to the four languages.
  locale: p.locale as Person['locale'],
  unitId: p.unit_id,
});

export async function processesRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { kernel } = root;

  // ------------------------------------------------------------------ service catalogue

  app.route({
    ...endpoint(serviceRoutes.list, catalogueReaders),
    handler: async (req) => ({ items: (await listServices(req.repo)).map(serviceOut) }),
  });

  app.route({
    ...endpoint(serviceRoutes.create, admin),
    handler: async (req, reply) => reply.status(201).send(serviceOut(await createService(serviceContext(req), req.body))),
  });

  app.route({
    ...endpoint(serviceRoutes.update, admin),
    handler: async (req) => serviceOut(await updateService(serviceContext(req), req.params.id, req.body)),
  });

  // ------------------------------------------------------------------ people of client organisations

  app.route({
    ...endpoint(personRoutes.list, catalogueReaders),
    handler: async (req) => ({ items: (await listPeople(req.repo, req.query)).map(personOut) }),
  });

  app.route({
    ...endpoint(personRoutes.create, catalogueReaders),
    handler: async (req, reply) => reply.status(201).send(personOut(await createPerson(serviceContext(req), req.body))),
  });

  // The person themself too (their contact details); which fields each may change is policy.ts's.
  app.route({
    ...endpoint(personRoutes.update, { roles: ['provider_admin', 'practitioner', 'client_contact', 'participant'] }),
    handler: async (req) => personOut(await updatePerson(serviceContext(req), req.params.id, req.body)),
  });

  // ------------------------------------------------------------------ processes

  app.route({
    ...endpoint(processRoutes.list, processReaders),
    handler: async (req) => ({ items: await processSummaries(req.repo, req.query, kernel.clock.now()) }),
  });

  app.route({
    ...endpoint(processRoutes.create, staff),
    handler: async (req, reply) => reply.status(201).send(await createProcess(serviceContext(req), req.body)),
  });

  app.route({
    ...endpoint(processRoutes.get, processReaders),
    handler: async (req) => detailOrThrow(serviceContext(req), req.params.id),
  });

  app.route({
    ...endpoint(processRoutes.update, staff),
    handler: async (req) => updateProcess(serviceContext(req), req.params.id, req.body),
  });

  app.route({
    ...endpoint(processRoutes.changeStatus, staff),
    handler: async (req) => changeStatus(serviceContext(req), req.params.id, req.body.status, req.body.reason),
  });

  app.route({
    ...endpoint(processRoutes.addParticipant, staff),
    handler: async (req, reply) => reply.status(201).send(await addParticipant(serviceContext(req), req.params.id, req.body.personId)),
  });

  app.route({
    ...endpoint(processRoutes.removeParticipant, staff),
    handler: async (req, reply) => {
      await removeParticipant(serviceContext(req), req.params.id, req.params.personId);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(processRoutes.addPractitioner, staff),
    handler: async (req, reply) => reply.status(201).send(await addPractitioner(serviceContext(req), req.params.id, req.body.userId)),
  });

  app.route({
    ...endpoint(processRoutes.removePractitioner, staff),
    handler: async (req, reply) => {
      await removePractitioner(serviceContext(req), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(processRoutes.addGoal, practitioner),
    handler: async (req, reply) => reply.status(201).send(await addGoal(serviceContext(req), req.params.id, req.body.title)),
  });

  app.route({
    ...endpoint(goalRoutes.update, practitioner),
    handler: async (req) => updateGoal(serviceContext(req), req.params.id, req.body),
  });

  app.route({
    ...endpoint(processRoutes.addWhatWorks, practitioner),
    handler: async (req, reply) => reply.status(201).send(await addWhatWorks(serviceContext(req), req.params.id, req.body)),
  });

  app.route({
    ...endpoint(whatWorksRoutes.remove, practitioner),
    handler: async (req, reply) => {
      await deleteWhatWorks(serviceContext(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...endpoint(processRoutes.continue, practitioner),
    handler: async (req, reply) => reply.status(201).send(await continueProcess(serviceContext(req), req.params.id, req.body)),
  });

  // Scaling answers are the participants' and their practitioner's: not the office's, not the client's.
  app.route({
    ...endpoint(processRoutes.scaling, { roles: ['practitioner', 'participant'] }),
    handler: async (req) => scaling(serviceContext(req), req.params.id),
  });

  // ------------------------------------------------------------------ invoicing basis

  app.route({
    ...endpoint(invoicingRoutes.get, admin),
    handler: async (req) => invoicingOut(await invoicing(serviceContext(req), req.query.organisationId, req.query.month)),
  });

  app.route({
    ...endpoint(invoicingRoutes.csv, admin),
    handler: async (req, reply) => {
      const { filename, body } = invoicingCsv(await invoicing(serviceContext(req), req.query.organisationId, req.query.month));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  });
}
