/**
 * ` AND col = $n` for every `[col, value]` whose value was given (undefined = no filter),
 * appending the values to `params`. Columns are code, never input.
 */
export function whereEquals(params: unknown[], pairs: ReadonlyArray<readonly [column: string, value: unknown]>): string {
  let where = '';
  for (const [col, value] of pairs) if (value !== undefined) where += ` AND ${col} = $${params.push(value)}`;
  return where;
}
