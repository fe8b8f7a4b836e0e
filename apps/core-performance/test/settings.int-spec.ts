import { CORE_EVENTS, CORE_SUBJECTS, ErrorCode, Role, SETTINGS_OWNER_ID, type SettingsView } from '@sakip/contracts';
import { randomUUID } from 'node:crypto';
import { apiKeyAs, callerAs, errorCodeOf, startCore, type CoreHarness } from './core-harness';

const admin = callerAs(Role.SuperAdmin);
const body = {
  pemdaName: 'Pemerintah Kabupaten Contoh',
  level: 'kabupaten',
  headName: 'H. Ahmad',
  headTitle: 'Bupati Contoh',
  headRank: 'Pembina Utama',
  headNip: '196501011990031001',
  capaianCap: 150,
  timezone: 'WITA',
  logoFileId: null,
  efficiency: { efficientAbove: 5, inefficientBelow: -5 },
};

describe('settings (integration)', () => {
  let core: CoreHarness;
  const get = (who = admin) => core.call<SettingsView>(CORE_SUBJECTS.settingsGet, {}, who);
  const put = (payload: Record<string, unknown>, who = admin) => core.call<SettingsView>(CORE_SUBJECTS.settingsUpdate, payload, who);
  const auditRows = () => core.sql(`SELECT operation, table_name, row_id, actor, ip, old_values, new_values FROM core.audit_log WHERE table_name = 'settings' ORDER BY id`);
  const logoEvents = () => core.sql(`SELECT data FROM core.outbox WHERE subject = $1 ORDER BY id`, [CORE_EVENTS.fileLinksChanged]);

  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core?.close());

  it('answers the seeded defaults to every role and to a key with opds:read', async () => {
    for (const who of [admin, callerAs(Role.AdminOpd, randomUUID()), callerAs(Role.Evaluator), callerAs(Role.Viewer), apiKeyAs(Role.AdminOpd, randomUUID(), ['opds:read'])]) {
      expect(await get(who)).toEqual({
        pemdaName: 'Pemerintah Daerah',
        level: 'kabupaten',
        headName: '',
        headTitle: '',
        headRank: null,
        headNip: null,
        capaianCap: 150,
        timezone: 'WIB',
        logoFileId: null,
        efficiency: { efficientAbove: 5, inefficientBelow: -5 },
        version: 1,
        updatedAt: expect.any(String),
      });
    }
  });

  it('refuses a key without opds:read and a call without identity', async () => {
    expect(await errorCodeOf(get(apiKeyAs(Role.SuperAdmin, null, ['plans:read'])))).toBe(ErrorCode.Forbidden);
    expect(await errorCodeOf(core.call(CORE_SUBJECTS.settingsGet, {}, null))).toBe(ErrorCode.Unauthenticated);
  });

  it.each([Role.AdminOpd, Role.Evaluator, Role.Viewer])('refuses PUT by %s (403) and writes nothing', async (role) => {
    expect(await errorCodeOf(put(body, callerAs(role, role === Role.AdminOpd ? randomUUID() : null)))).toBe(ErrorCode.Forbidden);
    expect((await get()).version).toBe(1);
  });

  it.each([
    ['an unknown level', { level: 'desa' }, 'level'],
    ['a cap below 100', { capaianCap: 50 }, 'capaianCap'],
    ['a cap with 3 decimals', { capaianCap: 120.125 }, 'capaianCap'],
    ['a cap as a string', { capaianCap: '150' }, 'capaianCap'],
    ['a missing cap', { capaianCap: undefined }, 'capaianCap'],
    ['an unknown time zone', { timezone: 'UTC' }, 'timezone'],
    ['a malformed logo id', { logoFileId: 'logo.png' }, 'logoFileId'],
    ['a missing logo id', { logoFileId: undefined }, 'logoFileId'],
    ['an empty Pemda name', { pemdaName: '   ' }, 'pemdaName'],
    ['a missing head title', { headTitle: undefined }, 'headTitle'],
    ['overlapping thresholds', { efficiency: { efficientAbove: 1, inefficientBelow: 2 } }, 'efficiency.inefficientBelow'],
    ['a threshold missing', { efficiency: { efficientAbove: 5 } }, 'efficiency.inefficientBelow'],
    ['a server-set field', { version: 7 }, 'version'],
    ['an unknown field', { motto: 'x' }, 'motto'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_label, over, field) => {
    const err = await put({ ...body, ...over }).catch((e: unknown) => e as { code: string; details: Array<{ field: string }> });
    expect(err).toMatchObject({ code: ErrorCode.ValidationFailed });
    expect((err as { details: Array<{ field: string }> }).details.map((d) => d.field)).toContain(field);
    expect((await get()).version).toBe(1);
    expect(await auditRows()).toEqual([]);
  });

  it('replaces the whole settings, audits the change in the same commit and bumps the version', async () => {
    const saved = await put({ ...body, expectedVersion: 1 });
    expect(saved).toEqual({ ...body, level: 'kabupaten', version: 2, updatedAt: expect.any(String) });
    expect(await get(callerAs(Role.Viewer))).toEqual(saved);
    const [row] = await auditRows();
    expect(row).toMatchObject({ operation: 'update', table_name: 'settings', row_id: '1', actor: admin.actor, ip: admin.ip });
    expect(row.old_values).toMatchObject({ pemdaName: 'Pemerintah Daerah', timezone: 'WIB', headRank: null });
    expect(row.new_values).toMatchObject({ pemdaName: 'Pemerintah Kabupaten Contoh', timezone: 'WITA', headRank: 'Pembina Utama' });
    expect(row.new_values).not.toHaveProperty('capaianCap'); // unchanged fields are not audited
    expect(await logoEvents()).toEqual([]); // the logo stayed null
  });

  it('treats omitted optional fields as null (PUT replaces) and accepts a null cap', async () => {
    const { headRank: _r, headNip: _n, ...rest } = body;
    const saved = await put({ ...rest, capaianCap: null });
    expect(saved).toMatchObject({ headRank: null, headNip: null, capaianCap: null, version: 3 });
    expect(await core.sql(`SELECT capaian_cap, head_rank FROM core.settings`)).toEqual([{ capaian_cap: null, head_rank: null }]);
  });

  it('writes nothing for a PUT that changes nothing', async () => {
    const before = await get();
    const audits = (await auditRows()).length;
    const { headRank: _r, headNip: _n, ...rest } = body;
    expect(await put({ ...rest, capaianCap: null })).toEqual(before);
    expect((await auditRows()).length).toBe(audits);
  });

  it('refuses a stale If-Match with 412', async () => {
    expect(await errorCodeOf(put({ ...body, expectedVersion: 1 }))).toBe(ErrorCode.PreconditionFailed);
    expect((await get()).version).toBe(3);
  });

  it('announces the logo as the settings owner\'s complete file set, and its removal as an empty set', async () => {
    const logo = randomUUID();
    expect(await errorCodeOf(put({ ...body, logoFileId: logo }))).toBe(ErrorCode.ValidationFailed);
    core.files.add(logo);
    await put({ ...body, logoFileId: logo, capaianCap: 175.25 });
    expect((await get()).capaianCap).toBe(175.25);
    await put({ ...body, logoFileId: logo, headName: 'Hj. Siti' }); // logo unchanged: no event
    await put({ ...body, logoFileId: null });
    expect((await logoEvents()).map((r) => r.data)).toEqual([
      { ownerType: 'settings_logo', ownerId: SETTINGS_OWNER_ID, fileIds: [logo], opdId: null },
      { ownerType: 'settings_logo', ownerId: SETTINGS_OWNER_ID, fileIds: [], opdId: null },
    ]);
  });
});
