/** Texts the OPD operators and the evaluators write on achievements. */

/** The OPD's explanation of a realization, by how it went. */
export const ACHIEVEMENT_NOTES = {
  above: [
    'Realisasi melampaui target berkat dukungan kolaborasi lintas sektor dan partisipasi masyarakat.',
    'Capaian di atas target karena percepatan pelaksanaan kegiatan pada awal tahun anggaran.',
    'Target tercapai; kegiatan dilaksanakan sesuai jadwal dalam rencana aksi.',
  ],
  onTrack: [
    'Realisasi sesuai rencana aksi; data telah direkonsiliasi dengan laporan bidang.',
    'Data bersumber dari laporan bulanan unit pelaksana teknis.',
    'Sebagian kegiatan masih dalam proses pelaksanaan dan akan selesai pada periode berikutnya.',
  ],
  below: [
    'Realisasi di bawah target karena keterlambatan proses pengadaan barang/jasa.',
    'Capaian rendah akibat refocusing anggaran pada perubahan APBD.',
    'Kondisi cuaca dan bencana banjir menghambat pelaksanaan kegiatan di lapangan.',
    'Keterbatasan sumber daya manusia di unit pelaksana menyebabkan kegiatan tertunda.',
  ],
} as const;

/** Why an evaluator returned an achievement (submitted → revision). */
export const RETURN_NOTES = [
  'Bukti dukung belum dilampirkan; mohon unggah laporan kegiatan atau berita acara.',
  'Angka realisasi tidak sesuai dengan data pada laporan bulanan bidang; mohon diperiksa kembali.',
  'Mohon jelaskan penyebab realisasi jauh di bawah target pada kolom catatan.',
  'Realisasi melebihi target secara signifikan; mohon sertakan data pendukung.',
  'Satuan realisasi tidak sesuai dengan definisi operasional indikator.',
] as const;

/** Occasional remarks when verifying. */
export const VERIFY_NOTES = ['Sesuai bukti dukung.', 'Data telah diverifikasi dengan dokumen sumber.', 'Terverifikasi; mohon pertahankan kelengkapan bukti dukung.'] as const;
