import { act, cnt, cov, goal, lvl, mean, obj, pct, prog, sub, type OpdProfile } from './spec';

/** Further agencies, used when more than 20 OPDs are asked for (before the extra kecamatan). */
export const MORE_AGENCIES: OpdProfile[] = [
  {
    name: 'Sekretariat Dewan Perwakilan Rakyat Daerah',
    short: 'Setwan',
    urusan: '4.02',
    position: 'Sekretaris DPRD',
    grade: 'kepala',
    field: 'law',
    staff: [70, 90],
    bidang: ['Persidangan dan Perundang-undangan', 'Fasilitasi Penganggaran dan Pengawasan', 'Umum dan Keuangan'],
    source: 'Laporan Sekretariat DPRD',
    mission: ['Meningkatkan dukungan pelaksanaan fungsi legislasi, anggaran, dan pengawasan DPRD'],
    goals: [
      goal('Meningkatkan kualitas dukungan terhadap fungsi DPRD', undefined, [
        obj('Meningkatnya kualitas fasilitasi fungsi legislasi', 'akuntabilitas', [pct('Persentase Propemperda yang ditetapkan', [75, 90], { freq: 'semester' })], [
          prog('02', 'Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD', 0, cnt('Jumlah rapat paripurna dan alat kelengkapan DPRD yang difasilitasi', 'rapat', [140, 190], { freq: 'monthly' }), [
            act('2.01', 'Pembentukan Peraturan Daerah dan Peraturan DPRD', cnt('Jumlah Raperda yang dibahas', 'raperda', [10, 16], { freq: 'quarterly' }), [
              sub('0001', 'Penyusunan dan Pembahasan Program Pembentukan Peraturan Daerah', cnt('Jumlah dokumen Propemperda', 'dokumen', [1, 1], { freq: 'annual' })),
            ]),
            act('2.03', 'Pengawasan Penyelenggaraan Pemerintahan', cnt('Jumlah kunjungan kerja pengawasan DPRD', 'kegiatan', [36, 60], { freq: 'quarterly' }), [
              sub('0001', 'Pembahasan Laporan Keterangan Pertanggungjawaban Kepala Daerah'),
            ]),
          ]),
        ]),
        obj('Meningkatnya penyerapan aspirasi masyarakat', 'pelayanan', [pct('Persentase aspirasi masyarakat yang ditindaklanjuti', [70, 85])], [
          prog('03', 'Program Penyelenggaraan Reses dan Penyerapan Aspirasi', 1, cnt('Jumlah kegiatan reses anggota DPRD', 'kegiatan', [135, 150], { freq: 'quarterly' }), [
            act('2.01', 'Penyelenggaraan Reses', undefined, [sub('0001', 'Fasilitasi Reses Anggota DPRD')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Perumahan dan Kawasan Permukiman',
    short: 'Disperkim',
    urusan: '1.04',
    position: 'Kepala Dinas Perumahan dan Kawasan Permukiman',
    grade: 'kepala',
    field: 'engineering',
    staff: [70, 90],
    bidang: ['Perumahan', 'Kawasan Permukiman', 'Prasarana, Sarana, dan Utilitas'],
    source: 'Laporan bidang Disperkim dan e-RTLH',
    mission: ['Mewujudkan hunian yang layak huni dan kawasan permukiman yang sehat'],
    goals: [
      goal('Meningkatkan kualitas perumahan dan kawasan permukiman', undefined, [
        obj('Menurunnya rumah tidak layak huni', 'infrastruktur', [lvl('Persentase rumah tidak layak huni', '%', [7, 9], { pol: 'lower_better', freq: 'annual' })], [
          prog('02', 'Program Pengembangan Perumahan', 0, cnt('Jumlah rumah tidak layak huni yang ditangani', 'unit', [700, 1000], { freq: 'quarterly' }), [
            act('2.01', 'Pendataan Penyediaan dan Rehabilitasi Rumah Korban Bencana atau Relokasi Program Kabupaten/Kota', cnt('Jumlah rumah yang direhabilitasi', 'unit', [500, 800], { freq: 'quarterly' }), [
              sub('0001', 'Rehabilitasi Rumah Tidak Layak Huni', cnt('Jumlah RTLH yang direhabilitasi', 'unit', [500, 800], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
        obj('Berkurangnya luasan kawasan kumuh', 'infrastruktur', [lvl('Luas kawasan permukiman kumuh', 'ha', [110, 140], { pol: 'lower_better', freq: 'annual' })], [
          prog('03', 'Program Kawasan Permukiman', 1, cnt('Luas kawasan kumuh yang ditangani', 'ha', [12, 20], { freq: 'semester', dec: 2 }), [
            act('2.02', 'Peningkatan Kualitas Kawasan Permukiman Kumuh dengan Luas di Bawah 10 (sepuluh) Ha', cnt('Jumlah lokasi kawasan kumuh yang ditangani', 'lokasi', [4, 8], { freq: 'semester' }), [
              sub('0001', 'Perbaikan Kawasan Permukiman Kumuh'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Tenaga Kerja',
    short: 'Disnaker',
    urusan: '2.07',
    position: 'Kepala Dinas Tenaga Kerja',
    grade: 'kepala',
    field: 'economics',
    staff: [50, 70],
    bidang: ['Pelatihan dan Produktivitas', 'Penempatan Tenaga Kerja', 'Hubungan Industrial'],
    source: 'SISNAKER Kementerian Ketenagakerjaan',
    mission: ['Meningkatkan kompetensi dan penempatan tenaga kerja'],
    publicService: true,
    goals: [
      goal('Meningkatkan kesempatan kerja dan kompetensi tenaga kerja', lvl('Tingkat Pengangguran Terbuka (TPT)', '%', [6.2, 6.8], { pol: 'lower_better', freq: 'semester', src: 'BPS Kabupaten Sukamaju' }), [
        obj('Meningkatnya kompetensi tenaga kerja', 'investasi', [pct('Persentase peserta pelatihan yang lulus uji kompetensi', [75, 88], { freq: 'quarterly' })], [
          prog('03', 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja', 0, cnt('Jumlah tenaga kerja yang dilatih', 'orang', [600, 900], { freq: 'quarterly' }), [
            act('2.01', 'Pelaksanaan Pelatihan Berdasarkan Unit Kompetensi', cnt('Jumlah paket pelatihan berbasis kompetensi', 'paket', [20, 30], { freq: 'quarterly' }), [
              sub('0001', 'Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster Kompetensi'),
            ]),
          ]),
        ]),
        obj('Meningkatnya penempatan tenaga kerja', 'investasi', [cnt('Jumlah pencari kerja yang ditempatkan', 'orang', [2500, 3500], { freq: 'quarterly' })], [
          prog('04', 'Program Penempatan Tenaga Kerja', 1, pct('Persentase pencari kerja terdaftar yang ditempatkan', [35, 45], { freq: 'quarterly' }), [
            act('2.01', 'Pelayanan Antarkerja di Daerah Kabupaten/Kota', cnt('Jumlah kartu AK/1 yang diterbitkan', 'kartu', [7000, 9000], { freq: 'monthly' }), [
              sub('0002', 'Penyelenggaraan Bursa Kerja', cnt('Jumlah job fair yang diselenggarakan', 'kegiatan', [2, 4], { freq: 'semester' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
    short: 'DP3A',
    urusan: '2.08',
    position: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
    grade: 'kepala',
    field: 'social',
    staff: [40, 55],
    bidang: ['Pemberdayaan Perempuan', 'Perlindungan Perempuan dan Anak', 'Pemenuhan Hak Anak'],
    source: 'SIMFONI PPA',
    mission: ['Meningkatkan kualitas hidup perempuan dan perlindungan anak'],
    goals: [
      goal('Meningkatkan kualitas hidup perempuan dan perlindungan anak', lvl('Indeks Pembangunan Gender (IPG)', 'indeks', [89, 91], { freq: 'annual', src: 'BPS Kabupaten Sukamaju' }), [
        obj('Meningkatnya penanganan kasus kekerasan terhadap perempuan dan anak', 'sosial', [pct('Persentase kasus kekerasan terhadap perempuan dan anak yang tertangani', [92, 100])], [
          prog('03', 'Program Perlindungan Perempuan', 1, cnt('Jumlah korban kekerasan yang mendapat pendampingan', 'orang', [80, 130], { freq: 'quarterly' }), [
            act('2.01', 'Penyediaan Layanan Rujukan Lanjutan bagi Perempuan Korban Kekerasan yang Memerlukan Koordinasi Tingkat Daerah Kabupaten/Kota', mean('Rata-rata waktu respons pengaduan', 'jam', [12, 24], { pol: 'lower_better', freq: 'quarterly' }), [
              sub('0001', 'Penyediaan Layanan Pengaduan Masyarakat bagi Perempuan Korban Kekerasan'),
            ]),
          ]),
        ]),
        obj('Meningkatnya pemenuhan hak anak', undefined, [cnt('Jumlah desa/kelurahan layak anak', 'desa', [40, 60], { freq: 'annual' })], [
          prog('06', 'Program Pemenuhan Hak Anak (PHA)', 2, cnt('Jumlah forum anak desa yang dibentuk', 'forum', [30, 50], { freq: 'semester' }), [
            act('2.01', 'Pelembagaan PHA pada Lembaga Pemerintah, Nonpemerintah, dan Dunia Usaha Tingkat Daerah Kabupaten/Kota', undefined, [
              sub('0001', 'Penyediaan Kebijakan Pemenuhan Hak Anak'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Ketahanan Pangan',
    short: 'DKP',
    urusan: '2.09',
    position: 'Kepala Dinas Ketahanan Pangan',
    grade: 'kepala',
    field: 'agriculture',
    staff: [45, 60],
    bidang: ['Ketersediaan dan Distribusi Pangan', 'Konsumsi dan Keamanan Pangan'],
    source: 'Neraca bahan makanan dan survei konsumsi pangan',
    mission: ['Mewujudkan ketersediaan, keterjangkauan, dan keamanan pangan'],
    goals: [
      goal('Meningkatkan ketahanan pangan daerah', undefined, [
        obj('Meningkatnya kualitas konsumsi pangan masyarakat', 'pertanian', [lvl('Skor Pola Pangan Harapan (PPH)', 'skor', [86, 90], { freq: 'annual' })], [
          prog('03', 'Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat', 1, cnt('Jumlah kelompok pekarangan pangan lestari yang dibina', 'kelompok', [40, 60], { freq: 'semester' }), [
            act('2.01', 'Penyediaan dan Penyaluran Pangan Pokok atau Pangan Lainnya sesuai dengan Kebutuhan Daerah Kabupaten/Kota dalam rangka Stabilisasi Pasokan dan Harga Pangan', cnt('Jumlah gerakan pangan murah', 'kegiatan', [12, 24], { freq: 'quarterly' }), [
              sub('0001', 'Penyediaan Pangan Pokok'),
            ]),
          ]),
        ]),
        obj('Meningkatnya keamanan pangan segar', undefined, [pct('Persentase sampel pangan segar yang memenuhi syarat keamanan', [88, 95])], [
          prog('05', 'Program Pengawasan Keamanan Pangan', 1, cnt('Jumlah sampel pangan segar yang diuji', 'sampel', [300, 450], { freq: 'quarterly' }), [
            act('2.01', 'Pelaksanaan Pengawasan Keamanan Pangan Segar Daerah Kabupaten/Kota', undefined, [sub('0001', 'Pengawasan Keamanan Pangan Segar')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Pemberdayaan Masyarakat dan Desa',
    short: 'DPMD',
    urusan: '2.13',
    position: 'Kepala Dinas Pemberdayaan Masyarakat dan Desa',
    grade: 'kepala',
    field: 'government',
    staff: [45, 60],
    bidang: ['Pemerintahan Desa', 'Pemberdayaan Masyarakat Desa', 'Ekonomi dan Kelembagaan Desa'],
    source: 'Indeks Desa Membangun Kementerian Desa PDTT',
    mission: ['Meningkatkan kemandirian desa dan pemberdayaan masyarakat'],
    goals: [
      goal('Meningkatkan kemandirian desa', undefined, [
        obj('Meningkatnya status perkembangan desa', 'sosial', [lvl('Persentase desa berstatus Desa Maju dan Mandiri', '%', [40, 50], { freq: 'annual' })], [
          prog('05', 'Program Administrasi Pemerintahan Desa', 0, pct('Persentase desa yang menetapkan APBDes tepat waktu', [85, 100], { freq: 'annual' }), [
            act('2.01', 'Pembinaan dan Pengawasan Penyelenggaraan Administrasi Pemerintahan Desa', cnt('Jumlah aparatur desa yang dibina', 'orang', [600, 900], { freq: 'quarterly' }), [
              sub('0002', 'Fasilitasi Penyusunan Perencanaan Pembangunan Desa'),
            ]),
          ]),
        ]),
        obj('Meningkatnya peran lembaga ekonomi desa', 'ekonomi', [cov('Persentase BUMDes berkategori maju', [20, 30], { freq: 'annual' })], [
          prog('06', 'Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat', 2, cnt('Jumlah BUMDes yang dibina', 'BUMDes', [80, 120], { freq: 'semester' }), [
            act('2.01', 'Pemberdayaan Lembaga Kemasyarakatan yang Bergerak di Bidang Pemberdayaan Desa dan Lembaga Adat Tingkat Daerah Kabupaten/Kota', undefined, [
              sub('0001', 'Peningkatan Kapasitas Kelembagaan Lembaga Kemasyarakatan Desa/Kelurahan'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Pengendalian Penduduk dan Keluarga Berencana',
    short: 'DPPKB',
    urusan: '2.14',
    position: 'Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana',
    grade: 'kepala',
    field: 'health',
    staff: [150, 190],
    bidang: ['Pengendalian Penduduk', 'Keluarga Berencana', 'Ketahanan dan Kesejahteraan Keluarga'],
    source: 'SIGA BKKBN',
    mission: ['Mewujudkan penduduk tumbuh seimbang dan keluarga berkualitas'],
    goals: [
      goal('Mewujudkan penduduk tumbuh seimbang', lvl('Laju pertumbuhan penduduk', '%', [1.1, 1.1], { pol: 'target_based', freq: 'annual', src: 'BPS Kabupaten Sukamaju' }), [
        obj('Menurunnya angka kelahiran total', 'kesehatan', [lvl('Angka Kelahiran Total (TFR)', 'anak per wanita', [2.1, 2.3], { pol: 'lower_better', freq: 'annual' })], [
          prog('03', 'Program Pembinaan Keluarga Berencana (KB)', 1, cov('Persentase peserta KB aktif terhadap pasangan usia subur', [68, 75], { freq: 'monthly' }), [
            act('2.02', 'Pengendalian dan Pendistribusian Kebutuhan Alat dan Obat Kontrasepsi serta Pelaksanaan Pelayanan KB di Daerah Kabupaten/Kota', cnt('Jumlah peserta KB baru', 'orang', [14000, 18000], { freq: 'monthly' }), [
              sub('0002', 'Pelayanan KB Metode Kontrasepsi Jangka Panjang', cnt('Jumlah peserta KB MKJP baru', 'orang', [4000, 6000], { freq: 'monthly' })),
            ]),
          ]),
        ]),
        obj('Menurunnya kebutuhan ber-KB yang tidak terpenuhi', 'kesehatan', [lvl('Persentase unmet need KB', '%', [9, 11], { pol: 'lower_better', freq: 'semester' })], [
          prog('04', 'Program Pemberdayaan dan Peningkatan Keluarga Sejahtera (KS)', 2, cnt('Jumlah kelompok Bina Keluarga Balita aktif', 'kelompok', [300, 400], { freq: 'semester' }), [
            act('2.01', 'Pelaksanaan Pembangunan Keluarga melalui Pembinaan Ketahanan dan Kesejahteraan Keluarga', undefined, [sub('0001', 'Pembinaan Kelompok Bina Keluarga')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Pemuda dan Olahraga',
    short: 'Dispora',
    urusan: '2.19',
    position: 'Kepala Dinas Pemuda dan Olahraga',
    grade: 'kepala',
    field: 'education',
    staff: [40, 55],
    bidang: ['Kepemudaan', 'Keolahragaan'],
    source: 'Laporan bidang Dispora dan KONI',
    mission: ['Meningkatkan partisipasi pemuda dan prestasi olahraga'],
    goals: [
      goal('Meningkatkan peran pemuda dan prestasi olahraga', undefined, [
        obj('Meningkatnya prestasi olahraga', undefined, [cnt('Jumlah medali yang diraih pada kejuaraan tingkat provinsi dan nasional', 'medali', [40, 70], { freq: 'semester' })], [
          prog('03', 'Program Pengembangan Kapasitas Daya Saing Keolahragaan', 1, cnt('Jumlah atlet berprestasi yang dibina', 'orang', [150, 220], { freq: 'semester' }), [
            act('2.02', 'Pembinaan dan Pengembangan Olahraga Prestasi Tingkat Daerah Provinsi', cnt('Jumlah cabang olahraga yang dibina', 'cabor', [20, 30], { freq: 'annual' }), [
              sub('0001', 'Penyelenggaraan Kejuaraan Olahraga'),
            ]),
          ]),
        ]),
        obj('Meningkatnya partisipasi pemuda dalam pembangunan', 'sosial', [lvl('Indeks Pembangunan Pemuda', 'indeks', [52, 56], { freq: 'annual' })], [
          prog('02', 'Program Pengembangan Kapasitas Daya Saing Kepemudaan', 0, cnt('Jumlah wirausaha muda yang dibina', 'orang', [100, 160], { freq: 'quarterly' }), [
            act('2.01', 'Penyadaran, Pemberdayaan, dan Pengembangan Pemuda dan Kepemudaan Terhadap Pemuda Pelopor Kabupaten/Kota, Wirausaha Muda Pemula, dan Pemuda Kader Kabupaten/Kota', undefined, [
              sub('0002', 'Pengembangan Kapasitas Wirausaha Muda'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Perpustakaan dan Kearsipan',
    short: 'Dispusip',
    urusan: '2.23',
    position: 'Kepala Dinas Perpustakaan dan Kearsipan',
    grade: 'kepala',
    field: 'education',
    staff: [35, 50],
    bidang: ['Perpustakaan', 'Kearsipan'],
    source: 'Laporan layanan perpustakaan daerah',
    mission: ['Meningkatkan budaya baca dan tertib arsip'],
    publicService: true,
    goals: [
      goal('Meningkatkan budaya literasi masyarakat', undefined, [
        obj('Meningkatnya minat baca masyarakat', 'pendidikan', [lvl('Tingkat Gemar Membaca (TGM)', 'nilai', [62, 68], { freq: 'annual' })], [
          prog('02', 'Program Pembinaan Perpustakaan', 0, cnt('Jumlah pengunjung perpustakaan', 'orang', [60000, 80000], { freq: 'monthly' }), [
            act('2.01', 'Pengelolaan Perpustakaan Tingkat Daerah Kabupaten/Kota', cnt('Jumlah koleksi bahan pustaka baru', 'eksemplar', [4000, 6000], { freq: 'quarterly' }), [
              sub('0005', 'Pengembangan Koleksi Perpustakaan', cnt('Jumlah judul buku yang diadakan', 'judul', [1200, 1800], { freq: 'quarterly' })),
            ]),
          ]),
        ]),
        obj('Meningkatnya tertib pengelolaan arsip', 'akuntabilitas', [lvl('Nilai pengawasan kearsipan', 'nilai', [70, 80], { freq: 'annual', src: 'ANRI' })], [
          prog('03', 'Program Pengelolaan Arsip', 1, cov('Persentase arsip statis yang terkelola', [60, 72], { freq: 'semester' }), [
            act('2.01', 'Pengelolaan Arsip Dinamis Pemerintah Daerah Kabupaten/Kota', undefined, [sub('0001', 'Pengelolaan Arsip Dinamis')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Perikanan',
    short: 'Diskan',
    urusan: '3.25',
    position: 'Kepala Dinas Perikanan',
    grade: 'kepala',
    field: 'agriculture',
    staff: [45, 60],
    bidang: ['Perikanan Budidaya', 'Pengolahan dan Pemasaran Hasil Perikanan'],
    source: 'Statistik perikanan budidaya',
    mission: ['Meningkatkan produksi dan nilai tambah perikanan'],
    goals: [
      goal('Meningkatkan produksi dan konsumsi ikan', undefined, [
        obj('Meningkatnya produksi perikanan budidaya', 'pertanian', [cnt('Produksi perikanan budidaya', 'ton', [9000, 11000], { freq: 'quarterly' })], [
          prog('04', 'Program Pengelolaan Perikanan Budidaya', 0, cnt('Jumlah benih ikan yang disalurkan', 'ribu ekor', [1800, 2400], { freq: 'quarterly' }), [
            act('2.01', 'Pemberdayaan Pembudi Daya Ikan Kecil', cnt('Jumlah kelompok pembudi daya ikan yang dibina', 'kelompok', [60, 90], { freq: 'semester' }), [
              sub('0002', 'Penyediaan Sarana Pembudidayaan Ikan'),
            ]),
          ]),
        ]),
        obj('Meningkatnya konsumsi ikan masyarakat', undefined, [lvl('Angka konsumsi ikan', 'kg/kapita/tahun', [30, 34], { freq: 'annual' })], [
          prog('06', 'Program Pengolahan dan Pemasaran Hasil Perikanan', 1, cnt('Jumlah kegiatan gerakan memasyarakatkan makan ikan', 'kegiatan', [6, 10], { freq: 'semester' }), [
            act('2.01', 'Pembinaan Mutu dan Keamanan Hasil Perikanan bagi Usaha Pengolahan dan Pemasaran Skala Mikro dan Kecil', undefined, [
              sub('0001', 'Pembinaan Pengolahan Hasil Perikanan'),
            ]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Dinas Perdagangan dan Perindustrian',
    short: 'Disdagin',
    urusan: '3.30',
    position: 'Kepala Dinas Perdagangan dan Perindustrian',
    grade: 'kepala',
    field: 'economics',
    staff: [70, 90],
    bidang: ['Perdagangan', 'Perindustrian', 'Pengelolaan Pasar'],
    source: 'Sistem Pemantauan Pasar dan Kebutuhan Pokok (SP2KP)',
    mission: ['Menjaga stabilitas harga dan meningkatkan daya saing industri kecil'],
    goals: [
      goal('Meningkatkan kinerja perdagangan dan industri daerah', undefined, [
        obj('Terjaganya stabilitas harga barang kebutuhan pokok', 'ekonomi', [lvl('Koefisien variasi harga barang kebutuhan pokok', '%', [4, 6], { pol: 'lower_better', freq: 'monthly' })], [
          prog('05', 'Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting', 0, cnt('Jumlah operasi pasar yang dilaksanakan', 'kali', [12, 24], { freq: 'quarterly' }), [
            act('2.01', 'Menjamin Ketersediaan Barang Kebutuhan Pokok dan Barang Penting di Tingkat Daerah Kabupaten/Kota', cnt('Jumlah laporan pemantauan harga', 'laporan', [48, 52], { freq: 'monthly' }), [
              sub('0001', 'Koordinasi dan Sinkronisasi Pemantauan Harga'),
            ]),
          ]),
        ]),
        obj('Meningkatnya pertumbuhan industri kecil dan menengah', 'investasi', [cnt('Jumlah IKM baru', 'unit usaha', [120, 180], { freq: 'semester' })], [
          prog('04', 'Program Pengembangan Industri', 1, cnt('Jumlah IKM yang dibina', 'unit usaha', [300, 450], { freq: 'quarterly' }), [
            act('2.01', 'Penyusunan, Penerapan dan Evaluasi Rencana Pembangunan Industri Kabupaten/Kota', undefined, [sub('0001', 'Fasilitasi Pengembangan Sentra IKM')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Badan Kesatuan Bangsa dan Politik',
    short: 'Kesbangpol',
    urusan: '8.01',
    position: 'Kepala Badan Kesatuan Bangsa dan Politik',
    grade: 'kepala',
    field: 'government',
    staff: [35, 45],
    bidang: ['Ideologi dan Wawasan Kebangsaan', 'Politik Dalam Negeri', 'Kewaspadaan Nasional'],
    source: 'Laporan bidang Kesbangpol',
    mission: ['Memperkuat wawasan kebangsaan dan kehidupan politik yang demokratis'],
    goals: [
      goal('Memperkuat persatuan dan kesatuan bangsa', undefined, [
        obj('Meningkatnya partisipasi politik masyarakat', 'ketertiban', [lvl('Indeks Demokrasi Indonesia kabupaten', 'indeks', [74, 78], { freq: 'annual' })], [
          prog('03', 'Program Peningkatan Peran Partai Politik dan Lembaga Pendidikan melalui Pendidikan Politik dan Pengembangan Etika serta Budaya Politik', 1, cnt('Jumlah peserta pendidikan politik', 'orang', [800, 1200], { freq: 'semester' }), [
            act('2.01', 'Pendidikan Politik, Etika Budaya Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik Tingkat Daerah Kabupaten/Kota', undefined, [
              sub('0001', 'Penyelenggaraan Pendidikan Politik bagi Pemilih Pemula'),
            ]),
          ]),
        ]),
        obj('Meningkatnya kewaspadaan dini terhadap konflik sosial', 'ketertiban', [cnt('Jumlah konflik sosial yang terjadi', 'kejadian', [2, 4], { pol: 'lower_better', freq: 'semester' })], [
          prog('04', 'Program Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan', 2, cnt('Jumlah laporan kewaspadaan dini', 'laporan', [12, 12], { freq: 'monthly' }), [
            act('2.01', 'Pelaksanaan Kewaspadaan Nasional dan Penanganan Konflik Sosial Skala Kabupaten/Kota', undefined, [sub('0002', 'Fasilitasi Forum Kewaspadaan Dini Masyarakat')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Badan Penanggulangan Bencana Daerah',
    short: 'BPBD',
    urusan: '1.05',
    position: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah',
    grade: 'kepala',
    field: 'engineering',
    staff: [60, 80],
    bidang: ['Pencegahan dan Kesiapsiagaan', 'Kedaruratan dan Logistik', 'Rehabilitasi dan Rekonstruksi'],
    source: 'Laporan kejadian bencana BPBD',
    mission: ['Meningkatkan ketangguhan masyarakat menghadapi bencana'],
    goals: [
      goal('Meningkatkan ketangguhan daerah terhadap bencana', undefined, [
        obj('Menurunnya risiko bencana', 'ketertiban', [lvl('Indeks Risiko Bencana', 'indeks', [140, 150], { pol: 'lower_better', freq: 'annual', dec: 2, src: 'BNPB' })], [
          prog('03', 'Program Penanggulangan Bencana', 0, cnt('Jumlah desa tangguh bencana yang dibentuk', 'desa', [8, 14], { freq: 'semester' }), [
            act('2.01', 'Pelayanan Informasi Rawan Bencana Kabupaten/Kota', cnt('Jumlah sosialisasi pengurangan risiko bencana', 'kegiatan', [24, 36], { freq: 'quarterly' }), [
              sub('0002', 'Penyuluhan dan Sosialisasi Pengurangan Risiko Bencana'),
            ]),
          ]),
        ]),
        obj('Meningkatnya kecepatan penanganan darurat bencana', 'ketertiban', [mean('Waktu tanggap darurat bencana', 'jam', [4, 6], { pol: 'lower_better', freq: 'quarterly', dec: 1 })], [
          prog('04', 'Program Penanganan Darurat Bencana', 1, pct('Persentase korban bencana yang tertangani dalam 24 jam', [95, 100]), [
            act('2.01', 'Penanganan Pascabencana Kabupaten/Kota', undefined, [sub('0001', 'Penyediaan Logistik Penyelamatan dan Evakuasi Korban Bencana')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Badan Pendapatan Daerah',
    short: 'Bapenda',
    urusan: '5.02',
    position: 'Kepala Badan Pendapatan Daerah',
    grade: 'kepala',
    field: 'economics',
    staff: [90, 120],
    bidang: ['Pendataan dan Penetapan', 'Penagihan dan Pengendalian', 'Pajak Bumi dan Bangunan'],
    source: 'Sistem Informasi Pajak Daerah',
    mission: ['Mengoptimalkan pendapatan asli daerah'],
    publicService: true,
    goals: [
      goal('Meningkatkan kemandirian keuangan daerah', undefined, [
        obj('Meningkatnya pendapatan asli daerah', 'ekonomi', [cnt('Realisasi pajak daerah', 'miliar rupiah', [210, 260], { freq: 'monthly', dec: 2 })], [
          prog('04', 'Program Pengelolaan Pendapatan Daerah', 0, pct('Persentase wajib pajak yang membayar tepat waktu', [70, 82], { freq: 'monthly' }), [
            act('2.01', 'Perencanaan Pengelolaan Pajak Daerah', cnt('Jumlah objek pajak yang dimutakhirkan', 'objek', [8000, 12000], { freq: 'quarterly' }), [
              sub('0002', 'Pendataan dan Pendaftaran Objek Pajak Daerah'),
            ]),
            act('2.02', 'Analisa dan Pengembangan Pajak Daerah, serta Penyusunan Kebijakan Pajak Daerah', undefined, [sub('0001', 'Penyusunan Kebijakan Pajak Daerah')]),
          ]),
        ]),
      ]),
    ],
  },
  {
    name: 'Rumah Sakit Umum Daerah Sukamaju',
    short: 'RSUD',
    urusan: '1.02',
    position: 'Direktur Rumah Sakit Umum Daerah Sukamaju',
    grade: 'kepala',
    field: 'health',
    staff: [620, 720],
    bidang: ['Pelayanan Medik', 'Keperawatan', 'Penunjang Medik'],
    source: 'SIMRS RSUD Sukamaju',
    mission: ['Memberikan pelayanan kesehatan rujukan yang bermutu dan terjangkau'],
    publicService: true,
    goals: [
      goal('Meningkatkan mutu pelayanan kesehatan rujukan', undefined, [
        obj('Meningkatnya mutu pelayanan rumah sakit', 'kesehatan', [
          pct('Bed Occupancy Rate (BOR)', [70, 70], { pol: 'target_based', freq: 'monthly', def: 'Persentase pemakaian tempat tidur pada periode tertentu; idealnya 60–85%.' }),
          lvl('Angka kematian pasien > 48 jam (NDR)', 'per mil', [20, 25], { pol: 'lower_better', freq: 'quarterly' }),
        ], [
          prog('02', 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat', 0, mean('Rata-rata waktu tunggu rawat jalan', 'menit', [45, 60], { pol: 'lower_better', freq: 'monthly' }), [
            act('2.02', 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota', cnt('Jumlah kunjungan rawat jalan', 'kunjungan', [140000, 170000], { freq: 'monthly' }), [
              sub('0025', 'Pengelolaan Pelayanan Kesehatan Rujukan', cnt('Jumlah pasien rawat inap', 'orang', [18000, 22000], { freq: 'monthly' })),
            ]),
          ]),
        ]),
      ]),
    ],
  },
];
