import type { DataCipher } from '../kernel/crypto.js';
import type { Db } from '../kernel/db/database.js';
import type { World } from './harness.js';

export interface SupervisionWorld {
  serviceId: string;
  crisisServiceId: string;
  processId: string;
  /** A process of the other organisation, with the other practitioner. */
  otherProcessId: string;
  meetingId: string;
  goalId: string;
  /** The person record of the world's participant user. */
  participantPersonId: string;
  otherPersonIds: string[];
  requestId: string;
  noteText: string;
}

/**
 * A group supervision process in the world's organisation: the world's practitioner leads it, the
 * world's participant (as a person) and two colleagues attend; one planned meeting next week with a
 * private note by the practitioner, a shared summary, a goal with a scaling answer; one new crisis
 * request in the intake queue; weekday hours for the practitioner.
 */
export async function seedSupervision(db: Db, world: World, cipher: DataCipher): Promise<SupervisionWorld> {
  const k = db.kysely;
  const p = world.providerId;
  const [service, crisis] = await k
    .insertInto('services')
    .values([
      {
        provider_id: p,
        kind: 'group',
        names: JSON.stringify({ en: 'Group supervision' }),
        vat_rate_bp: 2550,
        default_minutes: 90,
        default_cadence: 'monthly',
        default_place: 'on_site',
        price_cents: 24000,
      },
      {
        provider_id: p,
        kind: 'crisis_group',
        names: JSON.stringify({ en: 'Crisis supervision, group' }),
        vat_rate_bp: 2550,
        default_minutes: 90,
        default_cadence: 'crisis',
        default_place: 'on_site',
        price_cents: 32000,
      },
    ])
    .returning('id')
    .execute();
  const people = await k
    .insertInto('people')
    .values([
      {
        provider_id: p,
        organisation_id: world.organisationId,
        unit_id: world.unitId,
        user_id: world.users.participant.id,
        name: 'participant',
        email: world.users.participant.email,
        phone: null,
        locale: 'en',
      },
      {
        provider_id: p,
        organisation_id: world.organisationId,
        unit_id: world.unitId,
        user_id: null,
        name: 'Colleague One',
        email: 'one@example.test',
        phone: null,
        locale: 'fi',
      },
      {
        provider_id: p,
        organisation_id: world.organisationId,
        unit_id: world.unitId,
        user_id: null,
        name: 'Colleague Two',
        email: 'two@example.test',
        phone: null,
        locale: 'sv',
      },
      {
        provider_id: p,
        organisation_id: world.otherOrganisationId,
        unit_id: null,
        user_id: null,
        name: 'Other Org Person',
        email: 'other@example.test',
        phone: null,
        locale: 'fi',
      },
    ])
    .returning('id')
    .execute();
  const processValues = (organisationId: string, title: string) => ({
    provider_id: p,
    organisation_id: organisationId,
    service_id: service!.id,
    kind: 'group' as const,
    title,
    status: 'active' as const,
    agreed_sessions: 10,
    cadence: 'monthly' as const,
    session_minutes: 90,
    place: 'on_site' as const,
    location: 'Care Home Alpha, meeting room 2',
    video_link: null,
    price_cents: 24000,
    language: 'en',
    start_date: '2026-11-01',
    review_date: '2027-05-01',
    crisis_event_at: null,
    continued_from_id: null,
    request_id: null,
    created_by: world.users.practitioner.id,
  });
  const process = await k
    .insertInto('processes')
    .values(processValues(world.organisationId, 'Night shift group supervision'))
    .returning('id')
    .executeTakeFirstOrThrow();
  const other = await k
    .insertInto('processes')
    .values(processValues(world.otherOrganisationId, 'Claims team supervision'))
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('process_practitioners')
    .values([
      { provider_id: p, process_id: process.id, user_id: world.users.practitioner.id },
      { provider_id: p, process_id: other.id, user_id: world.users.other_practitioner.id },
    ])
    .execute();
  await k
    .insertInto('process_participants')
    .values([
      ...people.slice(0, 3).map((person) => ({ provider_id: p, process_id: process.id, person_id: person.id })),
      { provider_id: p, process_id: other.id, person_id: people[3]!.id },
    ])
    .execute();
  const startsAt = new Date(Date.now() + 7 * 86400_000);
  startsAt.setUTCHours(8, 0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  const meeting = await k
    .insertInto('meetings')
    .values({
      provider_id: p,
      process_id: process.id,
      organisation_id: world.organisationId,
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: 'Europe/Helsinki',
      place: 'on_site',
      location: 'Care Home Alpha, meeting room 2',
      video_link: null,
      cancelled_at: null,
      cancel_reason: null,
      cancelled_by_role: null,
      price_cents: 24000,
      reminder_sent_at: null,
      created_by: world.users.practitioner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('meeting_practitioners')
    .values({
      provider_id: p,
      meeting_id: meeting.id,
      process_id: process.id,
      user_id: world.users.practitioner.id,
      starts_at: startsAt,
      ends_at: endsAt,
    })
    .execute();
  await k
    .insertInto('meeting_attendance')
    .values(people.slice(0, 3).map((person) => ({ provider_id: p, meeting_id: meeting.id, process_id: process.id, person_id: person.id })))
    .execute();
  const goal = await k
    .insertInto('goals')
    .values({ provider_id: p, process_id: process.id, title: 'Calmer handovers between shifts', closed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const noteText = 'Private: the team lead seemed exhausted; ask about workload next time.';
  const note = await k
    .insertInto('meeting_notes')
    .values({
      provider_id: p,
      meeting_id: meeting.id,
      process_id: process.id,
      author_user_id: world.users.practitioner.id,
      ciphertext: 'pending',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .updateTable('meeting_notes')
    .set({ ciphertext: cipher.encrypt(noteText, `note:${note.id}`) })
    .where('id', '=', note.id)
    .execute();
  await k
    .insertInto('meeting_summaries')
    .values({
      provider_id: p,
      meeting_id: meeting.id,
      process_id: process.id,
      text: 'We agreed to try a five-minute check-in at handover.',
      author_user_id: world.users.practitioner.id,
    })
    .execute();
  await k
    .insertInto('scaling_scores')
    .values({
      provider_id: p,
      meeting_id: meeting.id,
      process_id: process.id,
      goal_id: goal.id,
      person_id: people[0]!.id,
      value: 4,
      recorded_by: world.users.practitioner.id,
    })
    .execute();
  await k
    .insertInto('availability')
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        provider_id: p,
        user_id: world.users.practitioner.id,
        weekday,
        start_time: '08:00',
        end_time: '16:00',
        time_zone: 'Europe/Helsinki',
      })),
    )
    .execute();
  await k.updateTable('memberships').set({ on_call: true }).where('id', '=', world.users.practitioner.membershipId!).execute();
  const request = await k
    .insertInto('requests')
    .values({
      provider_id: p,
      source: 'public',
      kind: 'crisis',
      service_kind: 'crisis_group',
      organisation_name: 'Care Home Alpha',
      organisation_id: null,
      contact_name: 'Hanna HR',
      contact_phone: '+358 40 123 4567',
      contact_email: 'hanna.hr@example.test',
      event_type: 'violence_or_threat',
      event_at: new Date(Date.now() - 3600_000),
      affected_count: 3,
      location: 'Night shift, ward B',
      message: 'A resident threatened staff with a knife last night.',
      consent_at: new Date(),
      privacy_notice_version: 'v1',
      first_contact_at: null,
      first_contact_by: null,
      first_contact_note: null,
      triaged_at: null,
      triaged_by: null,
      process_id: null,
      decline_reason: null,
      submitted_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    serviceId: service!.id,
    crisisServiceId: crisis!.id,
    processId: process.id,
    otherProcessId: other.id,
    meetingId: meeting.id,
    goalId: goal.id,
    participantPersonId: people[0]!.id,
    otherPersonIds: [people[1]!.id, people[2]!.id],
    requestId: request.id,
    noteText,
  };
}

export interface OtherProviderWorld {
  serviceId: string;
  personId: string;
  processId: string;
  meetingId: string;
  requestId: string;
}

/**
 * Provider B's own working data beside its administrator: a service, a person, a process with a
 * planned meeting and a crisis request, each with distinctive text, so that a walk can look for
 * every one of them in the answers provider A's callers get.
 */
export async function seedOtherProvider(db: Db, world: World): Promise<OtherProviderWorld> {
  const k = db.kysely;
  const p = world.otherProviderId;
  const service = await k
    .insertInto('services')
    .values({
      provider_id: p,
      kind: 'individual',
      names: JSON.stringify({ en: 'Fjord coaching Bravo' }),
      vat_rate_bp: 2500,
      default_minutes: 60,
      default_cadence: 'monthly',
      default_place: 'video',
      price_cents: 18000,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = await k
    .insertInto('people')
    .values({
      provider_id: p,
      organisation_id: world.foreignOrganisationId,
      unit_id: null,
      user_id: null,
      name: 'Bjørn Foreign Person',
      email: 'bjorn.foreign@example.test',
      phone: '+47 900 11 222',
      locale: 'nb',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const process = await k
    .insertInto('processes')
    .values({
      provider_id: p,
      organisation_id: world.foreignOrganisationId,
      service_id: service.id,
      kind: 'individual',
      title: 'Foreign Gamma coaching of Bjørn',
      status: 'active',
      agreed_sessions: 6,
      cadence: 'monthly',
      session_minutes: 60,
      place: 'video',
      location: null,
      video_link: 'https://video.example.test/foreign-gamma-room',
      price_cents: 18000,
      language: 'nb',
      start_date: '2026-11-01',
      review_date: '2027-05-01',
      crisis_event_at: null,
      continued_from_id: null,
      request_id: null,
      created_by: world.users.other_tenant_admin.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k.insertInto('process_participants').values({ provider_id: p, process_id: process.id, person_id: person.id }).execute();
  const startsAt = new Date(Date.now() + 5 * 86400_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  const meeting = await k
    .insertInto('meetings')
    .values({
      provider_id: p,
      process_id: process.id,
      organisation_id: world.foreignOrganisationId,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 60 * 60_000),
      time_zone: 'Europe/Oslo',
      place: 'video',
      location: null,
      video_link: 'https://video.example.test/foreign-gamma-room',
      cancelled_at: null,
      cancel_reason: null,
      cancelled_by_role: null,
      price_cents: 18000,
      reminder_sent_at: null,
      created_by: world.users.other_tenant_admin.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('meeting_attendance')
    .values({ provider_id: p, meeting_id: meeting.id, process_id: process.id, person_id: person.id })
    .execute();
  const request = await k
    .insertInto('requests')
    .values({
      provider_id: p,
      source: 'public',
      kind: 'crisis',
      service_kind: 'crisis_group',
      organisation_name: 'Foreign Gamma fish plant',
      organisation_id: null,
      contact_name: 'Ragnhild Requester',
      contact_phone: '+47 900 33 444',
      contact_email: 'ragnhild.requester@example.test',
      event_type: 'accident',
      event_at: new Date(Date.now() - 7200_000),
      affected_count: 5,
      location: 'Harbour quay north',
      message: 'A forklift accident at the quay this morning.',
      consent_at: new Date(),
      privacy_notice_version: 'v1',
      first_contact_at: null,
      first_contact_by: null,
      first_contact_note: null,
      triaged_at: null,
      triaged_by: null,
      process_id: null,
      decline_reason: null,
      submitted_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { serviceId: service.id, personId: person.id, processId: process.id, meetingId: meeting.id, requestId: request.id };
}
