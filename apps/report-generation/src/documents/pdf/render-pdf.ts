import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { cellText } from '../format/cells';
import type { ReportLanguage } from '../generate-report';
import type { Block, Blocks, Column } from '../model';
import { winAnsi } from './win-ansi';

const MARGIN = 56; // 2 cm
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BORDER = '#555555';
const HEADER_FILL = '#e4e9f0';
const SERIES = ['#9fb4cc', '#5b7fa6', '#1f4e79'];
const seriesColor = (i: number) => SERIES[i % SERIES.length] ?? '#1f4e79';
/** The PDF may run ahead of the upload by this much; beyond it drawing waits (flat memory). */
const MAX_BUFFERED = 2 * 1024 * 1024;

export interface PdfOptions {
  lang: ReportLanguage;
  /** Wide tables (IKU: a target column per Renstra year) go landscape. */
  layout?: 'portrait' | 'landscape';
  title: string;
  author: string;
}

/**
 * Draws the blocks with pdfkit onto A4 pages as they arrive (vector text, tables with their header
 * repeated on every page they span, bar charts drawn as paths), piping the bytes to `out`. Page
 * numbers are drawn as each page opens, so no page is kept in memory for a total count.
 */
export async function renderPdf(blocks: Blocks, out: Writable, o: PdfOptions): Promise<{ pages: number }> {
  const doc = new PDFDocument({ size: 'A4', layout: o.layout ?? 'portrait', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, info: { Title: o.title, Author: o.author, Producer: 'SAKIP Platform' } });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    doc.once('error', reject);
  });
  doc.pipe(out);
  // Every string goes through the WinAnsi filter of the standard fonts.
  const text = doc.text.bind(doc) as (t: string, ...rest: unknown[]) => PDFKit.PDFDocument;
  (doc as unknown as { text: typeof text }).text = (t: string, ...rest: unknown[]) => text(winAnsi(String(t)), ...rest);
  const heightOf = doc.heightOfString.bind(doc);
  doc.heightOfString = (t: string, o?: PDFKit.Mixins.TextOptions) => heightOf(winAnsi(String(t)), o);
  let pages = 1;
  const footer = () => {
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(8).fillColor('#666666');
    doc.text(o.title, MARGIN, doc.page.height - 34, { width: doc.page.width - 2 * MARGIN - 80, lineBreak: false, ellipsis: true });
    doc.text(`${o.lang === 'id' ? 'Halaman' : 'Page'} ${pages}`, doc.page.width - MARGIN - 80, doc.page.height - 34, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black').x = MARGIN;
    doc.y = MARGIN;
  };
  doc.on('pageAdded', () => {
    pages++;
    footer();
  });
  let first = true;
  const draw = new Drawer(doc, o.lang);
  for await (const block of blocks) {
    if (first && block.kind !== 'cover') footer();
    first = false;
    draw.block(block);
    while (doc.readableLength > MAX_BUFFERED) await new Promise((r) => setTimeout(r, 2));
  }
  doc.end();
  await finished;
  return { pages };
}

class Drawer {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly lang: ReportLanguage,
  ) {}

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  block(b: Block): void {
    switch (b.kind) {
      case 'cover':
        return this.cover(b.lines, b.footer);
      case 'heading':
        return this.heading(b.text, b.level);
      case 'paragraph':
        this.doc.font(FONT).fontSize(10).text(b.text, MARGIN, this.doc.y, { width: this.width, align: 'justify', lineGap: 2 });
        this.doc.moveDown(0.6);
        return;
      case 'table':
        return this.table(b.columns, b.rows, b.total);
      case 'chart':
        return this.chart(b);
      case 'signatures':
        return this.signatures(b);
      case 'pageBreak':
        if (this.doc.y > MARGIN + 1) this.doc.addPage();
        return;
    }
  }

  private cover(lines: string[], footer: string[]): void {
    const d = this.doc;
    d.rect(MARGIN, MARGIN, this.width, d.page.height - 2 * MARGIN).lineWidth(2).strokeColor('#1f4e79').stroke();
    d.y = d.page.height * 0.3;
    lines.forEach((line, i) => {
      d.font(BOLD).fontSize(i < 2 ? 20 : 16).fillColor('#1f4e79').text(line, MARGIN + 20, d.y, { width: this.width - 40, align: 'center' });
      d.moveDown(0.8);
    });
    d.y = d.page.height - MARGIN - 90;
    for (const line of footer) d.font(BOLD).fontSize(14).text(line, MARGIN + 20, d.y, { width: this.width - 40, align: 'center' });
    d.fillColor('black').strokeColor('black').lineWidth(1);
    d.addPage();
  }

  private heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 14 : level === 2 ? 12 : 10.5;
    this.room(size * 4);
    this.doc.moveDown(level === 1 ? 0.2 : 0.5);
    this.doc.font(BOLD).fontSize(size).fillColor(level === 1 ? '#1f4e79' : 'black').text(text, MARGIN, this.doc.y, { width: this.width, align: level === 1 ? 'center' : 'left' });
    this.doc.fillColor('black').moveDown(0.5);
  }

  private table(columns: Column[], rows: Array<Array<string | number | null>>, total?: Array<string | number | null>): void {
    const d = this.doc;
    const sum = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (this.width * c.width) / sum);
    const pad = 3;
    const heightOf = (cells: string[], font: string) => {
      d.font(font).fontSize(8);
      return Math.max(...cells.map((t, i) => d.heightOfString(t || ' ', { width: (widths[i] ?? 40) - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], font: string, fill?: string) => {
      const h = heightOf(cells, font);
      let x = MARGIN;
      const y = d.y;
      cells.forEach((t, i) => {
        const w = widths[i] ?? 40;
        if (fill) d.rect(x, y, w, h).fill(fill);
        d.rect(x, y, w, h).lineWidth(0.5).strokeColor(BORDER).stroke();
        const align = fill ? 'center' : columns[i]?.type === 'text' ? 'left' : 'right';
        d.fillColor('black').font(font).fontSize(8).text(t, x + pad, y + pad, { width: w - 2 * pad, align });
        x += w;
      });
      d.x = MARGIN;
      d.y = y + h;
    };
    const header = columns.map((c) => c.header);
    const headerHeight = heightOf(header, BOLD);
    this.room(headerHeight + 20);
    drawRow(header, BOLD, HEADER_FILL);
    const body = [...rows.map((r) => ({ r, bold: false })), ...(total ? [{ r: total, bold: true }] : [])];
    for (const { r, bold } of body) {
      const cells = columns.map((c, i) => cellText(r[i] ?? null, c, this.lang));
      const h = heightOf(cells, bold ? BOLD : FONT);
      if (d.y + h > this.bottom) {
        d.addPage();
        drawRow(header, BOLD, HEADER_FILL);
      }
      drawRow(cells, bold ? BOLD : FONT);
    }
    d.moveDown(0.8);
  }

  private chart(c: Extract<Block, { kind: 'chart' }>): void {
    const d = this.doc;
    const height = 170;
    this.room(height + 60);
    d.font(BOLD).fontSize(9).text(c.title, MARGIN, d.y, { width: this.width, align: 'center' });
    const top = d.y + 6;
    const left = MARGIN + 30;
    const plotW = this.width - 40;
    const all = c.series.flatMap((s) => s.values).filter((v): v is number => typeof v === 'number');
    // Round ticks: the axis ends on the next multiple of 50 % above the tallest bar (at least 100 %).
    const max = Math.ceil(Math.max(100, ...all) / 50) * 50;
    const y0 = top + height;
    d.lineWidth(0.5).strokeColor('#bbbbbb');
    for (let i = 0; i <= 4; i++) {
      const v = (max / 4) * i;
      const y = y0 - (v / max) * height;
      d.moveTo(left, y).lineTo(left + plotW, y).stroke();
      d.font(FONT).fontSize(7).fillColor('#444444').text(`${Math.round(v)}${c.unit}`, MARGIN - 4, y - 3, { width: 32, align: 'right', lineBreak: false });
    }
    const group = plotW / Math.max(1, c.categories.length);
    const bar = Math.min(18, (group * 0.7) / Math.max(1, c.series.length));
    c.categories.forEach((cat, ci) => {
      const gx = left + ci * group + (group - bar * c.series.length) / 2;
      c.series.forEach((s, si) => {
        const v = s.values[ci];
        if (typeof v !== 'number') return;
        const h = (v / max) * height;
        d.rect(gx + si * bar, y0 - h, bar - 2, h).fill(seriesColor(si));
        d.fillColor('#222222').font(FONT).fontSize(6).text(Math.round(v).toString(), gx + si * bar - 4, y0 - h - 8, { width: bar + 6, align: 'center', lineBreak: false });
      });
      d.fillColor('#222222').font(FONT).fontSize(7).text(cat, left + ci * group, y0 + 3, { width: group, align: 'center', lineBreak: false, ellipsis: true });
    });
    d.strokeColor('#333333').moveTo(left, y0).lineTo(left + plotW, y0).stroke();
    let lx = left;
    const ly = y0 + 16;
    c.series.forEach((s, si) => {
      d.rect(lx, ly, 8, 8).fill(seriesColor(si));
      d.fillColor('black').fontSize(7).text(s.name, lx + 11, ly, { width: 50, lineBreak: false });
      lx += 60;
    });
    d.fillColor('black').strokeColor('black');
    d.x = MARGIN;
    d.y = ly + 20;
  }

  private signatures(s: Extract<Block, { kind: 'signatures' }>): void {
    const d = this.doc;
    this.room(150);
    d.moveDown(1);
    const colW = this.width / Math.max(2, s.parties.length);
    const top = d.y;
    const lastX = MARGIN + this.width - colW;
    d.font(FONT).fontSize(10).text(`${s.place}, ${s.date}`, lastX, top, { width: colW, align: 'center' });
    const start = top + 16;
    s.parties.forEach((p, i) => {
      const x = s.parties.length === 1 ? lastX : MARGIN + i * colW;
      let y = start;
      if (p.role) {
        d.font(BOLD).fontSize(10).text(p.role, x, y, { width: colW, align: 'center' });
        y = d.y;
      }
      d.font(FONT).fontSize(10).text(p.title, x, y, { width: colW, align: 'center' });
      y = d.y + 50;
      d.font(BOLD).fontSize(10).text(p.name || '( ........................................ )', x, y, { width: colW, align: 'center', underline: !!p.name });
      if (p.rank) d.font(FONT).text(p.rank, x, d.y, { width: colW, align: 'center' });
      if (p.nip) d.font(FONT).text(`NIP. ${p.nip}`, x, d.y, { width: colW, align: 'center' });
    });
    d.x = MARGIN;
    d.moveDown(1);
  }
}
