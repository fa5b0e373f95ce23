-- session lookup (every signed-in request)
select "s"."id", "s"."user_id", "s"."provider_id", "s"."mfa_verified_at", "s"."expires_at", "s"."created_at", "s"."last_seen_at", "u"."is_platform_admin", "u"."totp_enabled_at", "u"."disabled_at", coalesce((select json_agg(json_build_object('role', m.role, 'organisationId', m.organisation_id, 'unitId', m.unit_id)) from memberships m where m.user_id = s.user_id and m.provider_id = s.provider_id), '[]'::json) as "grants", exists (select 1 from memberships m2 where m2.user_id = s.user_id and m2.role in ($1, $2, $3)) as "has_mfa_role" from "sessions" as "s" inner join "users" as "u" on "u"."id" = "s"."user_id" where "s"."token_hash" = $4;
-- parameters: ["provider_admin","practitioner","municipal_expert","token-hash"]

-- member search, provider admin, filtered
select "memberships"."id", "memberships"."user_id", "users"."name", "users"."email", "memberships"."role", "memberships"."organisation_id", "organisations"."name" as "organisation_name", "memberships"."created_at" from "memberships" inner join "users" on "users"."id" = "memberships"."user_id" left join "organisations" on "organisations"."id" = "memberships"."organisation_id" where "memberships"."provider_id" = $1 and lower(users.name) || ' ' || lower(users.email) like $2 and "memberships"."role" = $3 and "memberships"."organisation_id" = $4 order by "users"."name", "memberships"."id" limit $5 offset $6;
-- parameters: ["provider-1","%ann%","participant","org-1",25,50]

-- member search, provider admin, unfiltered
select "memberships"."id", "memberships"."user_id", "users"."name", "users"."email", "memberships"."role", "memberships"."organisation_id", "organisations"."name" as "organisation_name", "memberships"."created_at" from "memberships" inner join "users" on "users"."id" = "memberships"."user_id" left join "organisations" on "organisations"."id" = "memberships"."organisation_id" where "memberships"."provider_id" = $1 order by "users"."name", "memberships"."id" limit $2 offset $3;
-- parameters: ["provider-1",25,0]

-- organisations as a client contact (row scope)
select "organisations".* from "organisations" where "organisations"."provider_id" = $1 and "organisations"."id" in ($2);
-- parameters: ["provider-1","org-1"]

-- audit browse, provider admin
select "audit_events"."id", "audit_events"."at", "audit_events"."actor_user_id", "users"."name", "users"."email", "audit_events"."action", "audit_events"."entity_type", "audit_events"."entity_id", "audit_events"."ip", "audit_events"."user_agent" from "audit_events" left join "users" on "users"."id" = "audit_events"."actor_user_id" where "audit_events"."provider_id" = $1 and "audit_events"."action" = $2 and "audit_events"."at" >= $3 order by "audit_events"."at" desc, "audit_events"."id" desc limit $4 offset $5;
-- parameters: ["provider-1","auth.sign_in","2026-01-01T00:00:00.000Z",50,0]

-- a practitioner's calendar week (one range scan)
select "meetings"."id", "meetings"."process_id", "processes"."title" as "process_title", "organisations"."name" as "organisation_name", "meetings"."starts_at", "meetings"."ends_at", "meetings"."time_zone", "meetings"."place", "meetings"."location", "meetings"."video_link", "meetings"."status", (select count(*) as "n" from "meeting_attendance" where "meeting_attendance"."meeting_id" = "meetings"."id") as "participant_count", "meetings"."sequence", "meetings"."created_at", "meetings"."cancelled_at" from "meeting_practitioners" inner join "meetings" on "meetings"."id" = "meeting_practitioners"."meeting_id" inner join "processes" on "processes"."id" = "meetings"."process_id" inner join "organisations" on "organisations"."id" = "meetings"."organisation_id" where "meeting_practitioners"."provider_id" = $1 and "meeting_practitioners"."process_id" in (select "process_id" from "process_practitioners" where "provider_id" = $2 and "user_id" = $3) and "meeting_practitioners"."user_id" = $4 and "meeting_practitioners"."starts_at" >= $5 and "meeting_practitioners"."starts_at" < $6 and "meeting_practitioners"."ends_at" > $7 order by "meeting_practitioners"."starts_at";
-- parameters: ["provider-1","provider-1","user-1","user-1","2026-11-22T12:00:00.000Z","2026-11-30T00:00:00.000Z","2026-11-23T00:00:00.000Z"]

-- a client contact's aggregate of their organisation's answers (aggregate grant, never read)
select "responses"."instrument_key", "responses"."process_id", "responses"."person_id", "responses"."score", "responses"."band", "responses"."submitted_at" from "responses" where "responses"."provider_id" = $1 and "responses"."organisation_id" in ($2) and "responses"."organisation_id" = $3;
-- parameters: ["provider-1","org-1","org-1"]

-- a practitioner's open alerts (processes they practise in)
select "measure_alerts".*, "processes"."title" as "process_title", "people"."name" as "person_name", "responses"."score", "responses"."band" from "measure_alerts" inner join "processes" on "processes"."id" = "measure_alerts"."process_id" inner join "people" on "people"."id" = "measure_alerts"."person_id" inner join "responses" on "responses"."id" = "measure_alerts"."response_id" where "measure_alerts"."provider_id" = $1 and "measure_alerts"."process_id" in (select "process_id" from "process_practitioners" where "provider_id" = $2 and "user_id" = $3) and "measure_alerts"."status" != $4;
-- parameters: ["provider-1","provider-1","user-1","closed"]

-- the holder of a check-in link reads that check-in only
select "checkins".* from "checkins" where "checkins"."provider_id" = $1 and "checkins"."id" in ($2);
-- parameters: ["provider-1","checkin-1"]
