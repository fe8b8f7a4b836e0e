import type { Rng } from '../random';
import type { HeadGrade, TitleField } from './spec';

/** Heads of OPDs: Indonesian names with academic titles, PNS ranks and 18-digit NIPs. */

const MALE = ['Ahmad', 'Bambang', 'Agus', 'Budi', 'Dedi', 'Eko', 'Hendra', 'Iwan', 'Joko', 'Rudi', 'Slamet', 'Teguh', 'Wahyu', 'Yusuf', 'Asep', 'Dadan', 'Ujang', 'Cecep', 'Dodi', 'Hadi', 'Imam', 'Rahmat', 'Heru', 'Nanang', 'Irfan', 'Arief', 'Dwi', 'Fajar', 'Gilang', 'Yayan'];
const FEMALE = ['Siti', 'Sri', 'Dewi', 'Rina', 'Yuli', 'Ani', 'Endang', 'Nur', 'Ratna', 'Lilis', 'Neneng', 'Euis', 'Wulan', 'Indah', 'Fitri', 'Kartika', 'Lestari', 'Nining', 'Tuti', 'Dian'];
const MALE_LAST = ['Suryadi', 'Hidayat', 'Kurniawan', 'Setiawan', 'Prasetyo', 'Santoso', 'Wibowo', 'Nugroho', 'Gunawan', 'Saputra', 'Permana', 'Sudrajat', 'Hermawan', 'Firmansyah', 'Hakim', 'Maulana', 'Ramadhan', 'Wijaya', 'Purnama', 'Sulistyo', 'Mulyana', 'Supriadi', 'Rusmana', 'Kosasih'];
const FEMALE_LAST = ['Rahmawati', 'Susanti', 'Kusumawati', 'Handayani', 'Puspitasari', 'Anggraini', 'Wulandari', 'Nurhayati', 'Fitriani', 'Kurniasih', 'Marlina', 'Sulastri'];

/** Degrees by field: [prefix, suffix]; `dr.`/`Ir.` stand before the name. */
const TITLES: Record<TitleField, ReadonlyArray<readonly [string, string]>> = {
  education: [['', 'S.Pd., M.Pd.'], ['Dr. ', 'M.Pd.'], ['', 'S.Pd., M.M.']],
  health: [['dr. ', 'M.Kes.'], ['', 'S.K.M., M.Kes.'], ['drg. ', 'M.K.M.'], ['dr. ', 'Sp.PD.']],
  engineering: [['Ir. ', 'M.T.'], ['', 'S.T., M.T.'], ['', 'S.T., M.Eng.']],
  economics: [['', 'S.E., M.Si.'], ['', 'S.E., M.M.'], ['', 'S.E., Ak., M.Ak.'], ['Dr. ', 'S.E., M.Si.']],
  government: [['', 'S.STP., M.Si.'], ['', 'S.Sos., M.AP.'], ['', 'S.IP., M.Si.'], ['Drs. ', 'M.Si.']],
  law: [['', 'S.H., M.H.'], ['', 'S.H., M.Si.'], ['Dr. ', 'S.H., M.H.']],
  agriculture: [['Ir. ', 'M.P.'], ['', 'S.P., M.Si.'], ['', 'S.Pt., M.P.']],
  informatics: [['', 'S.Kom., M.Kom.'], ['', 'S.T., M.Kom.'], ['', 'S.Kom., M.T.I.']],
  social: [['', 'S.Sos., M.Si.'], ['', 'S.Psi., M.Psi.'], ['Dra. ', 'M.Si.']],
};

/** PNS ranks (pangkat, golongan) typical of each post: JPT Madya/Pratama, administrator. */
const RANKS: Record<HeadGrade, readonly string[]> = {
  sekda: ['Pembina Utama Madya (IV/d)', 'Pembina Utama Muda (IV/c)'],
  kepala: ['Pembina Utama Muda (IV/c)', 'Pembina Tingkat I (IV/b)', 'Pembina Tingkat I (IV/b)'],
  camat: ['Pembina (IV/a)', 'Penata Tingkat I (III/d)', 'Pembina (IV/a)'],
};

export interface Person {
  name: string;
  rank: string;
  nip: string;
  female: boolean;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * NIP (PP 11/2017 layout): birth date (8) + CPNS appointment year and month (6) + sex (1: male,
 * 2: female) + serial (3).
 */
export function nipOf(rng: Rng, female: boolean, olderThan = 0): string {
  const birthYear = rng.int(1967, 1982) - olderThan;
  const birth = `${birthYear}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}`;
  const cpns = `${birthYear + rng.int(23, 29)}${rng.pick(['01', '02', '03', '04', '12'])}`;
  return `${birth}${cpns}${female ? 2 : 1}${pad(rng.int(1, 12), 3)}`;
}

export function headOf(rng: Rng, field: TitleField, grade: HeadGrade): Person {
  const female = rng.chance(0.3);
  const first = rng.pick(female ? FEMALE : MALE);
  const last = rng.pick(female ? FEMALE_LAST : MALE_LAST);
  const [pre, post] = rng.pick(TITLES[field]);
  const hajj = pre === '' && rng.chance(0.35) ? (female ? 'Hj. ' : 'H. ') : '';
  return {
    name: `${pre}${hajj}${first} ${last}, ${post}`,
    rank: rng.pick(RANKS[grade]),
    nip: nipOf(rng, female, grade === 'sekda' ? 3 : 0),
    female,
  };
}
