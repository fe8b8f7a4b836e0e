import Decimal from 'decimal.js';
import type { PemdaLevel, PemdaTimezone, SettingsView, UpdateSettingsRequest } from '@sakip/contracts';

/**
 * The Pemda settings as core keeps them: decimals stay strings with 2 decimals (as PostgreSQL
 * returns numeric), so the capaian cap and the efficiency bands never pass through a float.
 */
export interface Settings {
  pemdaName: string;
  level: PemdaLevel;
  headName: string;
  headTitle: string;
  headRank: string | null;
  headNip: string | null;
  /** e.g. `"150.00"`; null = no cap. */
  capaianCap: string | null;
  timezone: PemdaTimezone;
  logoFileId: string | null;
  efficientAbove: string;
  inefficientBelow: string;
}

export interface StoredSettings extends Settings {
  version: number;
  updatedAt: Date;
}

export type SettingsField = keyof Settings;

const fixed2 = (n: number): string => new Decimal(n).toFixed(2);

/** The PUT body as stored values (omitted optional fields become null: PUT replaces everything). */
export function settingsFromRequest(req: UpdateSettingsRequest): Settings {
  return {
    pemdaName: req.pemdaName,
    level: req.level,
    headName: req.headName,
    headTitle: req.headTitle,
    headRank: req.headRank ?? null,
    headNip: req.headNip ?? null,
    capaianCap: req.capaianCap === null ? null : fixed2(req.capaianCap),
    timezone: req.timezone,
    logoFileId: req.logoFileId,
    efficientAbove: fixed2(req.efficiency.efficientAbove),
    inefficientBelow: fixed2(req.efficiency.inefficientBelow),
  };
}

/** The fields whose value differs, in a stable order (nothing = an idempotent PUT). */
export function changedSettingsFields(before: Settings, after: Settings): SettingsField[] {
  return (Object.keys(after) as SettingsField[]).filter((k) => before[k] !== after[k]);
}

/** Audit values in API terms (numbers where the API has numbers). */
export function settingsAuditValues(s: Settings, fields: SettingsField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, f === 'capaianCap' || f === 'efficientAbove' || f === 'inefficientBelow' ? numberOrNull(s[f]) : s[f]]));
}

const numberOrNull = (v: string | null): number | null => (v === null ? null : Number(v));

export function toSettingsView(s: StoredSettings): SettingsView {
  return {
    pemdaName: s.pemdaName,
    level: s.level,
    headName: s.headName,
    headTitle: s.headTitle,
    headRank: s.headRank,
    headNip: s.headNip,
    // numeric(10,2)/(6,2): at most 10 significant digits, exact as a JSON number.
    capaianCap: numberOrNull(s.capaianCap),
    timezone: s.timezone,
    logoFileId: s.logoFileId,
    efficiency: { efficientAbove: Number(s.efficientAbove), inefficientBelow: Number(s.inefficientBelow) },
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}
