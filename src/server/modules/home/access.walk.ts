import { signedIn, type WalkTable } from '../../kernel/access/walk.js';

/** Every route of the `home` module, who may call it (see kernel/access/walk.ts). */
export const homeWalk: WalkTable = {
  'GET /api/home': { allowed: signedIn },
};
