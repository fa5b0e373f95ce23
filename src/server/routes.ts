import type { RouteRegistrar } from './kernel/module.js';
import { modules } from './modules/index.js';

/** Every module's routes, the kernel's first, in the module list's order (src/server/modules/index.ts). */
export async function routeModules(): Promise<RouteRegistrar[]> {
  return (await Promise.all(modules.map((m) => m.routes()))).flat();
}
