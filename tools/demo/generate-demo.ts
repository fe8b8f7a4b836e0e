import { DEFAULT_OPDS } from './catalog/opd-catalog';
import { parseAsOf } from './demo-calendar';
import { achievementsModule } from './generator/achievements';
import { budgetModule } from './generator/budget';
import { evaluationsModule } from './generator/evaluations';
import { organisationModule } from './generator/organisation';
import { planningModule } from './generator/planning';
import { targetsModule } from './generator/targets';
import { newWorld, type DemoModule, type DemoOptions, type DemoWorld } from './generator/world';

/**
 * The demo Pemda, generated in memory: pure and deterministic (same options → same rows, ids
 * included). Each module fills one part and may read what the earlier ones built; its rows go to
 * its own tables, which the loader inserts in registration order.
 */
export const CORE_DEMO_MODULES: readonly DemoModule[] = [organisationModule, planningModule, targetsModule, achievementsModule, budgetModule, evaluationsModule];

export const DEFAULT_SEED = 'sukamaju';
/** The demo's "now": fixed, so repeated loads and benchmarks see identical data. */
export const DEFAULT_AS_OF = '2026-11-23';

export interface GenerateOptions {
  seed?: string;
  opds?: number;
  /** YYYY-MM-DD. */
  asOf?: string;
}

export function demoOptions(o: GenerateOptions = {}): DemoOptions {
  return { seed: o.seed ?? DEFAULT_SEED, opds: o.opds ?? DEFAULT_OPDS, asOf: parseAsOf(o.asOf ?? DEFAULT_AS_OF) };
}

export function generateDemo(o: GenerateOptions = {}, modules: readonly DemoModule[] = CORE_DEMO_MODULES): DemoWorld {
  const world = newWorld(demoOptions(o));
  for (const m of modules) m.generate(world);
  return world;
}
