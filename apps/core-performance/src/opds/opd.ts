import type { ChangeKind, OpdChangedV1, OpdHeadV1, OpdSnapshot, OpdView } from '@sakip/contracts';

/** An OPD as core keeps it (core.opds). */
export interface Opd {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  headName: string | null;
  headPosition: string | null;
  headRank: string | null;
  headNip: string | null;
  isActive: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a caller may change (PATCH body, or the head from SIMPEG). */
export type OpdFields = Pick<Opd, 'code' | 'name' | 'shortName' | 'headName' | 'headPosition' | 'headRank' | 'headNip' | 'isActive'>;
export type OpdPatch = Partial<OpdFields>;

export const OPD_FIELDS: ReadonlyArray<keyof OpdFields> = ['code', 'name', 'shortName', 'headName', 'headPosition', 'headRank', 'headNip', 'isActive'];

/** The fields of `patch` whose value differs from `opd` (a DTO's absent optional fields are undefined: not a change). */
export function changedOpdFields(opd: Opd, patch: OpdPatch): Array<keyof OpdFields> {
  return OPD_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== opd[f]);
}

export function pickOpdFields(opd: Opd, fields: ReadonlyArray<keyof OpdFields>): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, opd[f]]));
}

/** PIHAK PERTAMA of the OPD's PK: only a head with both a name and a position counts. */
export function opdHead(opd: Opd): OpdHeadV1 | null {
  if (!opd.headName || !opd.headPosition) return null;
  return { name: opd.headName, position: opd.headPosition, rank: opd.headRank, nip: opd.headNip };
}

export function opdChangedEvent(opd: Opd, change: ChangeKind): OpdChangedV1 {
  return { opdId: opd.id, change, code: opd.code, name: opd.name, isActive: opd.isActive, head: opdHead(opd), version: opd.version };
}

export function toOpdSnapshot(opd: Opd): OpdSnapshot {
  return { opdId: opd.id, code: opd.code, name: opd.name, isActive: opd.isActive, head: opdHead(opd), version: opd.version };
}

export function toOpdView(opd: Opd): OpdView {
  return {
    id: opd.id,
    code: opd.code,
    name: opd.name,
    shortName: opd.shortName,
    headName: opd.headName,
    headPosition: opd.headPosition,
    headRank: opd.headRank,
    headNip: opd.headNip,
    isActive: opd.isActive,
    version: opd.version,
    createdAt: opd.createdAt.toISOString(),
    updatedAt: opd.updatedAt.toISOString(),
  };
}
