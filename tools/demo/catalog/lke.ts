/**
 * What the Inspektorat writes on an LKE (PermenPAN-RB 88/2021) and what the OPD answers: notes on
 * criteria, recommendations per component (keyed by the template's component code) with the
 * follow-up texts of their progress. No randomness.
 */

export interface RecommendationText {
  text: string;
  /** Follow-up while under way. */
  inProgress: string;
  /** Follow-up once completed. */
  done: string;
}

export const LKE_RECOMMENDATIONS: Readonly<Record<string, readonly RecommendationText[]>> = {
  '1': [
    {
      text: 'Menyempurnakan rumusan indikator kinerja utama agar memenuhi kriteria SMART dan berorientasi hasil (outcome), bukan keluaran kegiatan.',
      inProgress: 'Reviu IKU bersama Bappeda telah dijadwalkan; draf rumusan IKU baru sedang dibahas dengan para kepala bidang.',
      done: 'IKU telah direviu dan ditetapkan kembali dengan Keputusan Kepala Perangkat Daerah; seluruh indikator sasaran kini berupa outcome.',
    },
    {
      text: 'Menyusun cascading kinerja sampai level pelaksana sehingga setiap unit kerja memiliki perjanjian kinerja yang selaras dengan sasaran strategis.',
      inProgress: 'Pohon kinerja tingkat bidang telah tersusun; perjanjian kinerja eselon IV sedang diselaraskan.',
      done: 'Pohon kinerja dan perjanjian kinerja berjenjang sampai pejabat pengawas telah ditetapkan dan diunggah sebagai bukti dukung.',
    },
    {
      text: 'Menetapkan target kinerja yang lebih menantang dengan mempertimbangkan tren capaian tiga tahun terakhir.',
      inProgress: 'Analisis tren capaian 2023–2025 sedang disusun sebagai dasar revisi target pada Renja perubahan.',
      done: 'Target tahun berjalan telah direvisi melalui Renja perubahan dengan mempertimbangkan tren capaian tiga tahun terakhir.',
    },
  ],
  '2': [
    {
      text: 'Melakukan pengukuran kinerja secara berkala (bulanan/triwulanan) dan memanfaatkan hasilnya dalam rapat evaluasi pimpinan.',
      inProgress: 'Rapat evaluasi kinerja triwulanan telah dijadwalkan; notulen triwulan III sedang disusun.',
      done: 'Rapat evaluasi kinerja pimpinan dilaksanakan setiap triwulan; notulen dan tindak lanjutnya telah diunggah sebagai bukti dukung.',
    },
    {
      text: 'Mengaitkan hasil pengukuran kinerja dengan pemberian penghargaan dan sanksi bagi pegawai.',
      inProgress: 'Rancangan pedoman pemberian penghargaan berbasis kinerja sedang dikonsultasikan dengan BKPSDM.',
      done: 'Pedoman penghargaan dan sanksi berbasis capaian kinerja telah ditetapkan dan diterapkan mulai triwulan berjalan.',
    },
    {
      text: 'Melengkapi definisi operasional dan sumber data setiap indikator sehingga data kinerja dapat ditelusuri.',
      inProgress: 'Manual IKU sedang dilengkapi dengan definisi operasional, formula, dan sumber data per indikator.',
      done: 'Manual IKU lengkap dengan definisi operasional dan sumber data telah ditetapkan dan dipublikasikan.',
    },
  ],
  '3': [
    {
      text: 'Menyajikan analisis penyebab keberhasilan dan kegagalan capaian kinerja beserta upaya perbaikannya dalam LKjIP.',
      inProgress: 'Kerangka analisis capaian per sasaran telah disepakati; bab III LKjIP sedang direvisi.',
      done: 'LKjIP telah memuat analisis penyebab keberhasilan/kegagalan per sasaran beserta rencana perbaikan.',
    },
    {
      text: 'Menyajikan efisiensi penggunaan sumber daya dengan membandingkan capaian kinerja terhadap serapan anggaran.',
      inProgress: 'Data serapan anggaran per program sedang direkonsiliasi dengan capaian indikator untuk analisis efisiensi.',
      done: 'Analisis efisiensi (capaian kinerja dibanding serapan anggaran per program) telah disajikan dalam LKjIP.',
    },
  ],
  '4': [
    {
      text: 'Melaksanakan evaluasi akuntabilitas kinerja internal secara berjenjang pada seluruh unit kerja.',
      inProgress: 'Tim evaluasi internal telah dibentuk; evaluasi pada dua bidang telah dilaksanakan.',
      done: 'Evaluasi internal telah dilaksanakan pada seluruh bidang dan UPT; laporan hasilnya telah disampaikan kepada pimpinan.',
    },
    {
      text: 'Menindaklanjuti seluruh rekomendasi hasil evaluasi tahun sebelumnya dan mendokumentasikan bukti tindak lanjutnya.',
      inProgress: 'Matriks tindak lanjut rekomendasi sedang dimutakhirkan; sebagian bukti dukung telah dikumpulkan.',
      done: 'Seluruh rekomendasi tahun sebelumnya telah ditindaklanjuti; matriks dan bukti dukungnya telah diunggah.',
    },
  ],
};

/** Evaluator notes on a criterion, by how it was answered. */
export const LKE_CRITERION_NOTES = {
  high: [
    'Dokumen tersedia, telah ditetapkan, dan dipublikasikan pada laman resmi perangkat daerah.',
    'Bukti dukung lengkap dan sesuai dengan kriteria.',
    'Telah dilaksanakan secara konsisten sepanjang tahun.',
  ],
  mid: [
    'Sudah dilaksanakan namun belum seluruh unit kerja menerapkan.',
    'Bukti dukung tersedia tetapi belum lengkap untuk seluruh triwulan.',
    'Pelaksanaan belum konsisten; perlu didokumentasikan lebih baik.',
  ],
  low: [
    'Belum terdapat bukti dukung yang memadai.',
    'Belum dilaksanakan pada tahun yang dievaluasi.',
    'Dokumen belum ditetapkan oleh pimpinan.',
  ],
} as const;
