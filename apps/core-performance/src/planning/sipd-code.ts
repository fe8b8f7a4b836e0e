import type { PlanLevel } from '@sakip/contracts';

/**
 * SIPD codes of the budget levels (DOMAIN.md "Planning tree"), pure: no I/O.
 * program      = kode_urusan.kode_bidang.kode_program      e.g. 1.02.02
 * activity     = program code + .kode_giat (d.dd)          e.g. 1.02.02.2.01
 * sub_activity = activity code + .kode_sub_giat (dddd)     e.g. 1.02.02.2.01.0001
 * Urusan is one digit or `X` (cross-cutting), bidang two digits or `XX`.
 */
export type SipdLevel = 'program' | 'activity' | 'sub_activity';

export interface SipdParts {
  kodeUrusan: string;
  kodeBidang: string;
  kodeProgram: string;
  kodeGiat?: string;
  kodeSubGiat?: string;
}

const PROGRAM = String.raw`(\d|X)\.(\d{2}|XX)\.(\d{2})`;
const GIAT = String.raw`(\d\.\d{2})`;
const SUB_GIAT = String.raw`(\d{4})`;

const PATTERNS: Record<SipdLevel, RegExp> = {
  program: new RegExp(`^${PROGRAM}$`),
  activity: new RegExp(`^${PROGRAM}\\.${GIAT}$`),
  sub_activity: new RegExp(`^${PROGRAM}\\.${GIAT}\\.${SUB_GIAT}$`),
};

const SHAPES: Record<SipdLevel, string> = {
  program: 'kode_urusan.kode_bidang.kode_program, e.g. 1.02.02 (urusan: 1 digit or X; bidang: 2 digits or XX; program: 2 digits)',
  activity: 'the program code + .kode_giat, e.g. 1.02.02.2.01 (giat: digit.2 digits)',
  sub_activity: 'the activity code + .kode_sub_giat, e.g. 1.02.02.2.01.0001 (sub giat: 4 digits)',
};

export function isSipdLevel(level: PlanLevel): level is SipdLevel {
  return level === 'program' || level === 'activity' || level === 'sub_activity';
}

export type SipdParseResult = { ok: true; parts: SipdParts } | { ok: false; message: string };

/** Parses a full dotted code for `level`; the message says what the level expects. */
export function parseSipdCode(level: SipdLevel, code: string): SipdParseResult {
  const m = PATTERNS[level].exec(code);
  if (!m) return { ok: false, message: `a ${level} SIPD code must be ${SHAPES[level]}; got ${JSON.stringify(code.length > 40 ? `${code.slice(0, 40)}…` : code)}` };
  const parts: SipdParts = { kodeUrusan: m[1], kodeBidang: m[2], kodeProgram: m[3] };
  if (level !== 'program') parts.kodeGiat = m[4];
  if (level === 'sub_activity') parts.kodeSubGiat = m[5];
  return { ok: true, parts };
}

/**
 * Null when `childCode` (already well-formed for its level) extends `parentCode` exactly: the
 * parent's code followed by one more segment. A parent without a code constrains nothing.
 */
export function sipdExtensionProblem(parentCode: string | null, childCode: string): string | null {
  if (parentCode === null) return null;
  return childCode.startsWith(`${parentCode}.`) ? null : `must extend the parent's SIPD code ${parentCode} (e.g. ${parentCode}.…)`;
}

/** The parsed parts of a stored code (valid by construction), or all null when there is none. */
export function sipdPartsOf(level: SipdLevel, code: string | null): Record<keyof SipdParts, string | null> {
  const parsed = code === null ? null : parseSipdCode(level, code);
  const parts = parsed?.ok ? parsed.parts : null;
  return {
    kodeUrusan: parts?.kodeUrusan ?? null,
    kodeBidang: parts?.kodeBidang ?? null,
    kodeProgram: parts?.kodeProgram ?? null,
    kodeGiat: parts?.kodeGiat ?? null,
    kodeSubGiat: parts?.kodeSubGiat ?? null,
  };
}
