/**
 * Report documents (issue #8), each against a baseline in the same run:
 * 1. LKjIP PDF of the largest demo OPD, built from core over NATS (core in-process on the demo
 *    Pemda): seconds, pages/s and peak RSS, against a bare pdfkit document of the same page count;
 *    then the Pemda-wide LKjIP of every demo OPD (BENCH_OPDS=200 for the scaled demo).
 * 2. XLSX of 100,000 achievement rows: rows/s and peak RSS of the streaming writer (our renderer)
 *    against exceljs' in-memory Workbook.
 * Run: npm run bench:reports   (BENCH_OPDS demo size, default 20; BENCH_XLSX_ROWS, default 100,000)
 */
import 'reflect-metadata';
import { Role } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { callerAs } from '@sakip/testing';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { generateReport } from '../../apps/report-generation/src/documents/generate-report';
import type { Block } from '../../apps/report-generation/src/documents/model';
import { renderXlsx } from '../../apps/report-generation/src/documents/xlsx/render-xlsx';
import { loadDemo } from '../demo/load-demo';
import { E2eStack } from '../e2e/stack';
import buildTemplate from '../testing/build-template';
import { fmt } from './lib/bench-stack';

const OPDS = Number(process.env['BENCH_OPDS'] ?? 20);
const XLSX_ROWS = Number(process.env['BENCH_XLSX_ROWS'] ?? 100_000);

/** Counts bytes and throws them away (the upload is not what is measured here). */
class Sink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.bytes += chunk.length;
    done();
  }
}

/** Runs `work` while sampling RSS every 10 ms; returns seconds and the peak above the RSS at start. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; sec: number; peakMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = performance.now();
  const result = await work();
  const sec = (performance.now() - t) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, sec, peakMiB: (peak - base) / 1024 / 1024 };
}

async function barePdf(pages: number): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const sink = new Sink();
  const done = new Promise((r) => sink.on('finish', r));
  doc.pipe(sink);
  for (let p = 0; p < pages; p++) {
    if (p) doc.addPage();
    for (let i = 0; i < 30; i++) doc.fontSize(8).text(`Baris ${i + 1}: indikator kinerja, target, realisasi dan capaian ${p}-${i}`, { width: 480 });
  }
  doc.end();
  await done;
  return sink.bytes;
}

async function* achievementRows(n: number): AsyncGenerator<Block> {
  const columns = [
    { header: 'No', width: 0.5, type: 'integer' as const },
    { header: 'Indikator', width: 3, type: 'text' as const },
    { header: 'Periode', width: 1, type: 'text' as const },
    { header: 'Target', width: 1, type: 'number' as const },
    { header: 'Realisasi', width: 1, type: 'number' as const },
    { header: 'Capaian (%)', width: 1, type: 'percent' as const },
  ];
  // In chunks, as a document of many OPDs would come.
  for (let start = 0; start < n; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, n - start) }, (_, i) => {
      const k = start + i;
      return [k + 1, `Indikator ${k % 997}`, `M${String((k % 12) + 1).padStart(2, '0')}`, 100 + (k % 50), 80 + (k % 70), ((80 + (k % 70)) / (100 + (k % 50))) * 100];
    });
    yield { kind: 'table', columns, rows };
  }
}

async function main() {
  await buildTemplate();
  const s = await E2eStack.start({ LOG_LEVEL: 'error' }, {}, { core: true, seed: async (st) => void (await loadDemo({ opds: OPDS, databaseUrl: st.db.urlFor('sakip_core') })) });
  try {
    const [largest] = await s.sql<{ id: string; name: string; n: string }>(
      `SELECT o.id, o.name, count(i.id) AS n FROM core.opds o JOIN core.indicators i ON i.opd_id = o.id GROUP BY o.id ORDER BY count(i.id) DESC LIMIT 1`,
    );
    if (!largest) throw new Error('no demo OPD');
    if (!s.core) throw new Error('core did not start');
    const rpc = s.core.get(RpcClient);
    const caller = callerAs(Role.SuperAdmin);
    const spec = { type: 'lkjip' as const, format: 'pdf' as const, year: 2025, opdId: largest.id, period: null, language: 'id' as const };
    await generateReport(spec, { rpc, caller }, new Sink()); // warm-up
    const sink = new Sink();
    const lkjip = await measured(() => generateReport(spec, { rpc, caller }, sink));
    const pages = lkjip.result.pages ?? 0;
    const bare = await measured(() => barePdf(pages));
    const wideSink = new Sink();
    const wide = await measured(() => generateReport({ ...spec, opdId: null }, { rpc, caller }, wideSink));

    const streamSink = new Sink();
    const streaming = await measured(() => renderXlsx(achievementRows(XLSX_ROWS), streamSink, { title: 'bench', sheet: 'Capaian' }));
    const inMemory = await measured(async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Capaian');
      for await (const block of achievementRows(XLSX_ROWS)) if (block.kind === 'table') for (const r of block.rows) ws.addRow(r);
      return (await wb.xlsx.writeBuffer()).byteLength;
    });

    console.log(`\nLKjIP PDF of the largest demo OPD (${largest.name}, ${largest.n} indicators; demo of ${OPDS} OPDs; core in the same process)`);
    console.log('| document | pages | seconds | pages/s | KiB | peak RSS above start |');
    console.log('|---|---|---|---|---|---|');
    console.log(`| LKjIP (core reads over NATS + layout) | ${pages} | ${fmt(lkjip.sec, 2)} | ${fmt(pages / lkjip.sec, 1)} | ${fmt(sink.bytes / 1024, 0)} | ${fmt(lkjip.peakMiB)} MiB |`);
    console.log(`| bare pdfkit, same page count (baseline) | ${pages} | ${fmt(bare.sec, 2)} | ${fmt(pages / bare.sec, 1)} | ${fmt(bare.result / 1024, 0)} | ${fmt(bare.peakMiB)} MiB |`);
    console.log(`| LKjIP Pemda-wide, all ${OPDS} OPDs | ${wide.result.pages} | ${fmt(wide.sec, 2)} | ${fmt((wide.result.pages ?? 0) / wide.sec, 1)} | ${fmt(wideSink.bytes / 1024, 0)} | ${fmt(wide.peakMiB)} MiB |`);
    console.log(`ratio LKjIP/bare pages/s: ${fmt(bare.sec / lkjip.sec, 2)}×`);
    console.log(`\nXLSX of ${XLSX_ROWS.toLocaleString('en-US')} achievement rows`);
    console.log('| writer | seconds | rows/s | MiB written | peak RSS above start |');
    console.log('|---|---|---|---|---|');
    console.log(`| streaming WorkbookWriter (renderXlsx) | ${fmt(streaming.sec, 2)} | ${fmt(XLSX_ROWS / streaming.sec, 0)} | ${fmt(streamSink.bytes / 1024 / 1024)} | ${fmt(streaming.peakMiB)} MiB |`);
    console.log(`| in-memory Workbook + writeBuffer (baseline) | ${fmt(inMemory.sec, 2)} | ${fmt(XLSX_ROWS / inMemory.sec, 0)} | ${fmt(inMemory.result / 1024 / 1024)} | ${fmt(inMemory.peakMiB)} MiB |`);
    console.log(`ratio streaming/in-memory: ${fmt(inMemory.sec / streaming.sec, 2)}× the rows/s, ${fmt(streaming.peakMiB / Math.max(inMemory.peakMiB, 0.1), 2)}× the memory`);
  } finally {
    await s.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
