// The built-in instrument definitions, as data (INSTRUMENTS.md). Keys are stable: other modules
// and stored answers refer to them.
import type { InstrumentDefinition } from '../instrument.js';
import { gad7 } from './gad7.js';
import { pcptsd5 } from './pcptsd5.js';
import { phq9 } from './phq9.js';
import { sessionFeedback } from './session-feedback.js';
import { tsq } from './tsq.js';
import { was } from './was.js';
import { who5 } from './who5.js';

/** Provider setting: the PC-PTSD-5 cut-off (3 by default, 4 per the later study). */
export const PCPTSD5_CUTOFF_SETTING = 'pcptsd5.cutoff';

export const builtInInstruments: readonly InstrumentDefinition[] = [who5, phq9, gad7, was, pcptsd5, tsq, sessionFeedback];

const byKey = new Map(builtInInstruments.map((d) => [d.key, d]));

export function builtInInstrument(key: string): InstrumentDefinition | undefined {
  return byKey.get(key);
}

export { gad7, pcptsd5, phq9, sessionFeedback, tsq, was, who5 };
