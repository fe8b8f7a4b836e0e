import type { IndicatorSpec, OpdProfile } from '../catalog/spec';

/**
 * Definisi operasional and formula for indicators whose catalogue entry does not spell them out,
 * derived from the name's usual Indonesian pattern (Persentase …, Jumlah …, Cakupan …, Indeks …).
 */
export function definitionOf(spec: IndicatorSpec, owner: string): string {
  if (spec.definition) return spec.definition;
  const { head, rest } = split(spec.name);
  switch (head) {
    case 'persentase':
      return `Perbandingan ${rest} terhadap seluruh sasaran yang direncanakan ${owner} pada periode pelaporan, dinyatakan dalam persen.`;
    case 'cakupan':
      return `Cakupan ${rest} terhadap seluruh sasaran sampai dengan akhir periode pelaporan (kumulatif sejak awal tahun).`;
    case 'jumlah':
      return spec.aggregation === 'average'
        ? `Rata-rata ${rest} per bulan dalam periode pelaporan.`
        : spec.aggregation === 'last'
          ? `Banyaknya ${rest} pada akhir periode pelaporan.`
          : `Banyaknya ${rest} selama periode pelaporan, menurut catatan ${owner}.`;
    case 'rata-rata':
      return `Nilai rata-rata ${rest} dalam periode pelaporan.`;
    case 'indeks':
    case 'nilai':
    case 'skor':
    case 'level':
      return `${spec.name} hasil pengukuran atau penilaian pada akhir periode pelaporan sesuai pedoman yang berlaku.`;
    default:
      return `${spec.name} dalam periode pelaporan, dihitung oleh ${owner} sesuai pedoman teknis yang berlaku.`;
  }
}

export function formulaOf(spec: IndicatorSpec): string {
  if (spec.formula) return spec.formula;
  const { head, rest } = split(spec.name);
  switch (head) {
    case 'persentase':
      return `(Jumlah ${rest} / jumlah seluruh sasaran) × 100%`;
    case 'cakupan':
      return `(Jumlah ${rest} s.d. periode pelaporan / jumlah sasaran ${rest}) × 100%`;
    case 'jumlah':
      return spec.aggregation === 'average' ? `Σ ${rest} per bulan / jumlah bulan` : `Σ ${rest}`;
    case 'rata-rata':
      return `Σ ${rest} / jumlah kejadian`;
    default:
      return spec.unit === '%' ? `(Realisasi / sasaran) × 100%` : `Nilai ${lower(spec.name)} sesuai metodologi pengukuran yang ditetapkan`;
  }
}

/** Who answers for indicators of a program (and its activities) led by `bidang` (-1: the secretariat). */
export function personInCharge(p: OpdProfile, bidang: number): string {
  if (bidang < 0 || bidang >= p.bidang.length) return secretariatOf(p);
  const b = p.bidang[bidang];
  if (p.grade === 'camat') return `Kepala Seksi ${b}`;
  if (b.startsWith('Inspektur')) return b;
  if (p.urusan === '4.01') return `Asisten ${b}`;
  return `Kepala Bidang ${b}`;
}

function secretariatOf(p: OpdProfile): string {
  if (p.grade === 'camat') return 'Sekretaris Kecamatan';
  if (p.urusan === '4.01') return 'Kepala Bagian Umum';
  if (p.name.startsWith('Sekretariat')) return 'Kepala Bagian Umum dan Keuangan';
  if (p.name.startsWith('Rumah Sakit')) return 'Kepala Bagian Tata Usaha';
  if (p.name === 'Inspektorat') return 'Sekretaris Inspektorat';
  if (p.name.startsWith('Satuan')) return 'Sekretaris Satuan Polisi Pamong Praja';
  return p.name.startsWith('Badan') ? 'Sekretaris Badan' : 'Sekretaris Dinas';
}

function split(name: string): { head: string; rest: string } {
  const m = /^(Persentase|Cakupan|Jumlah|Rata-rata|Indeks|Nilai|Skor|Level)\s+(.*)$/i.exec(name);
  if (!m) return { head: '', rest: lower(name) };
  return { head: m[1].toLowerCase(), rest: lower(m[2]) };
}

/** Lower-cases the first letter unless the word is an acronym (KTP-el, SD, RKPDes stay as they are). */
function lower(text: string): string {
  const first = text.split(/\s/)[0];
  return /[A-Z].*[A-Z]/.test(first) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
