/** ISO 8601 UTC for a timestamptz column that may be null. */
export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
