import { conflict } from '@sakip/contracts';

const codeOf = (err: unknown): string | undefined => (err as { code?: string } | null)?.code;

export const isUniqueViolation = (err: unknown) => codeOf(err) === '23505';
export const isForeignKeyViolation = (err: unknown) => codeOf(err) === '23503';

/**
 * Runs a write and turns the constraint errors users can cause into 409s: a duplicate key, or a
 * delete of a row others still reference (no cascade, API.md "Conventions").
 */
export async function mapConstraintErrors<T>(work: () => Promise<T>, messages: { unique?: string; referenced?: string } = {}): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(messages.unique ?? 'A record with the same key already exists');
    if (isForeignKeyViolation(err)) throw conflict(messages.referenced ?? 'Other records depend on this one; remove them first');
    throw err;
  }
}
