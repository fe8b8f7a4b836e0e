import type { Rng } from '../random';
import { kecamatanNameCount, kecamatanNames, kecamatanProfile } from './kecamatan';
import { MORE_AGENCIES } from './more-agencies';
import { AGENCIES } from './opd-profiles';
import type { OpdProfile } from './spec';
import { governanceObjective } from './supporting';

/**
 * The OPDs of the demo, in a fixed order: the 18 core agencies and two kecamatan make the default
 * 20; then the other agencies; then more kecamatan. Asking for N takes the first N, so a larger
 * demo contains the smaller one.
 */
export const DEFAULT_OPDS = 20;

const KECAMATAN_IN_DEFAULT = 2;

export function maxOpds(): number {
  return AGENCIES.length + MORE_AGENCIES.length + kecamatanNameCount();
}

/** The first `n` OPD profiles, each completed with its governance sasaran and supporting program. */
export function opdProfiles(n: number, rng: Rng): OpdProfile[] {
  if (!Number.isInteger(n) || n < 1 || n > maxOpds()) throw new RangeError(`the demo has between 1 and ${maxOpds()} OPDs, not ${n}`);
  const places = kecamatanNames(rng.fork('kecamatan'));
  const ordered: Array<() => OpdProfile> = [
    ...AGENCIES.map((p) => () => p),
    ...places.slice(0, KECAMATAN_IN_DEFAULT).map((place) => () => kecamatanProfile(place)),
    ...MORE_AGENCIES.map((p) => () => p),
    ...places.slice(KECAMATAN_IN_DEFAULT).map((place) => () => kecamatanProfile(place)),
  ];
  return ordered.slice(0, n).map((make) => withGovernance(make()));
}

/** The governance sasaran joins the last tujuan (most Renstra put it under their tata kelola goal). */
function withGovernance(p: OpdProfile): OpdProfile {
  const goals = p.goals.map((g) => ({ ...g, objectives: [...g.objectives] }));
  goals[goals.length - 1].objectives.push(governanceObjective(p));
  return { ...p, goals };
}
