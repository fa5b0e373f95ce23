import { kernelManifest } from '../kernel/manifest.js';
import type { ModuleManifest } from '../kernel/module.js';
import { homeModule } from './home/manifest.js';
import { intakeModule } from './intake/manifest.js';
import { measuresModule } from './measures/manifest.js';
import { processesModule } from './processes/manifest.js';
import { schedulingModule } from './scheduling/manifest.js';

/**
 * The module list: the kernel and every module, in the order their routes register. Adding a
 * module is its folder (with a manifest.ts) and one line here.
 */
export const modules: readonly ModuleManifest[] = [
  kernelManifest,
  homeModule,
  intakeModule,
  processesModule,
  schedulingModule,
  measuresModule,
];
