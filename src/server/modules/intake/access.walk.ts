import type { WalkTable } from '../../kernel/access/walk.js';

/** Every route of the `intake` module, who may call it, and how to call it (see kernel/access/walk.ts). */
export const intakeWalk: WalkTable = {};
