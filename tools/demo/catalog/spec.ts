import type { Aggregation, Frequency, Polarity } from '../../../apps/core-performance/src/periods/period-calendar';

/**
 * The shape of the demo catalogue: what an OPD's Renstra looks like, written compactly. The
 * generator turns it into rows (ids, codes, targets, achievements); nothing here is random.
 */

export type IndicatorCategory = 'input' | 'output' | 'outcome' | 'impact';

/** How the quarterly targets of a `last` indicator move towards the annual one. */
export type Ramp = 'cumulative' | 'level';

export interface IndicatorSpec {
  name: string;
  unit: string;
  aggregation: Aggregation;
  ramp: Ramp;
  /** Range of the 2024 annual target. */
  range: readonly [number, number];
  /** Decimal places of targets and realizations (the column keeps 4). */
  dec: number;
  polarity: Polarity;
  /** Upper bound of any value (100 for percentages). */
  max: number | null;
  frequency?: Frequency;
  definition?: string;
  formula?: string;
  source?: string;
  category?: IndicatorCategory;
  weight?: number;
}

export interface IndicatorOptions {
  pol?: Polarity;
  freq?: Frequency;
  def?: string;
  fml?: string;
  src?: string;
  cat?: IndicatorCategory;
  dec?: number;
  weight?: number;
}

function build(name: string, unit: string, aggregation: Aggregation, ramp: Ramp, range: readonly [number, number], dec: number, o: IndicatorOptions): IndicatorSpec {
  return {
    name,
    unit,
    aggregation,
    ramp,
    range,
    dec: o.dec ?? dec,
    polarity: o.pol ?? 'higher_better',
    max: unit === '%' ? 100 : null,
    frequency: o.freq,
    definition: o.def,
    formula: o.fml,
    source: o.src,
    category: o.cat,
    weight: o.weight,
  };
}

/** A rate per period (%), averaged over the year. */
export const pct = (name: string, range: readonly [number, number], o: IndicatorOptions = {}) => build(name, '%', 'average', 'level', range, 2, o);
/** A coverage (%) that accumulates through the year: the year's value is the level at its end. */
export const cov = (name: string, range: readonly [number, number], o: IndicatorOptions = {}) => build(name, '%', 'last', 'cumulative', range, 2, o);
/** A level (index, score, years, %): the value at the end of the period. */
export const lvl = (name: string, unit: string, range: readonly [number, number], o: IndicatorOptions = {}) => build(name, unit, 'last', 'level', range, 2, o);
/** A count summed over the periods. */
export const cnt = (name: string, unit: string, range: readonly [number, number], o: IndicatorOptions = {}) => build(name, unit, 'sum', 'level', range, 0, o);
/** A count or amount averaged over the periods (e.g. staff paid each month). */
export const mean = (name: string, unit: string, range: readonly [number, number], o: IndicatorOptions = {}) => build(name, unit, 'average', 'level', range, 0, o);

export interface SubActivitySpec {
  code: string;
  name: string;
  ind?: IndicatorSpec;
}
export interface ActivitySpec {
  /** `d.dd`, e.g. `2.01`. */
  code: string;
  name: string;
  ind?: IndicatorSpec;
  subs: SubActivitySpec[];
}
export interface ProgramSpec {
  /** Two digits after the OPD's urusan.bidang, or a full `u.bb.pp` for another urusan it handles. */
  code: string;
  name: string;
  ind?: IndicatorSpec;
  /** Index into the OPD's `bidang`: whose head answers for it. */
  bidang: number;
  activities: ActivitySpec[];
}
export interface ObjectiveSpec {
  name: string;
  /** The RPJMD sasaran it serves (key in rpjmd.ts). */
  serves?: string;
  inds: IndicatorSpec[];
  programs: ProgramSpec[];
}
export interface GoalSpec {
  name: string;
  ind?: IndicatorSpec;
  objectives: ObjectiveSpec[];
}

export type TitleField = 'education' | 'health' | 'engineering' | 'economics' | 'government' | 'law' | 'agriculture' | 'informatics' | 'social';
export type HeadGrade = 'sekda' | 'kepala' | 'camat';

export interface OpdProfile {
  name: string;
  short: string;
  /** urusan.bidang of Permendagri 90/2019, e.g. `1.02`; every SIPD code of the OPD starts with it. */
  urusan: string;
  position: string;
  grade: HeadGrade;
  field: TitleField;
  /** Staff paid each month (range). */
  staff: readonly [number, number];
  /** Bidang heads answering for programs ("Kepala Bidang …"). */
  bidang: readonly string[];
  source: string;
  mission: readonly string[];
  /** Serves the public directly: its governance sasaran also measures satisfaction (IKM). */
  publicService?: boolean;
  goals: GoalSpec[];
}

export const sub = (code: string, name: string, ind?: IndicatorSpec): SubActivitySpec => ({ code, name, ind });
export const act = (code: string, name: string, ind: IndicatorSpec | undefined, subs: SubActivitySpec[]): ActivitySpec => ({ code, name, ind, subs });
export const prog = (code: string, name: string, bidang: number, ind: IndicatorSpec | undefined, activities: ActivitySpec[]): ProgramSpec => ({
  code,
  name,
  bidang,
  ind,
  activities,
});
export const obj = (name: string, serves: string | undefined, inds: IndicatorSpec[], programs: ProgramSpec[]): ObjectiveSpec => ({ name, serves, inds, programs });
export const goal = (name: string, ind: IndicatorSpec | undefined, objectives: ObjectiveSpec[]): GoalSpec => ({ name, ind, objectives });
