import { DomainError, ErrorCode } from './errors';
import { MAX_VERSION } from './transforms';

/** ETag of a versioned resource (API.md "Concurrency"): the version, quoted. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header demands: undefined when absent or `*` (no condition).
 * Accepts `"3"` and weak `W/"3"`; anything else is a 400, not a silent pass. Versions are int4
 * columns: a number above 2147483647 is well-formed but can never match, so it comes back as
 * 2147483647 — the top int4 version, which no row reaches in practice (it would take 2^31 writes
 * to one row, and its next write would overflow) — and the write answers 412 like any stale
 * version, on every route, instead of overflowing the database parameter (500).
 */
export function versionFromIfMatch(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value || value === '*') return undefined;
  const m = /^(?:W\/)?"(\d{1,64})"$/.exec(value);
  if (!m) throw new DomainError(ErrorCode.ValidationFailed, 'If-Match must be an ETag from this API, e.g. "3"', [{ field: 'If-Match', message: 'malformed' }]);
  const version = Number(m[1]);
  return Math.min(version, MAX_VERSION);
}

/** Services call this with the stored version before writing. */
export function assertVersion(expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) {
    throw new DomainError(ErrorCode.PreconditionFailed, `The resource changed (version ${actual}); reload it and retry`, [{ field: 'If-Match', message: `expected ${expected}, current ${actual}` }]);
  }
}
