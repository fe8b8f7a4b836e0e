import type { UpdateSettingsRequest } from '@sakip/contracts';
import { changedSettingsFields, settingsAuditValues, settingsFromRequest, toSettingsView, type StoredSettings } from './settings';

const body: UpdateSettingsRequest = {
  pemdaName: 'Pemerintah Kota Contoh',
  level: 'kota',
  headName: 'Budi',
  headTitle: 'Wali Kota Contoh',
  capaianCap: 120.5,
  timezone: 'WITA',
  logoFileId: null,
  efficiency: { efficientAbove: 10, inefficientBelow: -2.25 },
};

describe('settings', () => {
  it('stores decimals as 2-decimal strings and omitted optional fields as null', () => {
    expect(settingsFromRequest(body)).toEqual({
      pemdaName: 'Pemerintah Kota Contoh',
      level: 'kota',
      headName: 'Budi',
      headTitle: 'Wali Kota Contoh',
      headRank: null,
      headNip: null,
      capaianCap: '120.50',
      timezone: 'WITA',
      logoFileId: null,
      efficientAbove: '10.00',
      inefficientBelow: '-2.25',
    });
    expect(settingsFromRequest({ ...body, capaianCap: null }).capaianCap).toBeNull();
  });

  it('finds no change when the same values come back (as PostgreSQL returns them)', () => {
    const stored = settingsFromRequest(body);
    expect(changedSettingsFields(stored, settingsFromRequest({ ...body, capaianCap: 120.5 }))).toEqual([]);
    expect(changedSettingsFields(stored, settingsFromRequest({ ...body, headRank: 'IV/e', logoFileId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }))).toEqual(['headRank', 'logoFileId']);
  });

  it('audits changed fields with numbers where the API has numbers', () => {
    const s = settingsFromRequest(body);
    expect(settingsAuditValues(s, ['capaianCap', 'inefficientBelow', 'level'])).toEqual({ capaianCap: 120.5, inefficientBelow: -2.25, level: 'kota' });
  });

  it('answers numbers and the nested efficiency bands', () => {
    const stored: StoredSettings = { ...settingsFromRequest(body), version: 3, updatedAt: new Date('2026-01-02T03:04:05.000Z') };
    expect(toSettingsView(stored)).toMatchObject({ capaianCap: 120.5, efficiency: { efficientAbove: 10, inefficientBelow: -2.25 }, version: 3, updatedAt: '2026-01-02T03:04:05.000Z' });
  });
});
