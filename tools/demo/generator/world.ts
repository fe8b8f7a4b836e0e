import type { Aggregation, Frequency, Polarity } from '../../../apps/core-performance/src/periods/period-calendar';
import type { Person } from '../catalog/people';
import type { IndicatorSpec, OpdProfile } from '../catalog/spec';
import type { PlanLevel } from '../core-tables';
import { DemoDataset } from '../dataset';
import { DemoIds, Rng } from '../random';

/**
 * The in-memory Pemda a demo run builds. Modules run in order; each reads what earlier ones put
 * here (typed, so a later budget or LKE module can find programs, sub-activities and capaian
 * without re-reading rows) and adds its own rows to `data`.
 */
export interface DemoOptions {
  seed: string;
  opds: number;
  /** The demo's "now" (epoch ms): nothing is dated later, periods after it have no achievements. */
  asOf: number;
}

export type PerformanceTier = 'strong' | 'average' | 'weak';

/**
 * How an OPD keeps its reporting deadlines. The service counts an OPD overdue for a period when
 * any of its indicators lacks an achievement submitted by the deadline (and still submitted,
 * verified or locked), so only `fair` OPDs (a draft or a returned achievement in recent periods)
 * and `late` ones (recent periods entered late or not at all) show up as overdue.
 */
export type Discipline = 'diligent' | 'fair' | 'late';

export interface DemoActors {
  /** The Pemda's super admin (sets deadlines, locks years, enters Pemda IKU). */
  superAdmin: string;
  /** Inspektorat evaluators who verify and return achievements. */
  evaluators: string[];
}

export interface DemoOpd {
  id: string;
  /** 0-based position in the catalogue order. */
  index: number;
  code: string;
  profile: OpdProfile;
  head: Person;
  /** `user:<uuid>` of its admin_opd operators. */
  operators: string[];
  discipline: Discipline;
  tier: PerformanceTier;
  createdAt: number;
}

export interface DemoPlan {
  id: string;
  opd: DemoOpd | null;
  periodStart: number;
  createdAt: number;
}

export interface DemoNode {
  id: string;
  key: string;
  level: PlanLevel;
  plan: DemoPlan;
  parent: DemoNode | null;
  code: string;
  name: string;
  sipdCode: string | null;
  /** The sasaran this node rolls up into (itself for an objective, null for a goal). */
  objective: DemoNode | null;
  /** Who answers for indicators on it. */
  personInCharge: string;
  createdAt: number;
}

export interface YearTarget {
  annual: string;
  periods: Record<string, string>;
}

export interface DemoIndicator {
  id: string;
  key: string;
  spec: IndicatorSpec;
  node: DemoNode;
  opd: DemoOpd | null;
  frequency: Frequency;
  aggregation: Aggregation;
  polarity: Polarity;
  createdAt: number;
  /** Rencana Aksi per year (set by the targets module). */
  targets: Map<number, YearTarget>;
}

export interface DemoWorld {
  options: DemoOptions;
  ids: DemoIds;
  /** Root stream; modules fork their own by key. */
  rng: Rng;
  data: DemoDataset;
  actors: DemoActors;
  settings: DemoSettings;
  opds: DemoOpd[];
  plans: DemoPlan[];
  nodes: DemoNode[];
  indicators: DemoIndicator[];
}

export interface DemoSettings {
  pemdaName: string;
  level: 'kabupaten' | 'kota' | 'provinsi';
  headName: string;
  headTitle: string;
  capaianCap: string;
  timezone: 'WIB' | 'WITA' | 'WIT';
  updatedAt: number;
}

/** One step of the demo: fills part of the world and its rows. */
export interface DemoModule {
  name: string;
  generate(world: DemoWorld): void;
}

/** Years of the Renstra/RPJMD, and the years with yearly targets and achievements. */
export const PLAN_START = 2022;
export const PLAN_YEARS = [2022, 2023, 2024, 2025, 2026] as const;
export const TARGET_YEARS = [2024, 2025, 2026] as const;

export function newWorld(options: DemoOptions): DemoWorld {
  return {
    options,
    ids: new DemoIds(options.seed),
    rng: new Rng(options.seed),
    data: new DemoDataset(),
    actors: { superAdmin: '', evaluators: [] },
    settings: { pemdaName: '', level: 'kabupaten', headName: '', headTitle: '', capaianCap: '150', timezone: 'WIB', updatedAt: 0 },
    opds: [],
    plans: [],
    nodes: [],
    indicators: [],
  };
}
