import { Injectable } from '@nestjs/common';
import { assertVersion, CORE_EVENTS, SETTINGS_LOGO_OWNER_TYPE, SETTINGS_OWNER_ID } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAudit, type AuditInput } from '../audit/core-audit';
import { coreOutbox } from '../events/core-outbox';
import { changedSettingsFields, settingsAuditValues, type Settings, type StoredSettings } from './settings';

interface SettingsRow {
  pemda_name: string;
  level: Settings['level'];
  head_name: string;
  head_title: string;
  head_rank: string | null;
  head_nip: string | null;
  capaian_cap: string | null;
  timezone: Settings['timezone'];
  logo_file_id: string | null;
  efficient_above: string;
  inefficient_below: string;
  updated_at: Date;
  version: number;
}

const COLUMNS = `pemda_name, level, head_name, head_title, head_rank, head_nip, capaian_cap, timezone, logo_file_id,
  efficient_above, inefficient_below, updated_at, version`;

function fromRow(r: SettingsRow): StoredSettings {
  return {
    pemdaName: r.pemda_name,
    level: r.level,
    headName: r.head_name,
    headTitle: r.head_title,
    headRank: r.head_rank,
    headNip: r.head_nip,
    capaianCap: r.capaian_cap,
    timezone: r.timezone,
    logoFileId: r.logo_file_id,
    efficientAbove: r.efficient_above,
    inefficientBelow: r.inefficient_below,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The single settings row (id = 1, seeded by the migration). Exported for features that need the cap or the bands. */
@Injectable()
export class SettingsRepository {
  constructor(private readonly ds: DataSource) {}

  async current(db: DataSource | EntityManager = this.ds): Promise<StoredSettings> {
    const [row] = await db.query<SettingsRow[]>(`SELECT ${COLUMNS} FROM core.settings WHERE id = 1`);
    return fromRow(row);
  }

  /**
   * Replaces the settings under a row lock: If-Match checked against the locked version, nothing
   * written when nothing differs, otherwise the row, its audit row and (for a new logo) the file
   * links event commit together.
   */
  replace(next: Settings, expectedVersion: number | undefined, by: Pick<AuditInput, 'actor' | 'ip'>): Promise<StoredSettings> {
    return this.ds.transaction(async (tx) => {
      const [locked] = await tx.query<SettingsRow[]>(`SELECT ${COLUMNS} FROM core.settings WHERE id = 1 FOR UPDATE`);
      const before = fromRow(locked);
      assertVersion(expectedVersion, before.version);
      const changed = changedSettingsFields(before, next);
      if (!changed.length) return before;
      const [[row]] = await tx.query<[SettingsRow[], number]>(
        `UPDATE core.settings SET pemda_name = $1, level = $2, head_name = $3, head_title = $4, head_rank = $5, head_nip = $6,
            capaian_cap = $7, timezone = $8, logo_file_id = $9, efficient_above = $10, inefficient_below = $11,
            updated_at = now(), version = version + 1
          WHERE id = 1 RETURNING ${COLUMNS}`,
        [next.pemdaName, next.level, next.headName, next.headTitle, next.headRank, next.headNip, next.capaianCap, next.timezone, next.logoFileId, next.efficientAbove, next.inefficientBelow],
      );
      await writeAudit(tx, {
        actor: by.actor,
        ip: by.ip,
        operation: 'update',
        table: 'settings',
        rowId: '1',
        oldValues: settingsAuditValues(before, changed),
        newValues: settingsAuditValues(next, changed),
      });
      if (changed.includes('logoFileId')) {
        // The complete set of files the settings reference: the file service keeps the new logo and may release the old one.
        await coreOutbox.enqueue(tx, CORE_EVENTS.fileLinksChanged, {
          ownerType: SETTINGS_LOGO_OWNER_TYPE,
          ownerId: SETTINGS_OWNER_ID,
          fileIds: next.logoFileId ? [next.logoFileId] : [],
          opdId: null,
        });
      }
      return fromRow(row);
    });
  }
}
