import type Decimal from 'decimal.js';
import { rollUpOpd, weightedMean, type RollUp } from '../capaian/rollup';

/** A sasaran (objective) node: of an OPD's renstra, or of the RPJMD when opdId is null. */
export interface ObjectiveRef {
  id: string;
  opdId: string | null;
  code: string;
  name: string;
}

/** An indicator's capaian for the roll-up (unrounded; null = not scored). */
export interface ScoredIndicator {
  objectiveId: string | null;
  /** Indicator weight (numeric text, default 1). */
  weight: string;
  capaian: Decimal | null;
}

export interface ObjectiveScore {
  objective: ObjectiveRef;
  /** Weighted mean of the indicators rolling up into the sasaran; `scored`/`total` count indicators. */
  rollUp: RollUp;
}

/**
 * DOMAIN.md "Roll-up": a sasaran is the weighted mean of its indicators — those whose
 * `objective_id` is the sasaran (the schema's "the sasaran the indicator rolls up into": attached to
 * it or to a program/kegiatan below it). Unscored indicators are skipped and counted.
 */
export function objectiveScores(objectives: readonly ObjectiveRef[], indicators: readonly ScoredIndicator[]): ObjectiveScore[] {
  const byObjective = new Map<string, ScoredIndicator[]>();
  for (const indicator of indicators) {
    if (indicator.objectiveId === null) continue;
    const list = byObjective.get(indicator.objectiveId) ?? [];
    list.push(indicator);
    byObjective.set(indicator.objectiveId, list);
  }
  return objectives.map((objective) => ({
    objective,
    rollUp: weightedMean((byObjective.get(objective.id) ?? []).map((i) => ({ value: i.capaian, weight: i.weight }))),
  }));
}

/** An OPD (or the Pemda's RPJMD figure): the plain mean of its sasaran; `scored`/`total` count sasaran. */
export function meanOfObjectives(scores: readonly ObjectiveScore[]): RollUp {
  return rollUpOpd(scores.map((s) => s.rollUp.value));
}

export interface OwnerScore {
  objectives: ObjectiveScore[];
  /** The mean of the sasaran; `scored`/`total` count sasaran. */
  rollUp: RollUp;
}

/**
 * Every owner's sasaran scores and their mean, in one pass: key = the OPD id, null = the Pemda's
 * RPJMD. An owner without sasaran is absent (its figure is "not scored", see ownerScore).
 */
export function scoresByOwner(objectives: readonly ObjectiveRef[], indicators: readonly ScoredIndicator[]): Map<string | null, OwnerScore> {
  const grouped = new Map<string | null, ObjectiveScore[]>();
  for (const score of objectiveScores(objectives, indicators)) {
    const list = grouped.get(score.objective.opdId) ?? [];
    list.push(score);
    grouped.set(score.objective.opdId, list);
  }
  return new Map([...grouped].map(([owner, list]) => [owner, { objectives: list, rollUp: meanOfObjectives(list) }]));
}

/** The owner's score, or "no sasaran, not scored". */
export function ownerScore(scores: ReadonlyMap<string | null, OwnerScore>, owner: string | null): OwnerScore {
  return scores.get(owner) ?? { objectives: [], rollUp: meanOfObjectives([]) };
}
