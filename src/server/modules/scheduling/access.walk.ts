import type { WalkTable } from '../../kernel/access/walk.js';

/** Every route of the `scheduling` module, who may call it, and how to call it (see kernel/access/walk.ts). */
export const schedulingWalk: WalkTable = {};
