import type { Rng } from '../random';
import { act, cnt, goal, lvl, obj, pct, prog, sub, type OpdProfile } from './spec';

/**
 * Kecamatan (urusan 7.01, kewilayahan). Sukamaju is the capital district; the rest of the names
 * are Sundanese-sounding compounds, shuffled once per seed so the list never depends on N.
 */
const FIRST = ['Sukamaju', 'Cibening'];
const PREFIXES = ['Suka', 'Ci', 'Karang', 'Tanjung', 'Sindang', 'Pasir', 'Mekar', 'Jati', 'Sumber', 'Banjar', 'Giri', 'Cikal', 'Rawa', 'Bojong', 'Leuwi'];
const SUFFIXES = ['jaya', 'raharja', 'asih', 'wangi', 'mulya', 'sari', 'rejo', 'tengah', 'harja', 'luhur', 'makmur', 'mukti', 'laksana'];

/** Split districts take the old name with a direction (Kecamatan Cijaya Utara). */
const DIRECTIONS = ['Utara', 'Selatan', 'Timur', 'Barat'];

function compoundNames(): string[] {
  const names = new Set<string>();
  for (const p of PREFIXES) for (const s of SUFFIXES) names.add(`${p}${s}`);
  for (const f of FIRST) names.delete(f);
  return [...names].sort();
}

/** Every kecamatan name the demo can use, in a fixed order for the seed. */
export function kecamatanNames(rng: Rng): string[] {
  const base = [...FIRST, ...rng.shuffle(compoundNames())];
  return [...base, ...DIRECTIONS.flatMap((d) => base.map((b) => `${b} ${d}`))];
}

export function kecamatanNameCount(): number {
  return (FIRST.length + compoundNames().length) * (1 + DIRECTIONS.length);
}

export function kecamatanProfile(place: string): OpdProfile {
  return {
    name: `Kecamatan ${place}`,
    short: `Kec. ${place}`,
    urusan: '7.01',
    position: `Camat ${place}`,
    grade: 'camat',
    field: 'government',
    staff: [28, 40],
    bidang: ['Tata Pemerintahan', 'Pemberdayaan Masyarakat dan Desa', 'Ketenteraman dan Ketertiban Umum', 'Pelayanan Umum'],
    source: `Laporan Kecamatan ${place}`,
    mission: [`Meningkatkan kualitas pelayanan publik di Kecamatan ${place}`, 'Mendorong pemberdayaan masyarakat dan kemandirian desa'],
    publicService: true,
    goals: [
      goal(`Meningkatkan kualitas pelayanan publik dan pemberdayaan masyarakat di Kecamatan ${place}`, undefined, [
        obj('Meningkatnya kualitas pelayanan administrasi terpadu kecamatan', 'pelayanan', [
          pct('Persentase layanan administrasi kecamatan yang selesai tepat waktu', [90, 97], { freq: 'quarterly' }),
        ], [
          prog('02', 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik', 3, cnt('Jumlah dokumen pelayanan administrasi yang diterbitkan', 'dokumen', [2400, 4800], { freq: 'monthly' }), [
            act('2.01', 'Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan', pct('Persentase rekomendasi rapat koordinasi yang ditindaklanjuti', [75, 90]), [
              sub(
                '0001',
                'Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait',
                cnt('Jumlah laporan hasil koordinasi penyelenggaraan pemerintahan', 'laporan', [12, 12], { freq: 'monthly' }),
              ),
            ]),
            act('2.02', 'Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang Ada di Kecamatan', undefined, [
              sub('0001', 'Penyelenggaraan Pelayanan Administrasi Terpadu Kecamatan (PATEN)'),
            ]),
          ]),
          prog('04', 'Program Koordinasi Ketentraman dan Ketertiban Umum', 2, cnt('Jumlah kegiatan koordinasi trantibum', 'kegiatan', [12, 24], { freq: 'quarterly' }), [
            act('2.01', 'Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum', undefined, [
              sub('0001', 'Sinergi dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan'),
            ]),
          ]),
        ]),
        obj('Meningkatnya partisipasi masyarakat dalam pembangunan desa', undefined, [lvl('Persentase desa berstatus Desa Maju dan Mandiri', '%', [30, 55], { freq: 'annual' })], [
          prog('03', 'Program Pemberdayaan Masyarakat Desa dan Kelurahan', 1, pct('Persentase kegiatan pemberdayaan masyarakat yang terlaksana', [85, 95]), [
            act('2.01', 'Kegiatan Pemberdayaan Masyarakat di Tingkat Kecamatan', cnt('Jumlah kelompok masyarakat yang difasilitasi', 'kelompok', [20, 40], { freq: 'quarterly' }), [
              sub('0001', 'Fasilitasi Kegiatan Pemberdayaan Masyarakat', cnt('Jumlah kegiatan pemberdayaan masyarakat yang difasilitasi', 'kegiatan', [8, 16], { freq: 'quarterly' })),
            ]),
          ]),
          prog('06', 'Program Pembinaan dan Pengawasan Pemerintahan Desa', 0, pct('Persentase desa yang menyampaikan laporan pertanggungjawaban APBDes tepat waktu', [85, 100], { freq: 'annual' }), [
            act('2.01', 'Fasilitasi Penyusunan Program Pembangunan Desa', cnt('Jumlah desa yang difasilitasi penyusunan RKPDes', 'desa', [8, 16], { freq: 'semester' }), [
              sub('0001', 'Fasilitasi Penyusunan Perencanaan Pembangunan Desa'),
            ]),
          ]),
        ]),
      ]),
    ],
  };
}
