import { Injectable } from '@nestjs/common';
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES, type NotificationChannel, type NotificationLanguage, type NotificationPreference, type NotificationType } from '@sakip/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { defaultEnabled } from './preference-defaults';

/** One user's effective choices: language and, per (type, channel), on or off (defaults filled in). */
export interface UserPreferences {
  language: NotificationLanguage;
  version: number;
  enabled(type: NotificationType, channel: NotificationChannel): boolean;
  list(): NotificationPreference[];
}

function preferencesOf(language: NotificationLanguage, version: number, chosen: Map<string, boolean>): UserPreferences {
  const enabled = (type: NotificationType, channel: NotificationChannel) => chosen.get(`${type}|${channel}`) ?? defaultEnabled(type, channel);
  return {
    language,
    version,
    enabled,
    list: () => NOTIFICATION_TYPES.flatMap((type) => NOTIFICATION_CHANNELS.map((channel) => ({ type, channel, enabled: enabled(type, channel) }))),
  };
}

@Injectable()
export class PreferencesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Effective preferences of many users at once (a fan-out), in one round trip each table. */
  async forUsers(db: DataSource | EntityManager, userIds: string[]): Promise<Map<string, UserPreferences>> {
    const settings: Array<{ user_id: string; language: NotificationLanguage; version: number }> = userIds.length
      ? await db.query(`SELECT user_id, language, version FROM notification.user_settings WHERE user_id = ANY($1::uuid[])`, [userIds])
      : [];
    const choices: Array<{ user_id: string; type: string; channel: string; enabled: boolean }> = userIds.length
      ? await db.query(`SELECT user_id, type, channel, enabled FROM notification.channel_preferences WHERE user_id = ANY($1::uuid[])`, [userIds])
      : [];
    const chosen = new Map<string, Map<string, boolean>>();
    for (const c of choices) {
      const mine = chosen.get(c.user_id) ?? new Map<string, boolean>();
      mine.set(`${c.type}|${c.channel}`, c.enabled);
      chosen.set(c.user_id, mine);
    }
    const byUser = new Map(settings.map((s) => [s.user_id, s]));
    return new Map(userIds.map((id) => [id, preferencesOf(byUser.get(id)?.language ?? 'id', byUser.get(id)?.version ?? 0, chosen.get(id) ?? new Map())]));
  }

  async forUser(userId: string, db: DataSource | EntityManager = this.ds): Promise<UserPreferences> {
    return (await this.forUsers(db, [userId])).get(userId) ?? preferencesOf('id', 0, new Map());
  }

  /** Applies the given language and pairs; the user's settings row carries the version. */
  async save(tx: EntityManager, userId: string, language: NotificationLanguage | undefined, pairs: NotificationPreference[]): Promise<void> {
    await tx.query(
      `INSERT INTO notification.user_settings AS s (user_id, language) VALUES ($1, COALESCE($2, 'id'))
       ON CONFLICT (user_id) DO UPDATE SET language = COALESCE($2, s.language), version = s.version + 1, updated_at = now()`,
      [userId, language ?? null],
    );
    if (!pairs.length) return;
    await tx.query(
      `INSERT INTO notification.channel_preferences AS p (user_id, type, channel, enabled)
       SELECT $1, c.type, c.channel, c.enabled FROM unnest($2::text[], $3::text[], $4::boolean[]) AS c (type, channel, enabled)
       ON CONFLICT (user_id, type, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [userId, pairs.map((p) => p.type), pairs.map((p) => p.channel), pairs.map((p) => p.enabled)],
    );
  }
}
