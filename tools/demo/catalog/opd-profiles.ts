import { act, cnt, cov, goal, lvl, mean, obj, pct, prog, sub, type OpdProfile } from './spec';

/**
 * The agencies of Kabupaten Sukamaju with their own affairs (the governance sasaran and the
 * supporting program are added to each by supporting.ts). Nomenclature and codes follow
 * Permendagri 90/2019 (urusan.bidang.program.kegiatan.sub kegiatan); the names are plausible, the
 * numbers invented.
 */
export const AGENCIES: OpdProfile[] = [
  {
    name: 'Dinas Pendidikan',
    short: 'Disdik',
    urusan: '1.01',
    position: 'Kepala Dinas Pendidikan',
    grade: 'kepala',
    field: 'education',
    staff: [4200, 4600],
    bidang: ['Pembinaan Sekolah Dasar', 'Pembinaan Sekolah Menengah Pertama', 'Pembinaan PAUD dan Pendidikan Nonformal', 'Guru dan Tenaga Kependidikan'],
    source: 'Dapodik dan laporan bidang Dinas Pendidikan',
    mission: ['Memperluas akses pendidikan dasar yang merata dan inklusif', 'Meningkatkan mutu pendidik, tenaga kependidikan, dan hasil belajar'],
    publicService: true,
    goals: [
      goal(
        'Meningkatkan akses dan mutu pendidikan dasar',
        lvl('Rata-rata nilai Rapor Pendidikan jenjang pendidikan dasar', 'nilai', [58, 63], { freq: 'annual', src: 'Rapor Pendidikan Kemendikbudristek' }),
        [
          obj('Meningkatnya akses layanan pendidikan dasar', 'pendidikan', [
            lvl('Angka Partisipasi Murni (APM) SD/MI', '%', [96, 98.5], {
              freq: 'annual',
              fml: '(Jumlah siswa SD/MI usia 7–12 tahun / jumlah penduduk usia 7–12 tahun) × 100%',
              def: 'Proporsi penduduk usia 7–12 tahun yang bersekolah di SD/MI terhadap seluruh penduduk usia 7–12 tahun.',
            }),
            lvl('Angka Partisipasi Murni (APM) SMP/MTs', '%', [78, 84], {
              freq: 'annual',
              fml: '(Jumlah siswa SMP/MTs usia 13–15 tahun / jumlah penduduk usia 13–15 tahun) × 100%',
              def: 'Proporsi penduduk usia 13–15 tahun yang bersekolah di SMP/MTs terhadap seluruh penduduk usia 13–15 tahun.',
            }),
          ], [
            prog('02', 'Program Pengelolaan Pendidikan', 0, cov('Persentase satuan pendidikan dasar yang memenuhi standar sarana dan prasarana', [62, 70]), [
              act('2.01', 'Pengelolaan Pendidikan Sekolah Dasar', pct('Persentase siswa SD yang memperoleh layanan pendidikan sesuai SPM', [90, 96]), [
                sub('0009', 'Rehabilitasi Sedang/Berat Ruang Kelas Sekolah', cnt('Jumlah ruang kelas SD yang direhabilitasi', 'ruang', [24, 40], { freq: 'quarterly' })),
                sub('0026', 'Pengadaan Perlengkapan Sekolah'),
              ]),
              act('2.02', 'Pengelolaan Pendidikan Sekolah Menengah Pertama', pct('Persentase siswa SMP yang memperoleh layanan pendidikan sesuai SPM', [88, 94]), [
                sub('0009', 'Rehabilitasi Sedang/Berat Ruang Kelas Sekolah', cnt('Jumlah ruang kelas SMP yang direhabilitasi', 'ruang', [10, 20], { freq: 'quarterly' })),
              ]),
              act('2.04', 'Pengelolaan Pendidikan Anak Usia Dini (PAUD)', cov('Angka Partisipasi Kasar PAUD', [68, 76], { freq: 'semester' }), [
                sub('0018', 'Pembinaan Kelembagaan dan Manajemen Sekolah', cnt('Jumlah lembaga PAUD yang dibina', 'lembaga', [60, 90], { freq: 'semester' })),
              ]),
            ]),
          ]),
          obj('Meningkatnya mutu pendidik dan hasil belajar', 'pendidikan', [
            lvl('Persentase satuan pendidikan dengan capaian literasi minimal baik', '%', [55, 65], { freq: 'annual', src: 'Rapor Pendidikan Kemendikbudristek' }),
          ], [
            prog('04', 'Program Pendidik dan Tenaga Kependidikan', 3, lvl('Persentase guru berkualifikasi akademik S1/D-IV', '%', [92, 96], { freq: 'semester' }), [
              act(
                '2.01',
                'Pemerataan Kuantitas dan Kualitas Pendidik dan Tenaga Kependidikan bagi Satuan Pendidikan Dasar, PAUD, dan Pendidikan Nonformal',
                pct('Persentase pendidik yang mengikuti peningkatan kompetensi', [60, 75]),
                [
                  sub('0001', 'Perhitungan dan Pemetaan Pendidik dan Tenaga Kependidikan Satuan Pendidikan'),
                  sub('0003', 'Peningkatan Kompetensi dan Kualifikasi Pendidik', cnt('Jumlah guru yang mengikuti pelatihan peningkatan kompetensi', 'orang', [300, 600], { freq: 'quarterly' })),
                ],
              ),
            ]),
            prog('03', 'Program Pengembangan Kurikulum', 1, lvl('Persentase satuan pendidikan yang menerapkan Kurikulum Merdeka', '%', [70, 85], { freq: 'semester' }), [
              act('2.01', 'Penetapan Kurikulum Muatan Lokal Pendidikan Dasar', lvl('Jumlah satuan pendidikan yang menerapkan muatan lokal', 'sekolah', [120, 200], { freq: 'semester', dec: 0 }), [
                sub('0001', 'Penyusunan Kurikulum Muatan Lokal Pendidikan Dasar'),
              ]),
            ]),
          ]),
        ],
      ),
    ],
  },
  {
    name: 'Dinas Kesehatan',
    short: 'Dinkes',
    urusan: '1.02',
    position: 'Kepala Dinas Kesehatan',
    grade: 'kepala',
    field: 'health',
    staff: [1300, 1500],
    bidang: ['Kesehatan Masyarakat', 'Pencegahan dan Pengendalian Penyakit', 'Pelayanan dan Sumber Daya Kesehatan'],
    source: 'SIKDA dan laporan bulanan puskesmas',
    mission: ['Meningkatkan akses dan mutu pelayanan kesehatan dasar dan rujukan', 'Menggerakkan pemberdayaan masyarakat untuk hidup sehat'],
    publicService: true,
    goals: [
      goal('Meningkatkan derajat kesehatan masyarakat', undefined, [
        obj('Meningkatnya kualitas kesehatan ibu dan anak', 'kesehatan', [
          lvl('Angka Kematian Bayi (AKB)', 'per 1.000 kelahiran hidup', [9, 12], {
            pol: 'lower_better',
            freq: 'semester',
            def: 'Jumlah kematian bayi usia di bawah satu tahun per 1.000 kelahiran hidup.',
            fml: '(Jumlah kematian bayi < 1 tahun / jumlah kelahiran hidup) × 1.000',
          }),
          cnt('Jumlah kasus kematian ibu', 'kasus', [10, 14], {
            pol: 'lower_better',
            freq: 'quarterly',
            def: 'Jumlah kematian ibu pada masa kehamilan, persalinan, dan nifas yang dilaporkan fasilitas kesehatan.',
            fml: 'Σ kasus kematian ibu yang dilaporkan',
          }),
        ], [
          prog('02', 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat', 0, cov('Cakupan pelayanan kesehatan ibu hamil sesuai standar', [88, 95], { freq: 'monthly' }), [
            act(
              '2.02',
              'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota',
              cov('Cakupan persalinan di fasilitas pelayanan kesehatan', [90, 96], { freq: 'monthly' }),
              [
                sub('0001', 'Pengelolaan Pelayanan Kesehatan Ibu Hamil', cnt('Jumlah ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar', 'orang', [14000, 16500], { freq: 'monthly' })),
                sub('0003', 'Pengelolaan Pelayanan Kesehatan Bayi Baru Lahir', cnt('Jumlah bayi baru lahir yang mendapatkan pelayanan kesehatan sesuai standar', 'orang', [13000, 15500], { freq: 'monthly' })),
                sub('0004', 'Pengelolaan Pelayanan Kesehatan Balita'),
              ],
            ),
            act('2.01', 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota', cov('Persentase puskesmas terakreditasi paripurna', [40, 55], { freq: 'annual' }), [
              sub('0014', 'Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan'),
            ]),
          ]),
        ]),
        obj('Menurunnya angka kesakitan penyakit menular dan stunting', 'kesehatan', [
          lvl('Prevalensi balita stunting', '%', [17, 21], {
            pol: 'lower_better',
            freq: 'semester',
            src: 'e-PPGBM',
            fml: '(Jumlah balita stunting / jumlah balita yang diukur) × 100%',
            def: 'Persentase balita dengan tinggi badan menurut umur di bawah −2 standar deviasi median standar pertumbuhan WHO.',
          }),
          pct('Angka keberhasilan pengobatan tuberkulosis (success rate)', [88, 92], { freq: 'quarterly', src: 'SITB Kementerian Kesehatan' }),
        ], [
          prog('05', 'Program Pemberdayaan Masyarakat Bidang Kesehatan', 0, cov('Persentase desa yang melaksanakan Sanitasi Total Berbasis Masyarakat (STBM)', [70, 80], { freq: 'quarterly' }), [
            act('2.01', 'Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor Tingkat Daerah Kabupaten/Kota', cov('Cakupan imunisasi dasar lengkap', [92, 97], { freq: 'monthly' }), [
              sub('0001', 'Peningkatan Upaya Advokasi Kesehatan, Pemberdayaan, Penggalangan Kemitraan, Peran serta Masyarakat dan Lintas Sektor Tingkat Daerah Kabupaten/Kota', cnt('Jumlah posyandu aktif yang dibina', 'posyandu', [900, 1100], { freq: 'quarterly', cat: 'output' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    short: 'DPUPR',
    urusan: '1.03',
    position: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
    grade: 'kepala',
    field: 'engineering',
    staff: [380, 430],
    bidang: ['Bina Marga', 'Sumber Daya Air', 'Cipta Karya', 'Penataan Ruang'],
    source: 'Laporan kondisi jalan dan laporan bidang DPUPR',
    mission: ['Membangun dan memelihara jalan serta jembatan kabupaten yang mantap', 'Mengelola sumber daya air dan air minum secara berkelanjutan'],
    goals: [
      goal(
        'Meningkatkan kualitas infrastruktur jalan, jembatan, dan sumber daya air',
        lvl('Indeks aksesibilitas wilayah', 'indeks', [0.62, 0.68], { freq: 'annual', dec: 3 }),
        [
          obj('Meningkatnya kemantapan jalan dan jembatan kabupaten', 'infrastruktur', [
            lvl('Persentase panjang jalan kabupaten dalam kondisi mantap', '%', [72, 78], {
              freq: 'semester',
              fml: '(Panjang jalan kondisi baik + sedang / total panjang jalan kabupaten) × 100%',
              def: 'Persentase panjang jalan kabupaten dalam kondisi baik dan sedang terhadap total panjang jalan kabupaten.',
            }),
            lvl('Persentase jembatan kabupaten dalam kondisi baik', '%', [80, 86], { freq: 'annual' }),
          ], [
            prog('10', 'Program Penyelenggaraan Jalan', 0, lvl('Persentase panjang jalan kabupaten dalam kondisi rusak berat', '%', [8, 12], { pol: 'lower_better', freq: 'semester' }), [
              act('2.01', 'Penyelenggaraan Jalan Kabupaten/Kota', cnt('Panjang jalan kabupaten yang direkonstruksi dan direhabilitasi', 'km', [28, 45], { freq: 'quarterly', dec: 2 }), [
                sub('0011', 'Rekonstruksi Jalan', cnt('Panjang jalan yang direkonstruksi', 'km', [12, 20], { freq: 'quarterly', dec: 2 })),
                sub('0015', 'Rehabilitasi Jalan', cnt('Panjang jalan yang direhabilitasi', 'km', [16, 25], { freq: 'quarterly', dec: 2 })),
                sub('0019', 'Pemeliharaan Rutin Jalan', cnt('Panjang jalan yang dipelihara rutin', 'km', [380, 450], { freq: 'monthly', dec: 2 })),
              ]),
              act('2.02', 'Pembangunan dan Pemeliharaan Jembatan', cnt('Jumlah jembatan yang dibangun dan direhabilitasi', 'unit', [6, 10], { freq: 'semester' }), [
                sub('0004', 'Rehabilitasi Jembatan'),
              ]),
            ]),
          ]),
          obj('Meningkatnya layanan sumber daya air dan air minum', 'infrastruktur', [
            lvl('Persentase luas daerah irigasi kewenangan kabupaten dalam kondisi baik', '%', [68, 75], { freq: 'annual' }),
          ], [
            prog('02', 'Program Pengelolaan Sumber Daya Air (SDA)', 1, cov('Persentase jaringan irigasi yang direhabilitasi', [20, 30], { freq: 'quarterly' }), [
              act('2.03', 'Pengembangan dan Pengelolaan Sistem Irigasi Primer dan Sekunder pada Daerah Irigasi yang Luasnya dibawah 1000 Ha dalam 1 (satu) Daerah Kabupaten/Kota', cnt('Luas daerah irigasi yang direhabilitasi', 'ha', [450, 700], { freq: 'quarterly' }), [
                sub('0011', 'Rehabilitasi Jaringan Irigasi Permukaan', cnt('Panjang saluran irigasi yang direhabilitasi', 'meter', [4000, 7500], { freq: 'quarterly' })),
              ]),
            ]),
            prog('03', 'Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum', 2, cov('Persentase rumah tangga yang terlayani air minum perpipaan', [45, 55], { freq: 'semester' }), [
              act('2.01', 'Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum (SPAM) di Daerah Kabupaten/Kota', cnt('Jumlah sambungan rumah baru air minum', 'sambungan rumah', [1200, 2000], { freq: 'monthly' }), [
                sub('0011', 'Perluasan SPAM Jaringan Perpipaan'),
              ]),
            ]),
          ]),
        ],
      ),
    ],
  },
  {
    name: 'Satuan Polisi Pamong Praja',
    short: 'Satpol PP',
    urusan: '1.05',
    position: 'Kepala Satuan Polisi Pamong Praja',
    grade: 'kepala',
    field: 'law',
    staff: [210, 250],
    bidang: ['Penegakan Peraturan Daerah', 'Ketertiban Umum dan Ketenteraman Masyarakat', 'Perlindungan Masyarakat'],
    source: 'Laporan operasional Satpol PP',
    mission: ['Menegakkan Peraturan Daerah secara humanis dan konsisten', 'Mewujudkan ketenteraman dan ketertiban umum'],
    goals: [
      goal('Mewujudkan ketenteraman dan ketertiban umum serta perlindungan masyarakat', undefined, [
        obj('Meningkatnya penegakan Peraturan Daerah', 'ketertiban', [
          lvl('Persentase penegakan Peraturan Daerah dan Peraturan Kepala Daerah', '%', [82, 90], {
            freq: 'quarterly',
            fml: '(Jumlah pelanggaran Perda/Perkada yang ditindaklanjuti / jumlah pelanggaran yang ditemukan) × 100%',
          }),
        ], [
          prog('02', 'Program Peningkatan Ketenteraman dan Ketertiban Umum', 0, pct('Persentase gangguan ketenteraman dan ketertiban umum yang tertangani', [85, 95]), [
            act('2.01', 'Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (satu) Daerah Kabupaten/Kota', cnt('Jumlah operasi penertiban yang dilaksanakan', 'kali', [96, 144], { freq: 'monthly' }), [
              sub('0001', 'Deteksi Dini dan Pencegahan Gangguan Ketenteraman dan Ketertiban Umum', cnt('Jumlah laporan deteksi dini gangguan trantibum', 'laporan', [12, 12], { freq: 'monthly' })),
              sub('0003', 'Penertiban Gangguan Ketenteraman dan Ketertiban Umum'),
            ]),
            act('2.02', 'Penegakan Peraturan Daerah Kabupaten/Kota dan Peraturan Bupati/Wali Kota', cnt('Jumlah pelanggar Perda yang ditindak', 'kasus', [180, 260], { freq: 'quarterly' }), [
              sub('0001', 'Pengawasan atas Kepatuhan terhadap Perda dan Perkada'),
            ]),
          ]),
        ]),
        obj('Meningkatnya kapasitas perlindungan masyarakat', 'ketertiban', [
          lvl('Persentase anggota Satlinmas yang terlatih', '%', [55, 70], { freq: 'annual' }),
        ], [
          prog('03', 'Program Peningkatan Kapasitas Perlindungan Masyarakat', 2, cnt('Jumlah anggota Satlinmas yang mendapat pelatihan', 'orang', [300, 500], { freq: 'semester' }), [
            act('2.01', 'Pelatihan dan Pemberdayaan Satuan Perlindungan Masyarakat', pct('Persentase desa dengan Satlinmas aktif', [75, 90]), [
              sub('0002', 'Pelatihan Dasar Satuan Perlindungan Masyarakat', cnt('Jumlah anggota Satlinmas yang mengikuti pelatihan dasar', 'orang', [200, 360], { freq: 'semester' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Sosial',
    short: 'Dinsos',
    urusan: '1.06',
    position: 'Kepala Dinas Sosial',
    grade: 'kepala',
    field: 'social',
    staff: [90, 120],
    bidang: ['Rehabilitasi Sosial', 'Perlindungan dan Jaminan Sosial', 'Pemberdayaan Sosial dan Penanganan Fakir Miskin'],
    source: 'DTKS dan SIKS-NG Kementerian Sosial',
    mission: ['Meningkatkan perlindungan dan jaminan sosial bagi penduduk miskin dan rentan', 'Memperkuat rehabilitasi dan pemberdayaan sosial'],
    publicService: true,
    goals: [
      goal('Meningkatkan kesejahteraan sosial penduduk miskin dan rentan', lvl('Persentase penduduk miskin', '%', [8.5, 9.5], { pol: 'lower_better', freq: 'annual', src: 'BPS Kabupaten Sukamaju' }), [
        obj('Meningkatnya penanganan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)', 'sosial', [
          pct('Persentase PPKS yang tertangani', [70, 80], { freq: 'quarterly', fml: '(Jumlah PPKS yang memperoleh pelayanan / jumlah PPKS yang teridentifikasi) × 100%' }),
        ], [
          prog('04', 'Program Rehabilitasi Sosial', 0, pct('Persentase penyandang disabilitas terlantar yang direhabilitasi', [60, 75]), [
            act('2.01', 'Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial', cnt('Jumlah PPKS yang mendapatkan rehabilitasi sosial dasar', 'orang', [600, 900], { freq: 'monthly' }), [
              sub('0003', 'Pemberian Pelayanan Reunifikasi Keluarga', cnt('Jumlah orang yang mendapatkan layanan reunifikasi keluarga', 'orang', [24, 48], { freq: 'quarterly' })),
              sub('0006', 'Pemberian Permakanan'),
            ]),
          ]),
        ]),
        obj('Meningkatnya ketepatan sasaran perlindungan dan jaminan sosial', 'sosial', [
          lvl('Persentase data terpadu kesejahteraan sosial (DTKS) yang diperbarui', '%', [85, 95], { freq: 'quarterly' }),
        ], [
          prog('05', 'Program Perlindungan dan Jaminan Sosial', 1, pct('Persentase korban bencana yang terpenuhi kebutuhan dasarnya', [95, 100]), [
            act('2.01', 'Pemeliharaan Anak-Anak Terlantar', undefined, [sub('0001', 'Pengasuhan Anak Terlantar')]),
            act('2.02', 'Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota', cnt('Jumlah rumah tangga miskin yang diverifikasi dan divalidasi', 'rumah tangga', [18000, 24000], { freq: 'quarterly' }), [
              sub('0001', 'Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota', cnt('Jumlah desa yang melakukan musyawarah desa pemutakhiran DTKS', 'desa', [150, 210], { freq: 'semester' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Lingkungan Hidup',
    short: 'DLH',
    urusan: '2.11',
    position: 'Kepala Dinas Lingkungan Hidup',
    grade: 'kepala',
    field: 'engineering',
    staff: [260, 320],
    bidang: ['Pengelolaan Sampah dan Limbah B3', 'Tata Lingkungan', 'Pengendalian Pencemaran dan Kerusakan Lingkungan'],
    source: 'Laporan bidang DLH dan SIPSN KLHK',
    mission: ['Mengendalikan pencemaran dan kerusakan lingkungan hidup', 'Meningkatkan pengelolaan sampah yang terpadu'],
    goals: [
      goal('Meningkatkan kualitas lingkungan hidup', lvl('Indeks Kualitas Lingkungan Hidup (IKLH)', 'indeks', [66, 70], { freq: 'annual' }), [
        obj('Meningkatnya pengelolaan sampah', 'lingkungan', [
          cov('Persentase sampah yang tertangani', [62, 72], { freq: 'quarterly', fml: '(Volume sampah yang tertangani / volume timbulan sampah) × 100%', src: 'SIPSN KLHK' }),
          cov('Persentase pengurangan sampah', [18, 24], { freq: 'quarterly' }),
        ], [
          prog('08', 'Program Pengelolaan Persampahan', 0, cnt('Volume sampah yang diangkut ke TPA', 'ton', [42000, 50000], { freq: 'monthly' }), [
            act('2.01', 'Pengelolaan Sampah', cnt('Jumlah bank sampah aktif', 'unit', [110, 150], { freq: 'semester' }), [
              sub('0007', 'Penyediaan Sarana dan Prasarana Pengelolaan Sampah', cnt('Jumlah armada pengangkut sampah yang dioperasikan', 'unit', [38, 45], { freq: 'quarterly' })),
              sub('0004', 'Pemrosesan Sampah di TPA'),
            ]),
          ]),
        ]),
        obj('Menurunnya pencemaran lingkungan', 'lingkungan', [lvl('Indeks Kualitas Air', 'indeks', [52, 58], { freq: 'semester' })], [
          prog('03', 'Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup', 2, pct('Persentase usaha/kegiatan yang taat terhadap izin lingkungan', [70, 82]), [
            act('2.01', 'Pencegahan Pencemaran dan/atau Kerusakan Lingkungan Hidup', cnt('Jumlah titik pemantauan kualitas air sungai', 'titik', [24, 32], { freq: 'semester' }), [
              sub('0001', 'Pelaksanaan Pemantauan Kualitas Lingkungan'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    short: 'Disdukcapil',
    urusan: '2.12',
    position: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
    grade: 'kepala',
    field: 'government',
    staff: [110, 140],
    bidang: ['Pelayanan Pendaftaran Penduduk', 'Pelayanan Pencatatan Sipil', 'Pengelolaan Informasi Administrasi Kependudukan'],
    source: 'SIAK Terpusat',
    mission: ['Meningkatkan kepemilikan dokumen kependudukan', 'Mewujudkan pelayanan administrasi kependudukan yang cepat dan tepat'],
    publicService: true,
    goals: [
      goal('Meningkatkan kualitas layanan administrasi kependudukan', undefined, [
        obj('Meningkatnya kepemilikan dokumen kependudukan', 'pelayanan', [
          lvl('Persentase penduduk wajib KTP yang memiliki KTP-el', '%', [97, 99.2], { freq: 'quarterly', fml: '(Jumlah penduduk wajib KTP yang memiliki KTP-el / jumlah penduduk wajib KTP) × 100%' }),
          lvl('Persentase anak usia 0–18 tahun yang memiliki akta kelahiran', '%', [93, 97], { freq: 'quarterly' }),
        ], [
          prog('02', 'Program Pendaftaran Penduduk', 0, cnt('Jumlah KTP-el yang diterbitkan', 'keping', [38000, 46000], { freq: 'monthly' }), [
            act('2.01', 'Pelayanan Pendaftaran Penduduk', pct('Persentase layanan pendaftaran penduduk yang selesai dalam 1 hari', [85, 95]), [
              sub('0001', 'Penyediaan Dokumen Hasil Pelayanan Pendaftaran Penduduk', cnt('Jumlah dokumen pendaftaran penduduk yang diterbitkan', 'dokumen', [90000, 120000], { freq: 'monthly' })),
            ]),
          ]),
          prog('03', 'Program Pencatatan Sipil', 1, cnt('Jumlah akta pencatatan sipil yang diterbitkan', 'akta', [42000, 52000], { freq: 'monthly' }), [
            act('2.01', 'Pelayanan Pencatatan Sipil', undefined, [
              sub('0001', 'Penyediaan Dokumen Hasil Pelayanan Pencatatan Sipil', cnt('Jumlah akta kelahiran yang diterbitkan', 'akta', [30000, 38000], { freq: 'monthly' })),
            ]),
          ]),
        ]),
        obj('Meningkatnya pemanfaatan data kependudukan', 'pelayanan', [cnt('Jumlah lembaga pengguna yang memanfaatkan data kependudukan', 'lembaga', [40, 60], { freq: 'semester' })], [
          prog('04', 'Program Pengelolaan Informasi Administrasi Kependudukan', 2, pct('Persentase ketersediaan layanan SIAK (uptime)', [97, 99.5], { freq: 'monthly' }), [
            act('2.01', 'Pengumpulan Data Kependudukan dan Pemanfaatan dan Penyajian Database Kependudukan', cnt('Jumlah perjanjian kerja sama pemanfaatan data kependudukan', 'dokumen', [8, 14], { freq: 'semester' }), [
              sub('0001', 'Pengumpulan Data Kependudukan'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Perhubungan',
    short: 'Dishub',
    urusan: '2.15',
    position: 'Kepala Dinas Perhubungan',
    grade: 'kepala',
    field: 'engineering',
    staff: [170, 210],
    bidang: ['Lalu Lintas', 'Angkutan', 'Sarana dan Prasarana Perhubungan'],
    source: 'Laporan bidang Dinas Perhubungan dan data kepolisian',
    mission: ['Meningkatkan keselamatan dan kelancaran lalu lintas', 'Meningkatkan pelayanan angkutan umum'],
    goals: [
      goal('Meningkatkan kualitas layanan transportasi yang aman dan lancar', undefined, [
        obj('Meningkatnya keselamatan lalu lintas', 'infrastruktur', [
          cnt('Jumlah kejadian kecelakaan lalu lintas', 'kejadian', [320, 400], { pol: 'lower_better', freq: 'quarterly', src: 'Satlantas Polres Sukamaju' }),
        ], [
          prog('02', 'Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)', 0, cov('Persentase ruas jalan kabupaten yang dilengkapi perlengkapan jalan', [55, 65], { freq: 'semester' }), [
            act('2.01', 'Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota', undefined, [sub('0001', 'Penyusunan Rencana Induk Jaringan LLAJ')]),
            act('2.02', 'Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota', cnt('Jumlah rambu lalu lintas yang dipasang', 'unit', [180, 260], { freq: 'quarterly' }), [
              sub('0001', 'Pengadaan Rambu Lalu Lintas', cnt('Jumlah rambu lalu lintas yang diadakan', 'unit', [180, 260], { freq: 'quarterly' })),
              sub('0004', 'Pemasangan Alat Penerangan Jalan', cnt('Jumlah titik penerangan jalan umum yang dipasang', 'titik', [300, 450], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
        obj('Meningkatnya kelaikan kendaraan angkutan umum', undefined, [
          pct('Persentase kendaraan wajib uji yang lulus uji berkala', [88, 94], { freq: 'monthly' }),
        ], [
          prog('03', 'Program Pengujian Kendaraan Bermotor', 2, undefined, [
            act('2.01', 'Pelaksanaan Pengujian Berkala Kendaraan Bermotor', cnt('Jumlah kendaraan yang diuji berkala', 'unit', [9000, 12000], { freq: 'monthly' }), [
              sub('0001', 'Pengujian Berkala Kendaraan Bermotor'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Komunikasi dan Informatika',
    short: 'Diskominfo',
    urusan: '2.16',
    position: 'Kepala Dinas Komunikasi dan Informatika',
    grade: 'kepala',
    field: 'informatics',
    staff: [70, 95],
    bidang: ['Informasi dan Komunikasi Publik', 'Aplikasi Informatika', 'Statistik dan Persandian'],
    source: 'Laporan bidang Diskominfo',
    mission: ['Mewujudkan pemerintahan berbasis elektronik yang terpadu', 'Meningkatkan keterbukaan informasi publik'],
    goals: [
      goal('Mewujudkan tata kelola pemerintahan berbasis elektronik', undefined, [
        obj('Meningkatnya kematangan Sistem Pemerintahan Berbasis Elektronik (SPBE)', 'pelayanan', [
          lvl('Indeks SPBE', 'indeks', [2.6, 3.0], { freq: 'annual', src: 'Hasil evaluasi SPBE Kementerian PANRB', def: 'Nilai hasil evaluasi penerapan SPBE pada skala 1–5.' }),
        ], [
          prog('03', 'Program Aplikasi Informatika', 1, cov('Persentase perangkat daerah yang terhubung jaringan intra pemerintah', [80, 92], { freq: 'semester' }), [
            act('2.01', 'Pengelolaan Nama Domain yang telah Ditetapkan oleh Pemerintah Pusat dan Sub Domain di Lingkup Pemerintah Daerah Kabupaten/Kota', lvl('Jumlah aplikasi layanan publik terintegrasi', 'aplikasi', [18, 26], { freq: 'semester', dec: 0 }), [
              sub('0001', 'Pengelolaan Nama Domain dan Sub Domain'),
            ]),
            act('2.02', 'Pengelolaan e-Government di Lingkup Pemerintah Daerah Kabupaten/Kota', pct('Persentase ketersediaan layanan pusat data (uptime)', [97, 99.5], { freq: 'monthly' }), [
              sub('0005', 'Pengelolaan Pusat Data Daerah', cnt('Jumlah insiden keamanan informasi yang tertangani', 'insiden', [20, 36], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
        obj('Meningkatnya keterbukaan informasi publik', 'pelayanan', [lvl('Nilai keterbukaan informasi publik', 'nilai', [78, 86], { freq: 'annual', src: 'Komisi Informasi Provinsi' })], [
          prog('02', 'Program Informasi dan Komunikasi Publik', 0, cnt('Jumlah konten informasi publik yang dipublikasikan', 'konten', [1200, 1600], { freq: 'monthly' }), [
            act('2.01', 'Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota', undefined, [
              sub('0002', 'Penyelenggaraan Hubungan Masyarakat, Media dan Kemitraan Komunitas'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Koperasi dan Usaha Kecil Menengah',
    short: 'Diskopukm',
    urusan: '2.17',
    position: 'Kepala Dinas Koperasi dan Usaha Kecil Menengah',
    grade: 'kepala',
    field: 'economics',
    staff: [60, 80],
    bidang: ['Kelembagaan dan Pengawasan Koperasi', 'Pemberdayaan Usaha Mikro', 'Pengembangan UKM'],
    source: 'ODS Kementerian Koperasi dan UKM',
    mission: ['Meningkatkan kualitas kelembagaan koperasi', 'Meningkatkan daya saing usaha mikro, kecil, dan menengah'],
    goals: [
      goal('Meningkatkan daya saing koperasi dan UMKM', undefined, [
        obj('Meningkatnya koperasi yang sehat', 'investasi', [cov('Persentase koperasi aktif', [62, 70], { freq: 'semester' })], [
          prog('05', 'Program Pengawasan dan Pemeriksaan Koperasi', 0, cnt('Jumlah koperasi yang diperiksa dan dinilai kesehatannya', 'koperasi', [80, 120], { freq: 'quarterly' }), [
            act('2.01', 'Pemeriksaan dan Pengawasan Koperasi yang Wilayah Keanggotaannya dalam Daerah Kabupaten/Kota', pct('Persentase koperasi berpredikat sehat', [40, 55], { freq: 'semester' }), [
              sub('0001', 'Pemeriksaan dan Pengawasan Koperasi'),
            ]),
          ]),
        ]),
        obj('Meningkatnya usaha mikro yang naik kelas', 'investasi', [
          cnt('Jumlah usaha mikro yang naik kelas', 'unit usaha', [220, 320], { freq: 'quarterly', def: 'Jumlah usaha mikro yang meningkat skala usahanya menjadi usaha kecil berdasarkan omzet dan tenaga kerja.' }),
        ], [
          prog('10', 'Program Pemberdayaan Usaha Mikro yang Dilakukan Melalui Pendataan, Kemitraan, Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan', 1, cnt('Jumlah usaha mikro yang mendapatkan pendampingan', 'unit usaha', [800, 1200], { freq: 'monthly' }), [
            act('2.01', 'Pemberdayaan Usaha Mikro yang Dilakukan Melalui Pendataan, Kemitraan, Kemudahan Perizinan, Penguatan Kelembagaan dan Koordinasi dengan Para Pemangku Kepentingan', cnt('Jumlah usaha mikro yang memperoleh Nomor Induk Berusaha', 'unit usaha', [1500, 2400], { freq: 'monthly' }), [
              sub('0002', 'Fasilitasi Kemudahan Perizinan bagi Usaha Mikro', cnt('Jumlah usaha mikro yang difasilitasi perizinan', 'unit usaha', [1500, 2400], { freq: 'monthly' })),
              sub('0006', 'Pelatihan Kewirausahaan', cnt('Jumlah pelaku usaha mikro yang mengikuti pelatihan kewirausahaan', 'orang', [300, 480], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    short: 'DPMPTSP',
    urusan: '2.18',
    position: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    grade: 'kepala',
    field: 'economics',
    staff: [55, 75],
    bidang: ['Pelayanan Perizinan', 'Promosi dan Pengembangan Iklim Penanaman Modal', 'Pengendalian Pelaksanaan Penanaman Modal'],
    source: 'OSS RBA dan LKPM',
    mission: ['Meningkatkan iklim investasi yang kondusif', 'Mewujudkan pelayanan perizinan yang cepat, mudah, dan transparan'],
    publicService: true,
    goals: [
      goal('Meningkatkan investasi daerah melalui pelayanan perizinan yang prima', undefined, [
        obj('Meningkatnya realisasi investasi', 'investasi', [
          cnt('Nilai realisasi investasi PMDN dan PMA', 'miliar rupiah', [850, 1100], { freq: 'quarterly', dec: 2, src: 'LKPM Kementerian Investasi/BKPM' }),
        ], [
          prog('02', 'Program Pengembangan Iklim Penanaman Modal', 1, pct('Persentase pelaku usaha yang menyampaikan LKPM', [60, 75]), [
            act('2.01', 'Penetapan Pemberian Fasilitas/Insentif dalam Bidang Penanaman Modal yang Menjadi Kewenangan Daerah Kabupaten/Kota', undefined, [
              sub('0001', 'Penyusunan Kebijakan Pemberian Insentif dan Kemudahan Penanaman Modal'),
            ]),
          ]),
          prog('03', 'Program Promosi Penanaman Modal', 1, cnt('Jumlah minat investasi yang diperoleh', 'proyek', [12, 20], { freq: 'semester' }), [
            act('2.01', 'Penyelenggaraan Promosi Penanaman Modal yang Menjadi Kewenangan Daerah Kabupaten/Kota', cnt('Jumlah kegiatan promosi investasi', 'kegiatan', [4, 8], { freq: 'semester' }), [
              sub('0001', 'Pelaksanaan Kegiatan Promosi Penanaman Modal Daerah Kabupaten/Kota'),
            ]),
          ]),
        ]),
        obj('Meningkatnya kualitas pelayanan perizinan', 'pelayanan', [
          mean('Rata-rata waktu penyelesaian perizinan berusaha', 'hari', [4, 6], { pol: 'lower_better', freq: 'monthly', dec: 1 }),
        ], [
          prog('04', 'Program Pelayanan Penanaman Modal', 0, pct('Persentase perizinan yang diterbitkan tepat waktu', [90, 97], { freq: 'monthly' }), [
            act('2.01', 'Pelayanan Perizinan dan Non Perizinan secara Terpadu Satu Pintu di Bidang Penanaman Modal yang Menjadi Kewenangan Daerah Kabupaten/Kota', cnt('Jumlah izin dan non izin yang diterbitkan', 'izin', [5200, 6800], { freq: 'monthly' }), [
              sub('0001', 'Penyediaan Pelayanan Terpadu Perizinan dan Nonperizinan Berbasis Sistem Pelayanan Perizinan Berusaha Terintegrasi secara Elektronik', cnt('Jumlah Nomor Induk Berusaha yang diterbitkan', 'NIB', [4200, 5600], { freq: 'monthly' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Pariwisata dan Kebudayaan',
    short: 'Disparbud',
    urusan: '3.26',
    position: 'Kepala Dinas Pariwisata dan Kebudayaan',
    grade: 'kepala',
    field: 'economics',
    staff: [65, 85],
    bidang: ['Destinasi Pariwisata', 'Pemasaran Pariwisata dan Ekonomi Kreatif', 'Kebudayaan'],
    source: 'Laporan pengelola daya tarik wisata',
    mission: ['Mengembangkan destinasi wisata berbasis alam dan budaya', 'Meningkatkan promosi pariwisata dan ekonomi kreatif'],
    goals: [
      goal('Meningkatkan kontribusi sektor pariwisata terhadap perekonomian daerah', undefined, [
        obj('Meningkatnya kunjungan wisatawan', 'pertanian', [
          cnt('Jumlah kunjungan wisatawan', 'orang', [450000, 520000], { freq: 'monthly', src: 'Laporan pengelola daya tarik wisata', fml: 'Σ kunjungan wisatawan nusantara + Σ kunjungan wisatawan mancanegara' }),
          mean('Rata-rata lama tinggal wisatawan', 'hari', [1.4, 1.8], { freq: 'quarterly', dec: 2 }),
        ], [
          prog('02', 'Program Peningkatan Daya Tarik Destinasi Pariwisata', 0, cov('Persentase daya tarik wisata yang dikelola sesuai standar', [45, 60], { freq: 'semester' }), [
            act('2.01', 'Pengelolaan Daya Tarik Wisata Kabupaten/Kota', cnt('Jumlah daya tarik wisata yang ditingkatkan sarana prasarananya', 'lokasi', [6, 10], { freq: 'semester' }), [
              sub('0001', 'Pembangunan Sarana dan Prasarana Daya Tarik Wisata'),
            ]),
          ]),
          prog('03', 'Program Pemasaran Pariwisata', 1, cnt('Jumlah event pariwisata yang diselenggarakan', 'event', [10, 16], { freq: 'quarterly' }), [
            act('2.01', 'Pemasaran Pariwisata Dalam dan Luar Negeri Daya Tarik, Destinasi dan Kawasan Strategis Pariwisata Kabupaten/Kota', undefined, [
              sub('0002', 'Pelaksanaan Kegiatan Promosi Pariwisata', cnt('Jumlah kegiatan promosi pariwisata', 'kegiatan', [8, 14], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
        obj('Meningkatnya pelestarian kebudayaan daerah', undefined, [cnt('Jumlah objek pemajuan kebudayaan yang dilestarikan', 'objek', [14, 22], { freq: 'semester' })], [
          prog('2.22.02', 'Program Pengembangan Kebudayaan', 2, cnt('Jumlah kelompok seni budaya yang dibina', 'kelompok', [60, 90], { freq: 'semester' }), [
            act('2.01', 'Pelestarian Kesenian Tradisional yang Masyarakat Pelakunya dalam Daerah Kabupaten/Kota', cnt('Jumlah pagelaran seni tradisional', 'kegiatan', [12, 20], { freq: 'quarterly' }), [
              sub('0002', 'Pembinaan Kesenian Tradisional'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Pertanian',
    short: 'Distan',
    urusan: '3.27',
    position: 'Kepala Dinas Pertanian',
    grade: 'kepala',
    field: 'agriculture',
    staff: [310, 370],
    bidang: ['Tanaman Pangan', 'Hortikultura dan Perkebunan', 'Peternakan dan Kesehatan Hewan', 'Penyuluhan'],
    source: 'Laporan statistik pertanian (SP) dan BPP',
    mission: ['Meningkatkan produksi dan produktivitas pertanian', 'Meningkatkan kesejahteraan petani dan peternak'],
    goals: [
      goal('Meningkatkan produksi dan nilai tambah pertanian', mean('Nilai Tukar Petani (NTP)', 'indeks', [102, 105], { freq: 'monthly', dec: 2, src: 'BPS Kabupaten Sukamaju' }), [
        obj('Meningkatnya produksi tanaman pangan', 'pertanian', [
          cnt('Produksi padi', 'ton GKG', [310000, 345000], { freq: 'quarterly', src: 'Statistik Pertanian Tanaman Pangan' }),
          lvl('Produktivitas padi', 'kuintal/ha', [58, 62], { freq: 'semester' }),
        ], [
          prog('03', 'Program Penyediaan dan Pengembangan Prasarana Pertanian', 0, cnt('Luas lahan yang mendapatkan layanan irigasi tersier', 'ha', [1800, 2600], { freq: 'quarterly' }), [
            act('2.02', 'Pembangunan Prasarana Pertanian', cnt('Jumlah jaringan irigasi tersier dan jalan usaha tani yang dibangun', 'unit', [30, 48], { freq: 'quarterly' }), [
              sub('0007', 'Pembangunan, Rehabilitasi dan Pemeliharaan Jalan Usaha Tani', cnt('Panjang jalan usaha tani yang dibangun', 'km', [12, 20], { freq: 'quarterly', dec: 2 })),
            ]),
          ]),
          prog('02', 'Program Penyediaan dan Pengembangan Sarana Pertanian', 0, pct('Persentase kebutuhan pupuk bersubsidi yang terpenuhi', [85, 95], { freq: 'monthly' }), [
            act('2.01', 'Pengawasan Penggunaan Sarana Pendukung Pertanian Sesuai dengan Komoditas, Teknologi dan Spesifik Lokasi', undefined, [
              sub('0001', 'Pengawasan Penggunaan Sarana Pertanian'),
            ]),
          ]),
        ]),
        obj('Meningkatnya populasi dan kesehatan ternak', undefined, [cnt('Jumlah populasi ternak sapi potong', 'ekor', [24000, 28000], { freq: 'annual' })], [
          prog('06', 'Program Pengendalian dan Penanggulangan Bencana Pertanian', 2, pct('Persentase kasus penyakit hewan menular yang tertangani', [88, 96]), [
            act('2.01', 'Pengendalian dan Penanggulangan Bencana Pertanian Kabupaten/Kota', cnt('Jumlah ternak yang divaksinasi', 'ekor', [18000, 26000], { freq: 'monthly' }), [
              sub('0002', 'Pengendalian Penyakit Hewan Menular', cnt('Jumlah dosis vaksin PMK dan LSD yang diberikan', 'dosis', [18000, 26000], { freq: 'monthly' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Sekretariat Daerah',
    short: 'Setda',
    urusan: '4.01',
    position: 'Sekretaris Daerah',
    grade: 'sekda',
    field: 'government',
    staff: [280, 330],
    bidang: ['Pemerintahan dan Kesejahteraan Rakyat', 'Perekonomian dan Pembangunan', 'Administrasi Umum'],
    source: 'Laporan bagian Sekretariat Daerah',
    mission: ['Meningkatkan kualitas koordinasi penyelenggaraan pemerintahan daerah', 'Meningkatkan kualitas kebijakan dan pelayanan administrasi pimpinan'],
    goals: [
      goal('Meningkatkan kualitas koordinasi penyelenggaraan pemerintahan daerah', lvl('Indeks Reformasi Birokrasi', 'nilai', [62, 66], { freq: 'annual', src: 'Kementerian PANRB' }), [
        obj('Meningkatnya kualitas kebijakan dan pelayanan pengadaan', 'akuntabilitas', [
          lvl('Nilai Indeks Tata Kelola Pengadaan Barang/Jasa', 'nilai', [70, 80], { freq: 'annual', src: 'LKPP' }),
          pct('Persentase produk hukum daerah yang ditetapkan tepat waktu', [85, 95], { freq: 'quarterly' }),
        ], [
          prog('02', 'Program Pemerintahan dan Kesejahteraan Rakyat', 0, cnt('Jumlah produk hukum daerah yang difasilitasi', 'produk hukum', [80, 120], { freq: 'quarterly' }), [
            act('2.03', 'Fasilitasi dan Koordinasi Hukum', cnt('Jumlah rancangan peraturan yang difasilitasi', 'dokumen', [60, 90], { freq: 'quarterly' }), [
              sub('0001', 'Fasilitasi Penyusunan Produk Hukum Daerah', cnt('Jumlah Peraturan Bupati yang diundangkan', 'dokumen', [50, 80], { freq: 'quarterly' })),
            ]),
          ]),
          prog('03', 'Program Perekonomian dan Pembangunan', 1, pct('Persentase paket pengadaan yang selesai tepat waktu', [88, 96], { freq: 'quarterly' }), [
            act('2.03', 'Pengelolaan Pengadaan Barang dan Jasa', cnt('Jumlah paket tender yang diproses', 'paket', [180, 260], { freq: 'monthly' }), [
              sub('0001', 'Pengelolaan Pengadaan Barang dan Jasa'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Badan Perencanaan Pembangunan Daerah',
    short: 'Bappeda',
    urusan: '5.01',
    position: 'Kepala Badan Perencanaan Pembangunan Daerah',
    grade: 'kepala',
    field: 'economics',
    staff: [60, 80],
    bidang: ['Perencanaan Pemerintahan dan Pembangunan Manusia', 'Perekonomian, Infrastruktur, dan Kewilayahan', 'Pengendalian, Evaluasi, dan Data'],
    source: 'SIPD Perencanaan dan laporan Bappeda',
    mission: ['Mewujudkan perencanaan pembangunan yang terpadu dan berbasis data', 'Meningkatkan kualitas pengendalian dan evaluasi pembangunan'],
    goals: [
      goal('Meningkatkan kualitas perencanaan dan pengendalian pembangunan daerah', undefined, [
        obj('Meningkatnya konsistensi perencanaan dan penganggaran', 'akuntabilitas', [
          pct('Persentase konsistensi program RPJMD dalam RKPD', [92, 98], { freq: 'annual', fml: '(Jumlah program RPJMD yang dimuat dalam RKPD / jumlah program RPJMD tahun berkenaan) × 100%' }),
          lvl('Nilai evaluasi dokumen perencanaan (penghargaan pembangunan daerah)', 'nilai', [72, 80], { freq: 'annual' }),
        ], [
          prog('02', 'Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah', 2, pct('Persentase dokumen perencanaan daerah yang ditetapkan tepat waktu', [95, 100]), [
            act('2.01', 'Penyusunan Perencanaan dan Pendanaan', cnt('Jumlah dokumen perencanaan daerah yang disusun', 'dokumen', [6, 8], { freq: 'semester' }), [
              sub('0003', 'Penyusunan Dokumen Perencanaan Pembangunan Daerah Bidang Perekonomian, Infrastruktur dan Kewilayahan', cnt('Jumlah dokumen RKPD dan perubahannya', 'dokumen', [2, 2], { freq: 'semester' })),
              sub('0005', 'Koordinasi Penyelenggaraan Musrenbang'),
            ]),
            act('2.03', 'Pengendalian, Evaluasi dan Pelaporan Pembangunan Daerah', pct('Persentase perangkat daerah yang menyampaikan laporan evaluasi RKPD tepat waktu', [85, 95], { freq: 'quarterly' }), [
              sub('0001', 'Pengendalian dan Evaluasi Pelaksanaan RKPD', cnt('Jumlah laporan pengendalian dan evaluasi RKPD', 'laporan', [4, 4], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
        obj('Meningkatnya pemanfaatan data dan inovasi dalam perencanaan', undefined, [cnt('Jumlah inovasi daerah yang diterapkan', 'inovasi', [20, 35], { freq: 'semester' })], [
          prog('03', 'Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah', 0, pct('Persentase perangkat daerah yang memutakhirkan data sektoral', [75, 90], { freq: 'quarterly' }), [
            act('2.01', 'Koordinasi Perencanaan Bidang Pemerintahan dan Pembangunan Manusia', undefined, [sub('0001', 'Koordinasi Penyusunan Data dan Informasi Perencanaan Pembangunan Daerah')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    short: 'BPKAD',
    urusan: '5.02',
    position: 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah',
    grade: 'kepala',
    field: 'economics',
    staff: [110, 140],
    bidang: ['Anggaran', 'Perbendaharaan', 'Akuntansi dan Pelaporan', 'Pengelolaan Barang Milik Daerah'],
    source: 'SIPD Penatausahaan dan Laporan Keuangan Pemerintah Daerah',
    mission: ['Mewujudkan pengelolaan keuangan daerah yang transparan dan akuntabel', 'Meningkatkan tertib administrasi barang milik daerah'],
    goals: [
      goal('Mewujudkan pengelolaan keuangan dan aset daerah yang akuntabel', undefined, [
        obj('Meningkatnya kualitas laporan keuangan daerah', 'akuntabilitas', [
          lvl('Persentase temuan BPK atas laporan keuangan yang ditindaklanjuti', '%', [75, 88], { freq: 'semester' }),
        ], [
          prog('02', 'Program Pengelolaan Keuangan Daerah', 0, pct('Persentase penyerapan anggaran belanja daerah sesuai rencana', [100, 100], { pol: 'target_based', freq: 'quarterly' }), [
            act('2.01', 'Koordinasi dan Penyusunan Rencana Anggaran Daerah', cnt('Jumlah dokumen anggaran daerah yang ditetapkan tepat waktu', 'dokumen', [4, 4], { freq: 'semester' }), [
              sub('0001', 'Koordinasi, Penyusunan dan Verifikasi RKA-SKPD'),
            ]),
            act('2.02', 'Koordinasi dan Pengelolaan Perbendaharaan Daerah', mean('Rata-rata waktu penerbitan SP2D', 'hari', [1.5, 2.5], { pol: 'lower_better', freq: 'monthly', dec: 1 }), [
              sub('0003', 'Pengelolaan Kas Daerah', cnt('Jumlah SP2D yang diterbitkan', 'dokumen', [16000, 20000], { freq: 'monthly' })),
            ]),
            act('2.03', 'Koordinasi dan Pelaksanaan Akuntansi dan Pelaporan Keuangan Daerah', undefined, [
              sub('0006', 'Penyusunan Laporan Keuangan Pemerintah Daerah', cnt('Jumlah laporan keuangan pemerintah daerah', 'laporan', [2, 2], { freq: 'semester' })),
            ]),
          ]),
        ]),
        obj('Meningkatnya tertib administrasi barang milik daerah', undefined, [
          cov('Persentase barang milik daerah yang bersertifikat', [58, 68], { freq: 'semester', def: 'Persentase bidang tanah milik daerah yang telah bersertifikat atas nama Pemerintah Kabupaten Sukamaju.' }),
        ], [
          prog('03', 'Program Pengelolaan Barang Milik Daerah', 3, cnt('Jumlah bidang tanah milik daerah yang disertifikatkan', 'bidang', [60, 100], { freq: 'quarterly' }), [
            act('2.01', 'Pengelolaan Barang Milik Daerah', undefined, [sub('0004', 'Pengamanan Barang Milik Daerah')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    short: 'BKPSDM',
    urusan: '5.03',
    position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    grade: 'kepala',
    field: 'government',
    staff: [55, 75],
    bidang: ['Pengadaan, Pemberhentian, dan Informasi', 'Mutasi dan Promosi', 'Pengembangan Kompetensi Aparatur'],
    source: 'SIASN BKN dan SIMPEG daerah',
    mission: ['Mewujudkan manajemen ASN berbasis sistem merit', 'Meningkatkan kompetensi aparatur sipil negara'],
    goals: [
      goal('Meningkatkan profesionalitas aparatur sipil negara', lvl('Indeks Profesionalitas ASN', 'indeks', [68, 74], { freq: 'annual', src: 'BKN' }), [
        obj('Meningkatnya penerapan sistem merit', 'akuntabilitas', [
          lvl('Nilai Indeks Sistem Merit', 'indeks', [280, 320], { freq: 'annual', dec: 0, src: 'Komisi Aparatur Sipil Negara' }),
          pct('Persentase ASN yang mengikuti pengembangan kompetensi minimal 20 JP', [70, 85], { freq: 'quarterly' }),
        ], [
          prog('02', 'Program Kepegawaian Daerah', 0, pct('Persentase layanan kepegawaian yang selesai tepat waktu', [90, 97], { freq: 'monthly' }), [
            act('2.02', 'Mutasi dan Promosi ASN', cnt('Jumlah layanan mutasi dan kenaikan pangkat ASN', 'layanan', [1800, 2400], { freq: 'quarterly' }), [
              sub('0001', 'Pengelolaan Mutasi ASN', cnt('Jumlah usulan kenaikan pangkat yang diproses', 'usulan', [1400, 1900], { freq: 'quarterly' })),
            ]),
            act('2.05', 'Pengembangan Kompetensi ASN', cnt('Jumlah ASN yang mengikuti pelatihan', 'orang', [1200, 1800], { freq: 'quarterly' }), [
              sub('0003', 'Pengembangan Kompetensi Teknis', cnt('Jumlah ASN yang mengikuti pelatihan teknis', 'orang', [700, 1000], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Inspektorat',
    short: 'Inspektorat',
    urusan: '6.01',
    position: 'Inspektur',
    grade: 'kepala',
    field: 'economics',
    staff: [80, 100],
    bidang: ['Inspektur Pembantu Wilayah I', 'Inspektur Pembantu Wilayah II', 'Inspektur Pembantu Investigasi'],
    source: 'Laporan Hasil Pengawasan Inspektorat',
    mission: ['Meningkatkan kualitas pengawasan internal', 'Mendorong akuntabilitas kinerja dan keuangan perangkat daerah'],
    goals: [
      goal('Meningkatkan kualitas pengawasan penyelenggaraan pemerintahan daerah', undefined, [
        obj('Meningkatnya kapabilitas pengawasan internal', 'akuntabilitas', [
          lvl('Level kapabilitas APIP', 'level', [3, 3], { freq: 'annual', dec: 0, src: 'BPKP', def: 'Tingkat kapabilitas Aparat Pengawas Intern Pemerintah hasil penilaian BPKP (skala 1–5).' }),
          lvl('Persentase rekomendasi hasil pengawasan yang ditindaklanjuti', '%', [80, 90], { freq: 'quarterly' }),
        ], [
          prog('02', 'Program Penyelenggaraan Pengawasan', 0, cnt('Jumlah laporan hasil pengawasan', 'laporan', [110, 150], { freq: 'quarterly' }), [
            act('2.01', 'Penyelenggaraan Pengawasan Internal', cnt('Jumlah objek pemeriksaan reguler', 'objek', [60, 80], { freq: 'quarterly' }), [
              sub('0001', 'Pengawasan Kinerja Pemerintah Daerah', cnt('Jumlah laporan evaluasi AKIP perangkat daerah', 'laporan', [35, 45], { freq: 'quarterly' })),
              sub('0002', 'Pengawasan Keuangan Pemerintah Daerah'),
            ]),
            act('2.02', 'Penyelenggaraan Pengawasan dengan Tujuan Tertentu', cnt('Jumlah audit dengan tujuan tertentu', 'laporan', [10, 18], { freq: 'quarterly' }), [
              sub('0002', 'Pengawasan untuk Tujuan Tertentu atas Pengaduan Masyarakat'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
];
