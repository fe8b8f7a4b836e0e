import { generateDemo } from '../demo/generate-demo';
import { simpegRows, sipdRows, type SimulatorData } from './integration-simulator';

/** Simulator data that fits the demo Pemda of the same size: its sub-kegiatan codes and OPD codes. */
export function demoSimulatorData(opds = 20): SimulatorData {
  const world = generateDemo({ opds });
  const codes = [...new Map(world.nodes.flatMap((n) => (n.level === 'sub_activity' && n.sipdCode ? [[n.sipdCode, { code: n.sipdCode, name: n.name }] as const] : []))).values()];
  const { units, employees } = simpegRows(world.opds.map((o) => ({ code: o.code, name: o.profile.name })));
  return { sipd: { 2025: sipdRows(codes, 2025), 2026: sipdRows(codes, 2026, 10) }, units, employees };
}
