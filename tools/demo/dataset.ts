/**
 * What the generator hands to the loader: rows per table, in insertion order (a table registered
 * earlier is inserted earlier, so parents come before the rows that reference them). Values are
 * already in their database text form (numbers as decimal strings, times as ISO strings), so
 * loading is a plain set-based copy and the same seed always yields byte-identical rows.
 */
export type ColumnType = 'uuid' | 'text' | 'int' | 'numeric' | 'bool' | 'timestamptz' | 'jsonb';

export type DbValue = string | number | boolean | null;

export interface TableSpec<Row extends object> {
  /** Schema-qualified name, e.g. `core.indicators`. */
  table: string;
  columns: { readonly [K in keyof Row]: ColumnType };
}

export function defineTable<Row extends object>(table: string, columns: { readonly [K in keyof Row]: ColumnType }): TableSpec<Row> {
  return { table, columns };
}

export interface TableRows<Row extends object = Record<string, DbValue>> {
  spec: TableSpec<Row>;
  rows: Row[];
}

export class DemoDataset {
  private readonly tables = new Map<string, TableRows<object>>();

  /** The row list of a table; registering it on first use fixes its place in the insert order. */
  rows<Row extends object>(spec: TableSpec<Row>): Row[] {
    let entry = this.tables.get(spec.table);
    if (!entry) {
      entry = { spec: spec as TableSpec<object>, rows: [] };
      this.tables.set(spec.table, entry);
    }
    return entry.rows as Row[];
  }

  /** Every table in insertion order. */
  all(): TableRows<object>[] {
    return [...this.tables.values()];
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.all().map((t) => [t.spec.table, t.rows.length]));
  }
}
