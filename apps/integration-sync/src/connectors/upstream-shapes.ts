import { UpstreamError } from './upstream-client';

/** A row the upstream sent that we refuse, with why: it goes to the quarantine. */
export interface RejectedRow {
  key: string;
  reason: string;
  payload: unknown;
}

export interface UpstreamPage<T> {
  rows: T[];
  rejected: RejectedRow[];
  page: number;
  lastPage: number;
}

const SIPD_CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;
const NIP = /^\d{18}$/;

/** Money as the upstreams send it (number or string) → our 2-decimal text, or null when it is not money. */
export function moneyText(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !/^\d{1,16}(\.\d{1,2})?$/.test(text)) return null;
  const [whole = '0', frac = ''] = text.split('.');
  return `${BigInt(whole).toString()}.${frac.padEnd(2, '0')}`;
}

/** Keeps a refused row readable without letting one huge row bloat the quarantine. */
function excerpt(row: unknown): unknown {
  const json = JSON.stringify(row ?? null);
  return json.length <= 4000 ? row : { truncated: json.slice(0, 4000) };
}

/** The `{data, meta: {page, last_page}}` envelope both simulated APIs use. */
function envelope(json: unknown, what: string): { data: unknown[]; page: number; lastPage: number } {
  const body = json as { data?: unknown; meta?: { page?: unknown; last_page?: unknown } } | null;
  if (!body || !Array.isArray(body.data) || typeof body.meta?.page !== 'number' || typeof body.meta?.last_page !== 'number') {
    throw new UpstreamError(`${what}: the answer is not a page ({data: [...], meta: {page, last_page}})`, false);
  }
  return { data: body.data, page: body.meta.page, lastPage: body.meta.last_page };
}

export interface SipdSubKegiatan {
  code: string;
  name: string;
  paguMurni: string;
  paguPerubahan: string | null;
  /** month → amount of that month alone. */
  realization: Array<{ month: number; amount: string }>;
}

/** SIPD `GET /sub-kegiatan?tahun=&page=&limit=`; each row checked on its own. */
export function parseSipdPage(json: unknown, pageHint: number): UpstreamPage<SipdSubKegiatan> {
  const { data, page, lastPage } = envelope(json, 'SIPD sub-kegiatan');
  const rows: SipdSubKegiatan[] = [];
  const rejected: RejectedRow[] = [];
  data.forEach((raw, i) => {
    const r = raw as Record<string, unknown> | null;
    const code = typeof r?.['kode_sub_kegiatan'] === 'string' ? r['kode_sub_kegiatan'].trim() : '';
    const key = code || `page ${pageHint} row ${i + 1}`;
    const reject = (reason: string) => rejected.push({ key, reason, payload: excerpt(raw) });
    if (!r || typeof r !== 'object') return reject('not an object');
    if (!code || code.length > 60 || !SIPD_CODE.test(code)) return reject('kode_sub_kegiatan: missing or not a SIPD code');
    const paguMurni = moneyText(r['pagu_murni']);
    if (paguMurni === null) return reject('pagu_murni: not a non-negative amount with at most 2 decimals');
    const paguPerubahan = r['pagu_perubahan'] === null || r['pagu_perubahan'] === undefined ? null : moneyText(r['pagu_perubahan']);
    if (paguPerubahan === null && r['pagu_perubahan'] !== null && r['pagu_perubahan'] !== undefined) return reject('pagu_perubahan: not a non-negative amount with at most 2 decimals');
    const months = Array.isArray(r['realisasi']) ? (r['realisasi'] as Array<Record<string, unknown>>) : null;
    if (!months) return reject('realisasi: not a list');
    const realization: SipdSubKegiatan['realization'] = [];
    const seen = new Set<number>();
    for (const m of months) {
      const month = m?.['bulan'];
      const amount = moneyText(m?.['nilai']);
      if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) return reject('realisasi.bulan: not a month 1–12');
      if (seen.has(month)) return reject(`realisasi: month ${month} twice`);
      if (amount === null) return reject(`realisasi.nilai of month ${month}: not a non-negative amount with at most 2 decimals`);
      seen.add(month);
      realization.push({ month, amount });
    }
    rows.push({ code, name: String(r['nama_sub_kegiatan'] ?? ''), paguMurni, paguPerubahan, realization });
  });
  return { rows, rejected, page, lastPage };
}

export interface SimpegUnit {
  unitCode: string;
  name: string;
  /** The OPD (core's OPD code) the unit belongs to. */
  opdCode: string;
}

export function parseSimpegUnitPage(json: unknown, pageHint: number): UpstreamPage<SimpegUnit> {
  const { data, page, lastPage } = envelope(json, 'SIMPEG unit-kerja');
  const rows: SimpegUnit[] = [];
  const rejected: RejectedRow[] = [];
  data.forEach((raw, i) => {
    const r = raw as Record<string, unknown> | null;
    const unitCode = typeof r?.['kode_unit'] === 'string' ? r['kode_unit'].trim() : '';
    const key = unitCode ? `unit:${unitCode}` : `unit page ${pageHint} row ${i + 1}`;
    if (!unitCode || unitCode.length > 60) return rejected.push({ key, reason: 'kode_unit: missing', payload: excerpt(raw) });
    const opdCode = typeof r?.['kode_opd'] === 'string' ? r['kode_opd'].trim() : '';
    if (!opdCode) return rejected.push({ key, reason: 'kode_opd: missing', payload: excerpt(raw) });
    rows.push({ unitCode, name: String(r?.['nama_unit'] ?? '').slice(0, 200), opdCode });
  });
  return { rows, rejected, page, lastPage };
}

export interface SimpegEmployee {
  nip: string;
  name: string;
  unitCode: string;
  position: string;
  rank: string | null;
  email: string | null;
  isHead: boolean;
  updatedAt: Date;
}

export function parseSimpegEmployeePage(json: unknown, pageHint: number): UpstreamPage<SimpegEmployee> {
  const { data, page, lastPage } = envelope(json, 'SIMPEG pegawai');
  const rows: SimpegEmployee[] = [];
  const rejected: RejectedRow[] = [];
  data.forEach((raw, i) => {
    const r = raw as Record<string, unknown> | null;
    const nip = typeof r?.['nip'] === 'string' ? r['nip'].trim() : '';
    const key = nip ? `nip:${nip}` : `pegawai page ${pageHint} row ${i + 1}`;
    const reject = (reason: string) => rejected.push({ key, reason, payload: excerpt(raw) });
    if (!NIP.test(nip)) return reject('nip: not 18 digits');
    const name = typeof r?.['nama'] === 'string' ? r['nama'].trim() : '';
    if (!name || name.length > 200) return reject('nama: missing or longer than 200');
    const unitCode = typeof r?.['kode_unit'] === 'string' ? r['kode_unit'].trim() : '';
    if (!unitCode) return reject('kode_unit: missing');
    const position = typeof r?.['jabatan'] === 'string' ? r['jabatan'].trim() : '';
    if (!position || position.length > 200) return reject('jabatan: missing or longer than 200');
    const updatedAt = typeof r?.['updated_at'] === 'string' ? new Date(r['updated_at']) : new Date(NaN);
    if (Number.isNaN(updatedAt.getTime())) return reject('updated_at: not a timestamp');
    const email = typeof r?.['email'] === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r['email'].trim()) ? r['email'].trim().toLowerCase() : null;
    const rank = typeof r?.['golongan'] === 'string' && r['golongan'].trim() ? r['golongan'].trim().slice(0, 100) : null;
    rows.push({ nip, name, unitCode, position, rank, email, isHead: r?.['is_kepala'] === true, updatedAt });
  });
  return { rows, rejected, page, lastPage };
}
