/** TypeORM answers a PostgreSQL UPDATE/DELETE through `query()` as `[rows, affectedCount]`. */
export function affectedRows(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
