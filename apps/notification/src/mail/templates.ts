import type { NotificationLanguage, NotificationType } from '@sakip/contracts';

export interface RenderedMessage {
  /** The in-app title and the mail subject. */
  title: string;
  /** Plain text: the in-app body and the mail body. */
  body: string;
}

type Data = Record<string, unknown>;
type Template = (d: Data) => RenderedMessage;

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
/** Period codes as people say them: 2025 Q1 → "TW I 2025" / "Q1 2025". */
const when = (d: Data, lang: NotificationLanguage): string => {
  const period = text(d['period']);
  const q = /^Q([1-4])$/.exec(period)?.[1];
  const label = q ? (lang === 'id' ? `TW ${['I', 'II', 'III', 'IV'][Number(q) - 1]}` : `Q${q}`) : period;
  return [label, text(d['year'])].filter(Boolean).join(' ');
};
const noteLine = (d: Data, label: string): string => (d['note'] ? `\n\n${label}: ${text(d['note'])}` : '');

const TEMPLATES: Record<NotificationLanguage, Record<NotificationType, Template>> = {
  id: {
    'achievement.submitted': (d) => ({
      title: `Capaian ${when(d, 'id')} menunggu verifikasi`,
      body: `Capaian indikator untuk ${when(d, 'id')} telah diajukan dan menunggu verifikasi Anda.${noteLine(d, 'Catatan')}`,
    }),
    'achievement.returned': (d) => ({
      title: `Capaian ${when(d, 'id')} dikembalikan untuk perbaikan`,
      body: `Capaian indikator untuk ${when(d, 'id')} dikembalikan oleh evaluator untuk diperbaiki.${noteLine(d, 'Alasan')}`,
    }),
    'achievement.verified': (d) => ({
      title: `Capaian ${when(d, 'id')} telah diverifikasi`,
      body: `Capaian indikator untuk ${when(d, 'id')} telah diverifikasi.${noteLine(d, 'Catatan')}`,
    }),
    'evaluation.published': (d) => ({
      title: `Hasil evaluasi SAKIP ${text(d['year'])} telah terbit`,
      body: `Hasil evaluasi SAKIP tahun ${text(d['year'])} telah dipublikasikan: nilai ${text(d['score'])} (${text(d['grade'])}). Silakan tindak lanjuti rekomendasinya.`,
    }),
    'report.completed': (d) => ({
      title: `Laporan ${text(d['kind']).toUpperCase()} ${text(d['year'])} siap diunduh`,
      body: `Laporan ${text(d['kind']).toUpperCase()} tahun ${text(d['year'])} (${text(d['format']).toUpperCase()}) yang Anda minta telah selesai dibuat.`,
    }),
    'report.failed': (d) => ({
      title: `Laporan ${text(d['kind']).toUpperCase()} ${text(d['year'])} gagal dibuat`,
      body: `Laporan ${text(d['kind']).toUpperCase()} tahun ${text(d['year'])} yang Anda minta gagal dibuat: ${text(d['error'])}`,
    }),
    'sync.failed': (d) => ({
      title: `Sinkronisasi ${text(d['kind']).toUpperCase()} gagal`,
      body: `Sinkronisasi ${text(d['kind']).toUpperCase()} yang dimulai ${text(d['startedAt'])} gagal: ${text(d['error'])}`,
    }),
  },
  en: {
    'achievement.submitted': (d) => ({
      title: `Achievement for ${when(d, 'en')} awaits verification`,
      body: `An indicator achievement for ${when(d, 'en')} was submitted and awaits your verification.${noteLine(d, 'Note')}`,
    }),
    'achievement.returned': (d) => ({
      title: `Achievement for ${when(d, 'en')} returned for revision`,
      body: `An indicator achievement for ${when(d, 'en')} was returned by the evaluator for revision.${noteLine(d, 'Reason')}`,
    }),
    'achievement.verified': (d) => ({
      title: `Achievement for ${when(d, 'en')} verified`,
      body: `An indicator achievement for ${when(d, 'en')} was verified.${noteLine(d, 'Note')}`,
    }),
    'evaluation.published': (d) => ({
      title: `SAKIP evaluation ${text(d['year'])} published`,
      body: `The SAKIP evaluation for ${text(d['year'])} was published: score ${text(d['score'])} (${text(d['grade'])}). Please follow up on its recommendations.`,
    }),
    'report.completed': (d) => ({
      title: `Report ${text(d['kind']).toUpperCase()} ${text(d['year'])} is ready`,
      body: `The ${text(d['kind']).toUpperCase()} report for ${text(d['year'])} (${text(d['format']).toUpperCase()}) you requested is ready to download.`,
    }),
    'report.failed': (d) => ({
      title: `Report ${text(d['kind']).toUpperCase()} ${text(d['year'])} failed`,
      body: `The ${text(d['kind']).toUpperCase()} report for ${text(d['year'])} you requested could not be generated: ${text(d['error'])}`,
    }),
    'sync.failed': (d) => ({
      title: `${text(d['kind']).toUpperCase()} sync failed`,
      body: `The ${text(d['kind']).toUpperCase()} sync started ${text(d['startedAt'])} failed: ${text(d['error'])}`,
    }),
  },
};

/** Title and body of a notification in the recipient's language (Indonesian unless they chose English). */
export function renderMessage(type: NotificationType, language: NotificationLanguage, data: Data): RenderedMessage {
  return TEMPLATES[language][type](data);
}
