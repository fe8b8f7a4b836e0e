import { cnt, lvl, mean, type IndicatorSpec } from './spec';

/** Kabupaten Sukamaju: the Pemda, its Bupati and its RPJMD 2022–2026 (tujuan → sasaran → Pemda IKU). */

export const PEMDA = {
  name: 'Pemerintah Kabupaten Sukamaju',
  region: 'Kabupaten Sukamaju',
  level: 'kabupaten' as const,
  headName: 'H. Rahmat Hidayat Permana, S.E., M.M.',
  headTitle: 'Bupati Sukamaju',
  capaianCap: '150',
  timezone: 'WIB' as const,
};

export const RPJMD_VISION = 'Terwujudnya Kabupaten Sukamaju yang Maju, Sejahtera, dan Berdaya Saing Berlandaskan Nilai Agama dan Budaya';

export const RPJMD_MISSION = [
  'Meningkatkan kualitas sumber daya manusia yang sehat, cerdas, dan berakhlak mulia',
  'Mewujudkan pertumbuhan ekonomi yang inklusif berbasis pertanian, UMKM, dan pariwisata',
  'Membangun infrastruktur wilayah yang merata dan berwawasan lingkungan',
  'Mewujudkan tata kelola pemerintahan yang bersih, akuntabel, dan melayani',
];

export interface RpjmdObjectiveSpec {
  /** What OPD sasaran refer to (ObjectiveSpec.serves). */
  key: string;
  name: string;
  /** Who answers for its indicators (person in charge). */
  lead: string;
  inds: IndicatorSpec[];
}

/** Who answers for the goal-level (tujuan) indicators of the RPJMD. */
export const RPJMD_GOAL_LEAD = 'Kepala Badan Perencanaan Pembangunan Daerah';

export interface RpjmdGoalSpec {
  name: string;
  ind?: IndicatorSpec;
  objectives: RpjmdObjectiveSpec[];
}

const BPS = 'BPS Kabupaten Sukamaju';

export const RPJMD_GOALS: RpjmdGoalSpec[] = [
  {
    name: 'Meningkatkan kualitas sumber daya manusia',
    ind: lvl('Indeks Pembangunan Manusia (IPM)', 'indeks', [71.2, 71.8], {
      freq: 'annual',
      src: BPS,
      def: 'Indeks komposit capaian pembangunan manusia dari dimensi umur panjang dan hidup sehat, pengetahuan, dan standar hidup layak.',
      fml: '(Indeks Kesehatan × Indeks Pendidikan × Indeks Pengeluaran)^(1/3) × 100',
    }),
    objectives: [
      {
        key: 'pendidikan',
        name: 'Meningkatnya kualitas pendidikan masyarakat',
        lead: 'Kepala Dinas Pendidikan',
        inds: [
          lvl('Rata-rata Lama Sekolah (RLS)', 'tahun', [7.9, 8.1], {
            freq: 'annual',
            src: BPS,
            def: 'Rata-rata jumlah tahun yang dijalani penduduk usia 25 tahun ke atas dalam pendidikan formal.',
            fml: 'Σ lama sekolah penduduk usia ≥ 25 tahun / jumlah penduduk usia ≥ 25 tahun',
          }),
          lvl('Harapan Lama Sekolah (HLS)', 'tahun', [12.6, 12.9], {
            freq: 'annual',
            src: BPS,
            def: 'Lamanya sekolah yang diharapkan akan dirasakan oleh anak usia 7 tahun di masa mendatang.',
            fml: 'Σ angka partisipasi sekolah menurut umur (7 tahun ke atas)',
          }),
        ],
      },
      {
        key: 'kesehatan',
        name: 'Meningkatnya derajat kesehatan masyarakat',
        lead: 'Kepala Dinas Kesehatan',
        inds: [
          lvl('Angka Harapan Hidup (AHH)', 'tahun', [72.5, 73.2], {
            freq: 'annual',
            src: BPS,
            def: 'Rata-rata perkiraan lama hidup yang akan dicapai oleh penduduk sejak lahir.',
            fml: 'Dihitung dengan metode tidak langsung (Trussell) dari data anak lahir hidup dan anak masih hidup',
          }),
          lvl('Angka Kematian Ibu (AKI)', 'per 100.000 kelahiran hidup', [85, 105], {
            pol: 'lower_better',
            freq: 'annual',
            src: 'Dinas Kesehatan Kabupaten Sukamaju',
            def: 'Jumlah kematian ibu selama kehamilan, persalinan, dan nifas per 100.000 kelahiran hidup dalam satu tahun.',
            fml: '(Jumlah kematian ibu / jumlah kelahiran hidup) × 100.000',
          }),
          lvl('Prevalensi balita stunting', '%', [18, 22], {
            pol: 'lower_better',
            freq: 'semester',
            src: 'e-PPGBM Dinas Kesehatan',
            def: 'Persentase balita dengan tinggi badan menurut umur di bawah −2 standar deviasi median standar pertumbuhan WHO.',
            fml: '(Jumlah balita stunting / jumlah balita yang diukur) × 100%',
          }),
        ],
      },
      {
        key: 'sosial',
        name: 'Menurunnya angka kemiskinan',
        lead: 'Kepala Dinas Sosial',
        inds: [
          lvl('Persentase penduduk miskin', '%', [8.5, 9.5], {
            pol: 'lower_better',
            freq: 'annual',
            src: BPS,
            def: 'Persentase penduduk yang berada di bawah garis kemiskinan.',
            fml: '(Jumlah penduduk di bawah garis kemiskinan / jumlah penduduk) × 100%',
          }),
        ],
      },
    ],
  },
  {
    name: 'Meningkatkan pertumbuhan ekonomi yang inklusif dan berdaya saing',
    ind: lvl('Laju Pertumbuhan Ekonomi (LPE)', '%', [5.0, 5.4], {
      freq: 'annual',
      src: BPS,
      def: 'Pertumbuhan PDRB atas dasar harga konstan dibandingkan tahun sebelumnya.',
      fml: '((PDRB ADHK tahun t − PDRB ADHK tahun t−1) / PDRB ADHK tahun t−1) × 100%',
    }),
    objectives: [
      {
        key: 'ekonomi',
        name: 'Meningkatnya daya saing ekonomi daerah',
        lead: 'Kepala Badan Perencanaan Pembangunan Daerah',
        inds: [
          lvl('PDRB per kapita atas dasar harga berlaku', 'juta rupiah', [38, 42], {
            freq: 'annual',
            src: BPS,
            def: 'Nilai PDRB atas dasar harga berlaku dibagi jumlah penduduk pertengahan tahun.',
            fml: 'PDRB ADHB / jumlah penduduk pertengahan tahun',
          }),
          lvl('Tingkat inflasi (year on year)', '%', [3, 3], {
            pol: 'target_based',
            freq: 'monthly',
            src: BPS,
            def: 'Perubahan indeks harga konsumen dibandingkan bulan yang sama tahun sebelumnya; sasarannya berada di titik tengah target inflasi nasional.',
            fml: '((IHK bulan t − IHK bulan t tahun lalu) / IHK bulan t tahun lalu) × 100%',
          }),
        ],
      },
      {
        key: 'investasi',
        name: 'Meningkatnya investasi dan kesempatan kerja',
        lead: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
        inds: [
          cnt('Nilai realisasi investasi', 'miliar rupiah', [850, 1100], {
            freq: 'quarterly',
            dec: 2,
            src: 'Laporan Kegiatan Penanaman Modal (LKPM) DPMPTSP',
            def: 'Nilai realisasi penanaman modal dalam negeri dan asing yang dilaporkan pelaku usaha.',
            fml: 'Σ realisasi PMDN + Σ realisasi PMA',
          }),
          lvl('Tingkat Pengangguran Terbuka (TPT)', '%', [6.2, 6.8], {
            pol: 'lower_better',
            freq: 'semester',
            src: 'Survei Angkatan Kerja Nasional (Sakernas), BPS',
            def: 'Persentase penganggur terhadap jumlah angkatan kerja.',
            fml: '(Jumlah penganggur / jumlah angkatan kerja) × 100%',
          }),
        ],
      },
      {
        key: 'pertanian',
        name: 'Meningkatnya produktivitas sektor pertanian dan pariwisata',
        lead: 'Kepala Dinas Pertanian',
        inds: [
          mean('Nilai Tukar Petani (NTP)', 'indeks', [102, 105], {
            freq: 'monthly',
            dec: 2,
            src: BPS,
            def: 'Perbandingan indeks harga yang diterima petani dengan indeks harga yang dibayar petani.',
            fml: '(Indeks harga yang diterima petani / indeks harga yang dibayar petani) × 100',
          }),
          cnt('Jumlah kunjungan wisatawan', 'orang', [450000, 520000], {
            freq: 'monthly',
            src: 'Dinas Pariwisata dan Kebudayaan',
            def: 'Jumlah kunjungan wisatawan nusantara dan mancanegara ke daya tarik wisata di Kabupaten Sukamaju.',
            fml: 'Σ kunjungan wisatawan nusantara + Σ kunjungan wisatawan mancanegara',
          }),
        ],
      },
    ],
  },
  {
    name: 'Meningkatkan kualitas infrastruktur wilayah dan lingkungan hidup',
    objectives: [
      {
        key: 'infrastruktur',
        name: 'Meningkatnya kualitas infrastruktur wilayah',
        lead: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
        inds: [
          lvl('Persentase panjang jalan kabupaten dalam kondisi mantap', '%', [72, 78], {
            freq: 'semester',
            src: 'Dinas Pekerjaan Umum dan Penataan Ruang',
            def: 'Persentase panjang jalan kabupaten dalam kondisi baik dan sedang terhadap total panjang jalan kabupaten.',
            fml: '(Panjang jalan kondisi baik + sedang / total panjang jalan kabupaten) × 100%',
          }),
          lvl('Persentase rumah tangga dengan akses air minum layak', '%', [86, 90], {
            freq: 'annual',
            src: BPS,
            def: 'Persentase rumah tangga yang memiliki akses terhadap sumber air minum layak.',
            fml: '(Jumlah rumah tangga dengan akses air minum layak / jumlah rumah tangga) × 100%',
          }),
        ],
      },
      {
        key: 'lingkungan',
        name: 'Meningkatnya kualitas lingkungan hidup',
        lead: 'Kepala Dinas Lingkungan Hidup',
        inds: [
          lvl('Indeks Kualitas Lingkungan Hidup (IKLH)', 'indeks', [66, 70], {
            freq: 'annual',
            src: 'Dinas Lingkungan Hidup',
            def: 'Indeks gabungan kualitas air, udara, tutupan lahan, dan air laut yang menggambarkan kondisi lingkungan hidup.',
            fml: '(30% × IKA) + (30% × IKU) + (40% × IKTL)',
          }),
        ],
      },
    ],
  },
  {
    name: 'Mewujudkan tata kelola pemerintahan yang baik dan pelayanan publik yang prima',
    ind: lvl('Indeks Reformasi Birokrasi', 'nilai', [62, 66], {
      freq: 'annual',
      src: 'Kementerian PANRB',
      def: 'Nilai hasil evaluasi pelaksanaan reformasi birokrasi pemerintah daerah oleh Kementerian PANRB.',
      fml: 'Nilai evaluasi reformasi birokrasi sesuai PermenPAN-RB yang berlaku',
    }),
    objectives: [
      {
        key: 'akuntabilitas',
        name: 'Meningkatnya akuntabilitas kinerja dan keuangan daerah',
        lead: 'Sekretaris Daerah',
        inds: [
          lvl('Nilai SAKIP Pemerintah Kabupaten', 'nilai', [66, 70], {
            freq: 'annual',
            src: 'Laporan Hasil Evaluasi SAKIP Kementerian PANRB',
            def: 'Nilai hasil evaluasi akuntabilitas kinerja instansi pemerintah kabupaten.',
            fml: 'Σ (nilai komponen × bobot komponen) sesuai PermenPAN-RB 88/2021',
          }),
        ],
      },
      {
        key: 'pelayanan',
        name: 'Meningkatnya kualitas pelayanan publik',
        lead: 'Sekretaris Daerah',
        inds: [
          lvl('Indeks Kepuasan Masyarakat (IKM) Kabupaten', 'indeks', [80, 83], {
            freq: 'semester',
            src: 'Survei Kepuasan Masyarakat, Bagian Organisasi Setda',
            def: 'Tingkat kepuasan masyarakat terhadap pelayanan publik yang diselenggarakan perangkat daerah.',
            fml: 'Σ (nilai rata-rata unsur pelayanan × bobot) × 25',
          }),
        ],
      },
      {
        key: 'ketertiban',
        name: 'Meningkatnya ketenteraman dan ketertiban umum',
        lead: 'Kepala Satuan Polisi Pamong Praja',
        inds: [
          lvl('Persentase pelanggaran Peraturan Daerah yang ditindaklanjuti', '%', [80, 90], {
            freq: 'quarterly',
            src: 'Satuan Polisi Pamong Praja',
            def: 'Persentase pelanggaran Peraturan Daerah dan Peraturan Bupati yang ditindaklanjuti sampai tuntas.',
            fml: '(Jumlah pelanggaran yang ditindaklanjuti / jumlah pelanggaran yang ditemukan) × 100%',
          }),
        ],
      },
    ],
  },
];
