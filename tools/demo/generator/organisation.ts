import { opdProfiles } from '../catalog/opd-catalog';
import { headOf } from '../catalog/people';
import { PEMDA } from '../catalog/rpjmd';
import { OPDS } from '../core-tables';
import { iso, wib } from '../demo-calendar';
import type { DemoModule, DemoOpd, PerformanceTier } from './world';

/** Settings, the actors who appear in workflow history, and the OPDs with their heads. */
export const organisationModule: DemoModule = {
  name: 'organisation',
  generate(world) {
    const { ids } = world;
    const since = wib(2022, 1, 3, 9);
    const user = (key: string) => `user:${ids.id(`user:${key}`, since)}`;
    world.actors = { superAdmin: user('super-admin'), evaluators: [1, 2, 3].map((k) => user(`evaluator:${k}`)) };
    world.settings = { pemdaName: PEMDA.name, level: PEMDA.level, headName: PEMDA.headName, headTitle: PEMDA.headTitle, capaianCap: PEMDA.capaianCap, timezone: PEMDA.timezone, updatedAt: since };

    const rows = world.data.rows(OPDS);
    opdProfiles(world.options.opds, world.rng).forEach((profile, index) => {
      const rng = world.rng.fork(`opd:${index}`);
      const createdAt = wib(2022, 1, 10, 9) + index * 60_000;
      const opd: DemoOpd = {
        id: ids.id(`opd:${index}`, createdAt),
        index,
        // SIPD unit code: urusan.bidang, two unused urusan/bidang slots, unit number, sub-unit.
        code: `${profile.urusan}.0.00.0.00.${String(index + 1).padStart(index + 1 > 99 ? 3 : 2, '0')}.0000`,
        profile,
        head: headOf(rng.fork('head'), profile.field, profile.grade),
        operators: [1, 2].map((k) => user(`operator:${index}:${k}`)),
        // Every sixth OPD (3rd, 9th, 15th…) is slow with its recent reports; some others are untidy.
        discipline: index % 6 === 2 ? 'late' : rng.chance(0.3) ? 'fair' : 'diligent',
        tier: rng.weighted<PerformanceTier>([
          ['strong', 35],
          ['average', 45],
          ['weak', 20],
        ]),
        createdAt,
      };
      world.opds.push(opd);
      rows.push({
        id: opd.id,
        code: opd.code,
        name: profile.name,
        short_name: profile.short,
        head_name: opd.head.name,
        head_position: profile.position,
        head_rank: opd.head.rank,
        head_nip: opd.head.nip,
        is_active: true,
        created_at: iso(createdAt),
        updated_at: iso(createdAt),
        version: 1,
      });
    });
  },
};
