// One pure scoring function over any instrument definition: the score, its band, the item flags
// and the alerts they raise. Unit-tested against worked examples of every instrument.
import type { Answers } from '../../../../shared/measures.js';
import { alertReason, gateClosed as gateClosedBy, visibleItems } from '../../../../shared/measures-logic.js';
import type { AlertLevel, Band, ChoiceItem, Flag, InstrumentDefinition } from './instrument.js';

/** Item id → chosen option value (choice items) or text (text items): the contract's type. */
export type { Answers };

export interface AnswerProblem {
  item: string;
  problem: 'required' | 'invalid_option' | 'too_long' | 'unknown_item';
}

export interface Alert {
  /** `band:<id>`, `flag:<id>` or `drop`. */
  reason: string;
  level: AlertLevel;
}

export interface ScoreResult {
  score: number;
  band: Band;
  flags: Flag[];
  alerts: Alert[];
  /** Show the respondent where to get help. */
  guidance: boolean;
  /** Points of change since the previous score (positive = higher), when there is one. */
  change: number | null;
  /** The gate closed the form: the other items were not asked. */
  gateClosed: boolean;
}

const choiceItems = (def: InstrumentDefinition): ChoiceItem[] => def.items.filter((i): i is ChoiceItem => i.type === 'choice');

const gateClosed = (def: InstrumentDefinition, answers: Answers): boolean => gateClosedBy(def.gate, answers);

/** The items a respondent is asked, given the answers so far (a closed gate hides the ones after it). */
export function askedItems(def: InstrumentDefinition, answers: Answers): string[] {
  return visibleItems(def.items, def.gate, answers).map((i) => i.id);
}

/**
 * What is wrong with a set of answers. A draft may be incomplete (`partial`); a submission must
 * answer every asked choice item. Text items are always optional.
 */
export function answerProblems(def: InstrumentDefinition, answers: Answers, opts: { partial: boolean }): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(def.items.map((i) => [i.id, i]));
  for (const [id, value] of Object.entries(answers)) {
    const item = byId.get(id);
    if (!item) problems.push({ item: id, problem: 'unknown_item' });
    else if (item.type === 'choice') {
      const options = def.optionSets[item.options] ?? [];
      if (typeof value !== 'number' || !options.some((o) => o.value === value)) problems.push({ item: id, problem: 'invalid_option' });
    } else if (typeof value !== 'string' || value.length > item.maxLength) problems.push({ item: id, problem: 'too_long' });
  }
  if (!opts.partial) {
    const asked = new Set(askedItems(def, answers));
    for (const item of choiceItems(def)) {
      if (asked.has(item.id) && answers[item.id] === undefined) problems.push({ item: item.id, problem: 'required' });
    }
  }
  return problems;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The band a score falls in; bands are inclusive and cover the whole range. */
export function bandOf(def: InstrumentDefinition, score: number): Band {
  const band = def.bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new Error(`${def.key}@${def.version}: no band for score ${score}`);
  return band;
}

/**
 * Scores complete answers (check them with `answerProblems` first). `previousScore` is the same
 * person's last score on the same instrument, for the change rule.
 */
export function scoreAnswers(def: InstrumentDefinition, answers: Answers, previousScore: number | null = null): ScoreResult {
  const problems = answerProblems(def, answers, { partial: false });
  if (problems.length) throw new Error(`${def.key}: cannot score, ${problems.map((p) => `${p.item} ${p.problem}`).join(', ')}`);
  const closed = gateClosed(def, answers);
  const decimals = def.scoring.decimals ?? 0;
  let score: number;
  const scored = choiceItems(def).filter((i) => i.scored !== false);
  if (closed) score = def.gate?.scoreWhenClosed ?? def.scoring.min;
  else {
    const values = scored.map((i) => answers[i.id] as number);
    const raw = values.reduce((a, b) => a + b, 0);
    const base = def.scoring.method === 'mean' ? raw / values.length : raw;
    score = round(base * (def.scoring.multiplier ?? 1), decimals);
  }
  const band = bandOf(def, score);
  const flags = closed
    ? []
    : def.flags.filter((f) => {
        const ids = f.items === 'any' ? scored.map((i) => i.id) : f.items;
        return ids.some((id) => {
          const v = answers[id];
          return typeof v === 'number' && v >= f.min && v <= f.max;
        });
      });
  const alerts: Alert[] = [];
  if (band.alert) alerts.push({ reason: alertReason.band(band.id), level: band.alert });
  for (const f of flags) alerts.push({ reason: alertReason.flag(f.id), level: f.alert });
  const change = previousScore === null ? null : round(score - previousScore, decimals);
  if (def.change?.alertOnDrop && change !== null) {
    const drop = def.higherIsBetter ? -change : change;
    if (drop >= def.change.meaningful) alerts.push({ reason: alertReason.drop, level: def.change.alertOnDrop });
  }
  return {
    score,
    band,
    flags,
    alerts,
    guidance: !!band.guidance || flags.some((f) => f.guidance),
    change,
    gateClosed: closed,
  };
}

/** The most pressing level among alerts, or null when none. */
export function topAlertLevel(alerts: readonly Alert[]): AlertLevel | null {
  if (alerts.some((a) => a.level === 'urgent')) return 'urgent';
  return alerts.length ? 'normal' : null;
}
