/** The custom questionnaire editor's state, and its conversion to and from the API (pure). */
import { type Locale, locales } from '../../../shared/locales';
import type { AlertLevel, CustomInstrumentBody, InstrumentDefinition, LocalText, ScoringMethod, Severity } from '../../../shared/measures';
import { bandCoverProblems, customDecimals, scoreRange as rangeOf, scoreStep } from '../../../shared/measures-logic';

let counter = 0;
/** A stable key for a row of the editor (options, items and bands can be added and removed). */
export const uid = () => ++counter;

export interface EditorBand {
  uid: number;
  min: number | string;
  max: number | string;
  label: LocalText;
  severity: Severity;
  alert: '' | AlertLevel;
}

export interface EditorState {
  languages: Locale[];
  name: LocalText;
  instructions: LocalText;
  options: { uid: number; value: number | string; label: LocalText }[];
  items: { uid: number; text: LocalText }[];
  scoring: ScoringMethod;
  higherIsBetter: boolean;
  bands: EditorBand[];
}

export function emptyEditor(locale: Locale): EditorState {
  return {
    languages: [locale],
    name: {},
    instructions: {},
    options: [
      { uid: uid(), value: 0, label: {} },
      { uid: uid(), value: 1, label: {} },
      { uid: uid(), value: 2, label: {} },
      { uid: uid(), value: 3, label: {} },
    ],
    items: [{ uid: uid(), text: {} }],
    scoring: 'sum',
    higherIsBetter: true,
    bands: [
      { uid: uid(), min: 0, max: 1, label: {}, severity: 'moderate', alert: '' },
      { uid: uid(), min: 2, max: 3, label: {}, severity: 'none', alert: '' },
    ],
  };
}

/** The score range the options and scoring rule give: sum → items × option range; mean → the option range. */
export function scoreRange(state: Pick<EditorState, 'options' | 'items' | 'scoring'>): { min: number; max: number } | null {
  return rangeOf(
    state.options.map((o) => Number(o.value)),
    state.items.length,
    state.scoring,
  );
}

const only = (text: LocalText, languages: Locale[]): LocalText => {
  const out: LocalText = {};
  for (const l of languages) out[l] = (text[l] ?? '').trim();
  return out;
};

export function toBody(state: EditorState): CustomInstrumentBody {
  const languages = locales.filter((l) => state.languages.includes(l));
  return {
    name: only(state.name, languages),
    instructions: only(state.instructions, languages),
    languages,
    options: state.options.map((o) => ({ value: Number(o.value), label: only(o.label, languages) })),
    items: state.items.map((i) => ({ text: only(i.text, languages) })),
    scoring: state.scoring,
    higherIsBetter: state.higherIsBetter,
    bands: state.bands.map((b) => ({
      min: Number(b.min),
      max: Number(b.max),
      label: only(b.label, languages),
      severity: b.severity,
      ...(b.alert ? { alert: b.alert } : {}),
    })),
  };
}

/** Texts missing in a chosen language, as API-like paths (`name.fi`, `items.0.text.sv`). */
export function missingTexts(state: EditorState): string[] {
  const out: string[] = [];
  for (const l of state.languages) {
    if (!state.name[l]?.trim()) out.push(`name.${l}`);
    state.options.forEach((o, i) => {
      if (!o.label[l]?.trim()) out.push(`options.${i}.label.${l}`);
    });
    state.items.forEach((item, i) => {
      if (!item.text[l]?.trim()) out.push(`items.${i}.text.${l}`);
    });
    state.bands.forEach((b, i) => {
      if (!b.label[l]?.trim()) out.push(`bands.${i}.label.${l}`);
    });
  }
  return out;
}

/**
 * Bands (by index) that break the cover of the score range: a gap, an overlap, a wrong start or
 * end, a band ending before it starts — the server's own rule (shared/measures-logic.ts), with
 * the score steps of the scoring rule (a mean keeps one decimal).
 */
export function bandProblems(state: EditorState): number[] {
  const range = scoreRange(state);
  const bands = state.bands.map((b) => ({ min: Number(b.min), max: Number(b.max) }));
  if (!range) return bands.flatMap((b, i) => (Number.isFinite(b.min) && Number.isFinite(b.max) && b.max >= b.min ? [] : [i]));
  const problems = bandCoverProblems(bands, range, scoreStep(customDecimals(state.scoring)));
  return [...new Set(problems.map((p) => p.index))].sort((a, b) => a - b);
}

/** The editor state of a stored custom definition (for a new version). */
export function fromDefinition(def: InstrumentDefinition): EditorState {
  const languages = locales.filter((l) => def.languages[l]);
  const firstChoice = def.items.find((i) => i.type === 'choice');
  const options =
    (firstChoice?.type === 'choice' && firstChoice.options ? def.optionSets[firstChoice.options] : Object.values(def.optionSets)[0]) ?? [];
  return {
    languages,
    name: { ...def.name },
    instructions: { ...def.instructions },
    options: options.map((o) => ({ uid: uid(), value: o.value, label: { ...o.label } })),
    items: def.items.filter((i) => i.type === 'choice').map((i) => ({ uid: uid(), text: { ...i.text } })),
    scoring: def.scoring.method,
    higherIsBetter: def.higherIsBetter,
    bands: [...def.bands]
      .sort((a, b) => a.min - b.min)
      .map((b) => ({
        uid: uid(),
        min: b.min,
        max: b.max,
        label: { ...b.label },
        severity: b.severity,
        alert: b.alert ?? '',
      })),
  };
}
