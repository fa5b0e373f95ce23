/**
 * A calendar entry's title with its organisation named once: the organisation is added after the
 * process title only when the title does not already name it (titles made at triage usually do).
 */
export function entryTitle(processTitle: string, organisationName: string | null | undefined): string {
  const org = organisationName?.trim();
  if (!org) return processTitle;
  if (processTitle.toLocaleLowerCase().includes(org.toLocaleLowerCase())) return processTitle;
  return `${processTitle}, ${org}`;
}
