import type { Migration } from 'kysely';
import * as m0001 from './0001_kernel.js';

/** Listed by hand, not read from disk, so the built server and the tests run the same set. */
export const migrations: Record<string, Migration> = {
  '0001_kernel': m0001,
};
