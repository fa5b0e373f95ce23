import type { Repository } from '../access/repository.js';

// The kernel's tables that modules change, changed through these functions: a module never names
// a kernel table in a write of its own (boundaries.test.ts, "a module writes only its own tables").

/** A new client organisation (triage brings one in); the caller's grants on organisations decide. */
export async function createOrganisation(repo: Repository, input: { name: string; businessId: string | null }) {
  return repo.insert('organisations', { name: input.name, business_id: input.businessId });
}

/** Puts a practitioner's membership on (or off) the on-call list of crisis requests. */
export async function setOnCall(repo: Repository, membershipId: string, onCall: boolean) {
  return repo.update('memberships', membershipId, { on_call: onCall }, { action: 'member.on_call', details: { onCall } });
}
