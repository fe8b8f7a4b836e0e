import { moneyText, parseSimpegEmployeePage, parseSipdPage } from './upstream-shapes';

describe('upstream shapes', () => {
  it('normalises money and refuses what is not', () => {
    expect(moneyText(1250000000)).toBe('1250000000.00');
    expect(moneyText('0012.5')).toBe('12.50');
    expect(moneyText(-1)).toBeNull();
    expect(moneyText('1.234,56')).toBeNull();
    expect(moneyText('12.345')).toBeNull();
    expect(moneyText(Number.NaN)).toBeNull();
  });

  it('checks SIPD rows one by one: good ones pass, each bad one is refused with its reason', () => {
    const good = { kode_sub_kegiatan: '1.02.01.2.01.0001', nama_sub_kegiatan: 'X', pagu_murni: 1000, pagu_perubahan: null, realisasi: [{ bulan: 1, nilai: 10 }] };
    const page = parseSipdPage(
      {
        data: [
          good,
          { ...good, kode_sub_kegiatan: 'bad code!' },
          { ...good, kode_sub_kegiatan: '1.2', pagu_murni: 'satu' },
          { ...good, kode_sub_kegiatan: '1.3', realisasi: [{ bulan: 13, nilai: 1 }] },
          { ...good, kode_sub_kegiatan: '1.4', realisasi: [{ bulan: 2, nilai: 1 }, { bulan: 2, nilai: 2 }] },
          null,
        ],
        meta: { page: 1, last_page: 2 },
      },
      1,
    );
    expect(page.rows).toEqual([{ code: '1.02.01.2.01.0001', name: 'X', paguMurni: '1000.00', paguPerubahan: null, realization: [{ month: 1, amount: '10.00' }] }]);
    expect(page.rejected.map((r) => [r.key, r.reason])).toEqual([
      ['bad code!', 'kode_sub_kegiatan: missing or not a SIPD code'],
      ['1.2', 'pagu_murni: not a non-negative amount with at most 2 decimals'],
      ['1.3', 'realisasi.bulan: not a month 1–12'],
      ['1.4', 'realisasi: month 2 twice'],
      ['page 1 row 6', 'not an object'],
    ]);
    expect(page.lastPage).toBe(2);
  });

  it('refuses a whole answer that is not a page', () => {
    expect(() => parseSipdPage({ rows: [] }, 1)).toThrow(/not a page/);
    expect(() => parseSimpegEmployeePage([], 1)).toThrow(/not a page/);
  });

  it('checks SIMPEG employees: 18-digit NIP, a unit, a position, a timestamp', () => {
    const e = { nip: '197501012000121001', nama: 'Budi', kode_unit: 'U1', jabatan: 'Kepala', golongan: 'IV/c', email: 'Budi@Pemda.test', is_kepala: true, updated_at: '2026-11-01T00:00:00Z' };
    const page = parseSimpegEmployeePage({ data: [e, { ...e, nip: '123' }, { ...e, nip: '197501012000121002', updated_at: 'kemarin' }], meta: { page: 1, last_page: 1 } }, 1);
    expect(page.rows).toEqual([expect.objectContaining({ nip: e.nip, email: 'budi@pemda.test', isHead: true, rank: 'IV/c' })]);
    expect(page.rejected.map((r) => r.reason)).toEqual(['nip: not 18 digits', 'updated_at: not a timestamp']);
  });
});
