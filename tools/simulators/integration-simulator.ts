import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the national APIs (neither SIPD nor SIMPEG/BKN is reachable from here), speaking
 * the shapes integration-sync reads, and able to misbehave on request.
 *
 * SIPD (base URL `<url>/sipd`, `Authorization: Bearer <apiKey>`):
 *   GET /sub-kegiatan?tahun=YYYY&page=N&limit=M →
 *   {data: [{kode_sub_kegiatan, nama_sub_kegiatan, kode_skpd, pagu_murni, pagu_perubahan|null,
 *            realisasi: [{bulan: 1–12, nilai}]}], meta: {page, limit, total, last_page}}
 * SIMPEG (base URL `<url>/simpeg`, HTTP Basic `username:password`):
 *   GET /unit-kerja?page&limit → {data: [{kode_unit, nama_unit, kode_opd}], meta}
 *   GET /pegawai?updated_since=ISO&page&limit → {data: [{nip, nama, kode_unit, jabatan, golongan,
 *            email, is_kepala, updated_at}], meta} (rows with updated_at ≥ updated_since)
 * Amounts are numbers with two decimals; pages are 1-based.
 */
export interface SimulatorData {
  /** year → sub-kegiatan rows (already in the SIPD shape). */
  sipd: Record<number, Array<Record<string, unknown>>>;
  units: Array<Record<string, unknown>>;
  employees: Array<Record<string, unknown>>;
}

/** What the next requests should suffer. Counters count down per request; `every` applies to rows. */
export interface Misbehaviour {
  /** Added to every answer. */
  latencyMs: number;
  /** The next N requests answer `failStatus` (default 503). */
  failNext: number;
  failStatus: number;
  /** The next N requests never answer (the client's timeout must fire). */
  hangNext: number;
  /** The next N requests answer 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext: number;
  retryAfterSec: number;
  /** Every Nth row of a page is malformed (0: never). */
  malformedEvery: number;
  /** The next N requests answer a truncated JSON body. */
  garbleNext: number;
}

export const CALM: Misbehaviour = { latencyMs: 0, failNext: 0, failStatus: 503, hangNext: 0, rateLimitNext: 0, retryAfterSec: 1, malformedEvery: 0, garbleNext: 0 };

export const SIMULATOR_CREDENTIALS = { apiKey: 'sipd-sim-key', username: 'simpeg', password: 'simpeg-sim-password' };

/** Deterministic 0..1 from a string (same data on every start). */
function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 0xffffffff;
}

const money = (n: number) => Math.round(n * 100) / 100;

/** Sub-kegiatan rows for these codes and years: pagu 50 juta – 5 miliar, ~30 % with a perubahan, months 1..monthsClosed realized. */
export function sipdRows(codes: Array<{ code: string; name?: string; skpd?: string }>, year: number, monthsClosed = 12): Array<Record<string, unknown>> {
  return codes.map(({ code, name, skpd }) => {
    const pagu = money(50_000_000 + unit(`${code}|${year}|pagu`) * 4_950_000_000);
    const changed = unit(`${code}|${year}|p`) < 0.3 ? money(pagu * (0.9 + unit(`${code}|${year}|pp`) * 0.2)) : null;
    const latest = changed ?? pagu;
    const serapan = 0.6 + unit(`${code}|${year}|s`) * 0.38;
    const realisasi = Array.from({ length: monthsClosed }, (_, i) => ({ bulan: i + 1, nilai: money((latest * serapan) / 12) }));
    return { kode_sub_kegiatan: code, nama_sub_kegiatan: name ?? `Sub Kegiatan ${code}`, kode_skpd: skpd ?? code.split('.').slice(0, 3).join('.'), pagu_murni: pagu, pagu_perubahan: changed, realisasi };
  });
}

/** Units (one per OPD, plus a bidang) and staff (a head and `staffPerOpd` others per OPD), NIPs of 18 digits. */
export function simpegRows(opds: Array<{ code: string; name: string }>, staffPerOpd = 3, updatedAt = '2026-11-01T00:00:00.000Z') {
  const units = opds.flatMap((o, i) => [
    { kode_unit: `U${String(i + 1).padStart(4, '0')}`, nama_unit: o.name, kode_opd: o.code },
    { kode_unit: `U${String(i + 1).padStart(4, '0')}.1`, nama_unit: `Sekretariat ${o.name}`, kode_opd: o.code },
  ]);
  const employees = opds.flatMap((o, i) =>
    Array.from({ length: staffPerOpd + 1 }, (_, k) => ({
      nip: `1975${String(i + 1).padStart(6, '0')}20${String(k).padStart(6, '0')}`,
      nama: k === 0 ? `Kepala ${o.name}` : `Pegawai ${k} ${o.name}`,
      kode_unit: k === 0 ? `U${String(i + 1).padStart(4, '0')}` : `U${String(i + 1).padStart(4, '0')}.1`,
      jabatan: k === 0 ? `Kepala ${o.name}` : 'Analis Kebijakan',
      golongan: k === 0 ? 'Pembina Utama Muda (IV/c)' : 'Penata (III/c)',
      email: k === 0 ? `kepala.opd${i + 1}@pemda.test` : null,
      is_kepala: k === 0,
      updated_at: updatedAt,
    })),
  );
  return { units, employees };
}

export class IntegrationSimulator {
  behaviour: Misbehaviour = { ...CALM };
  /** The largest page it serves whatever `limit` asks (real APIs cap it too). */
  maxPageSize = 1000;
  /** Every request seen (path and query), for tests to count retries. */
  readonly requests: Array<{ path: string; query: URLSearchParams; at: number }> = [];
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  url = '';

  constructor(public data: SimulatorData) {}

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.url = `http://${host}:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  calm(): void {
    this.behaviour = { ...CALM };
    this.maxPageSize = 1000;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    this.requests.push({ path: url.pathname, query: url.searchParams, at: Date.now() });
    const b = this.behaviour;
    if (b.latencyMs) await new Promise((r) => setTimeout(r, b.latencyMs));
    if (b.hangNext > 0) {
      b.hangNext--;
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (b.failNext > 0) {
      b.failNext--;
      return this.json(res, b.failStatus, { error: 'simulated upstream failure' });
    }
    if (b.rateLimitNext > 0) {
      b.rateLimitNext--;
      res.setHeader('retry-after', String(b.retryAfterSec));
      return this.json(res, 429, { error: 'rate limited' });
    }
    const route = url.pathname.replace(/\/+$/, '');
    if (route.startsWith('/sipd/')) {
      if (req.headers.authorization !== `Bearer ${SIMULATOR_CREDENTIALS.apiKey}`) return this.json(res, 401, { error: 'bad api key' });
      if (route === '/sipd/sub-kegiatan') return this.page(res, url, this.data.sipd[Number(url.searchParams.get('tahun'))] ?? []);
    }
    if (route.startsWith('/simpeg/')) {
      const basic = `Basic ${Buffer.from(`${SIMULATOR_CREDENTIALS.username}:${SIMULATOR_CREDENTIALS.password}`).toString('base64')}`;
      if (req.headers.authorization !== basic) return this.json(res, 401, { error: 'bad credentials' });
      if (route === '/simpeg/unit-kerja') return this.page(res, url, this.data.units);
      if (route === '/simpeg/pegawai') {
        const since = url.searchParams.get('updated_since');
        return this.page(res, url, since ? this.data.employees.filter((e) => String(e['updated_at']) >= since) : this.data.employees);
      }
    }
    this.json(res, 404, { error: 'no such route' });
  }

  private page(res: ServerResponse, url: URL, all: Array<Record<string, unknown>>): void {
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 100, 1), this.maxPageSize);
    const page = Math.max(Number(url.searchParams.get('page')) || 1, 1);
    const lastPage = Math.max(1, Math.ceil(all.length / limit));
    const every = this.behaviour.malformedEvery;
    const data = all.slice((page - 1) * limit, page * limit).map((row, i) => (every && ((page - 1) * limit + i + 1) % every === 0 ? malformed(row) : row));
    const body = { data, meta: { page, limit, total: all.length, last_page: lastPage } };
    if (this.behaviour.garbleNext > 0) {
      this.behaviour.garbleNext--;
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    this.json(res, 200, body);
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

/** A row as a broken upstream would send it: a bad amount, a bad NIP, a month 13. */
function malformed(row: Record<string, unknown>): Record<string, unknown> {
  if ('pagu_murni' in row) return { ...row, pagu_murni: 'satu miliar' };
  if ('nip' in row) return { ...row, nip: '12345' };
  return { ...row, kode_opd: null };
}
