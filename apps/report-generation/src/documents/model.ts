/**
 * A document as a stream of blocks, built once per report type and rendered by both the PDF and
 * the XLSX writer. Blocks are produced lazily (an async generator per OPD), so a Pemda-wide
 * document never sits in memory whole: renderers write each block as it comes.
 */
export type CellValue = string | number | null;

export interface Column {
  header: string;
  /** Relative width (the PDF shares the page width by these). */
  width: number;
  type: 'text' | 'number' | 'money' | 'percent' | 'integer';
}

export type Block =
  | { kind: 'cover'; lines: string[]; footer: string[] }
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: Column[]; rows: CellValue[][]; total?: CellValue[] }
  | { kind: 'chart'; title: string; categories: string[]; series: Array<{ name: string; values: Array<number | null> }>; unit: string }
  | { kind: 'signatures'; place: string; date: string; parties: Array<{ role: string; title: string; name: string; rank: string | null; nip: string | null }> }
  | { kind: 'pageBreak' };

export type Blocks = AsyncIterable<Block>;
