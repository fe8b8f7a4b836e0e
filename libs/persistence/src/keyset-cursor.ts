import { validationFailed } from '@sakip/contracts';
import { isUuid } from './uuid';

/**
 * Opaque cursors for snapshot RPCs paged by id (keyset paging: no OFFSET scans, stable while rows
 * are added). The shape is versioned so it can change without breaking callers mid-paging.
 */
export function encodeIdCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after: lastId })).toString('base64url');
}

/** The id to continue after, or null for the first page; a tampered cursor is VALIDATION_FAILED. */
export function decodeIdCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const after = (parsed as { v?: unknown; after?: unknown } | null)?.after;
  if ((parsed as { v?: unknown } | null)?.v !== 1 || !isUuid(after)) {
    throw validationFailed('Invalid cursor', [{ field: 'cursor', message: 'cursor must be a nextCursor returned by this RPC' }]);
  }
  return after;
}
