import type { ReportSpec } from './generate-report';

const TITLES: Record<ReportSpec['type'], string> = {
  lkjip: 'LKjIP',
  pk: 'Perjanjian-Kinerja',
  iku: 'IKU',
  'rencana-aksi': 'Rencana-Aksi',
  capaian: 'Capaian-Kinerja',
  'realisasi-anggaran': 'Realisasi-Anggaran',
};

/** Download name and type of a report, known before it is built (the upload grant needs them). */
export function reportFileOf(spec: Pick<ReportSpec, 'type' | 'format' | 'year' | 'opdId' | 'period'>): { fileName: string; mimeType: string } {
  const scope = spec.opdId ? `OPD-${spec.opdId.slice(0, 8)}` : 'Pemda';
  const period = spec.period && spec.period !== 'Y' ? `-${spec.period}` : '';
  return {
    fileName: `${TITLES[spec.type]}-${spec.year}${period}-${scope}.${spec.format}`,
    mimeType: spec.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
