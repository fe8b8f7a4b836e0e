import { NOTIFICATION_LANGUAGES, NOTIFICATION_TYPES } from '@sakip/contracts';
import { renderMessage } from './templates';

const data = {
  year: 2025,
  period: 'Q2',
  note: 'Lampirkan bukti',
  score: '78.50',
  grade: 'BB',
  kind: 'lkjip',
  format: 'pdf',
  error: 'timeout',
  startedAt: '2025-07-01T00:00:00.000Z',
};

describe('templates', () => {
  it.each(NOTIFICATION_LANGUAGES.flatMap((l) => NOTIFICATION_TYPES.map((t) => [t, l] as const)))('renders %s in %s with a title and a body', (type, lang) => {
    const m = renderMessage(type, lang, data);
    expect(m.title.length).toBeGreaterThan(5);
    expect(m.body.length).toBeGreaterThan(m.title.length / 2);
    expect(`${m.title} ${m.body}`).not.toMatch(/undefined|null|\[object/);
  });

  it('speaks Indonesian by period names (TW) and English otherwise', () => {
    expect(renderMessage('achievement.returned', 'id', data)).toEqual({
      title: 'Capaian TW II 2025 dikembalikan untuk perbaikan',
      body: 'Capaian indikator untuk TW II 2025 dikembalikan oleh evaluator untuk diperbaiki.\n\nAlasan: Lampirkan bukti',
    });
    expect(renderMessage('achievement.returned', 'en', data).title).toBe('Achievement for Q2 2025 returned for revision');
    expect(renderMessage('evaluation.published', 'id', data).body).toContain('nilai 78.50 (BB)');
  });

  it('leaves the note line out when there is none, and keeps other period codes as they are', () => {
    expect(renderMessage('achievement.verified', 'id', { ...data, note: null, period: 'S1' }).body).toBe('Capaian indikator untuk S1 2025 telah diverifikasi.');
  });
});
