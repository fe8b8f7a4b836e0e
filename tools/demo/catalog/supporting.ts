import { act, cnt, lvl, mean, obj, pct, prog, sub, type ObjectiveSpec, type OpdProfile } from './spec';

/**
 * What every OPD has besides its own affairs: the sasaran on its own accountability and the SIPD
 * "Program Penunjang Urusan Pemerintahan Daerah" (`<urusan>.01`) with its standard kegiatan.
 * `bidang` -1 marks the secretariat (Sekretaris / Kepala Subbagian).
 */
export function governanceObjective(p: OpdProfile): ObjectiveSpec {
  const inds = [
    lvl(`Nilai SAKIP ${p.name}`, 'nilai', [62, 72], {
      freq: 'annual',
      src: 'Laporan Hasil Evaluasi AKIP oleh Inspektorat',
      def: `Nilai hasil evaluasi akuntabilitas kinerja ${p.name} oleh Inspektorat Kabupaten Sukamaju.`,
      fml: 'Σ (nilai komponen × bobot komponen) sesuai PermenPAN-RB 88/2021',
    }),
  ];
  if (p.publicService) {
    inds.push(
      lvl(`Indeks Kepuasan Masyarakat terhadap layanan ${p.name}`, 'indeks', [78, 84], {
        freq: 'semester',
        src: 'Survei Kepuasan Masyarakat',
        def: `Tingkat kepuasan masyarakat terhadap layanan ${p.name} hasil survei kepuasan masyarakat sesuai PermenPAN-RB 14/2017.`,
        fml: 'Σ (nilai rata-rata unsur pelayanan × bobot) × 25',
      }),
    );
  }
  const paid = p.staff;
  return obj(`Meningkatnya akuntabilitas kinerja dan kualitas tata kelola ${p.name}`, 'akuntabilitas', inds, [
    prog('01', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', -1, pct('Persentase layanan penunjang urusan pemerintahan yang terpenuhi', [92, 98]), [
      act(
        '2.01',
        'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah',
        pct('Persentase dokumen perencanaan, penganggaran, dan evaluasi kinerja yang tersusun tepat waktu', [90, 100], {
          fml: '(Jumlah dokumen perencanaan dan evaluasi yang tersusun tepat waktu / jumlah dokumen yang wajib disusun) × 100%',
        }),
        [
          sub('0001', 'Penyusunan Dokumen Perencanaan Perangkat Daerah', cnt('Jumlah Dokumen Perencanaan Perangkat Daerah', 'dokumen', [3, 5], { freq: 'semester' })),
          sub(
            '0006',
            'Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD',
            cnt('Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD', 'laporan', [4, 4], { freq: 'quarterly' }),
          ),
          sub('0007', 'Evaluasi Kinerja Perangkat Daerah'),
        ],
      ),
      act(
        '2.02',
        'Administrasi Keuangan Perangkat Daerah',
        pct('Persentase realisasi anggaran sesuai anggaran kas', [100, 100], {
          pol: 'target_based',
          freq: 'quarterly',
          src: 'SIPD Penatausahaan',
          def: 'Kesesuaian realisasi belanja dengan rencana anggaran kas pada periode yang sama; penyimpangan ke atas maupun ke bawah mengurangi capaian.',
          fml: '(Realisasi belanja s.d. periode / anggaran kas s.d. periode) × 100%',
        }),
        [
          sub(
            '0001',
            'Penyediaan Gaji dan Tunjangan ASN',
            mean('Jumlah ASN yang menerima gaji dan tunjangan', 'orang', paid, {
              freq: 'monthly',
              src: 'Daftar gaji SIMGAJI',
              def: 'Rata-rata jumlah ASN yang menerima gaji dan tunjangan setiap bulan.',
              fml: 'Σ ASN penerima gaji per bulan / jumlah bulan',
            }),
          ),
          sub('0007', 'Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD'),
        ],
      ),
      act(
        '2.06',
        'Administrasi Umum Perangkat Daerah',
        cnt('Jumlah temuan pemeriksaan atas administrasi umum dan barang milik daerah', 'temuan', [3, 8], {
          pol: 'lower_better',
          freq: 'quarterly',
          src: 'Laporan Hasil Pemeriksaan BPK dan Inspektorat',
          def: 'Banyaknya temuan BPK dan Inspektorat atas administrasi umum, persediaan, dan barang milik daerah yang dikelola perangkat daerah.',
          fml: 'Σ temuan pemeriksaan dalam periode pelaporan',
        }),
        [
        sub('0002', 'Penyediaan Peralatan dan Perlengkapan Kantor'),
        sub(
          '0009',
          'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD',
          cnt('Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', 'laporan', [12, 12], { freq: 'monthly' }),
        ),
      ]),
    ]),
  ]);
}
