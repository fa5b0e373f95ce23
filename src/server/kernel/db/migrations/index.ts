import type { Migration } from 'kysely';
import * as m0001 from './0001_kernel.js';
import * as m0002 from './0002_search_indexes.js';
import * as m0003 from './0003_supervision.js';
import * as m0004 from './0004_mail_attachments.js';
import * as m0005 from './0005_measures.js';
import * as m0006 from './0006_data_at_rest.js';
import * as m0007 from './0007_auth_hardening.js';
import * as m0008 from './0008_audit_chain.js';
import * as m0009 from './0009_grants_and_people.js';
import * as m0010 from './0010_row_level_security.js';

/** Listed by hand, not read from disk, so the built server and the tests run the same set. */
export const migrations: Record<string, Migration> = {
  '0001_kernel': m0001,
  '0002_search_indexes': m0002,
  '0003_supervision': m0003,
  '0004_mail_attachments': m0004,
  '0005_measures': m0005,
  '0006_data_at_rest': m0006,
  '0007_auth_hardening': m0007,
  '0008_audit_chain': m0008,
  '0009_grants_and_people': m0009,
  '0010_row_level_security': m0010,
};
