import { Injectable } from '@nestjs/common';
import { validationFailed, type CallerIdentity, type NotificationPreferencesView, type UpdateNotificationPreferencesRequest } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { DataSource } from 'typeorm';
import { writeAudit } from '../../audit/notification-audit';
import { PreferencesRepository } from '../preferences.repository';

/** Changes the given pairs (and language); the rest keep their value. Audited like any other change. */
@Injectable()
export class UpdatePreferencesUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly preferences: PreferencesRepository,
  ) {}

  async execute(dto: UpdateNotificationPreferencesRequest, caller: CallerIdentity | null): Promise<NotificationPreferencesView> {
    const me = assertPermission(caller, 'notifications.read');
    const pairs = dto.preferences ?? [];
    const seen = new Set<string>();
    pairs.forEach((p, i) => {
      const key = `${p.type}|${p.channel}`;
      if (seen.has(key)) throw validationFailed('Each type and channel may appear once', [{ field: `preferences[${i}]`, message: `${p.type} ${p.channel} is given twice` }]);
      seen.add(key);
    });
    return this.ds.transaction(async (tx) => {
      const before = await this.preferences.forUser(me.sub, tx);
      await this.preferences.save(tx, me.sub, dto.language, pairs);
      const after = await this.preferences.forUser(me.sub, tx);
      await writeAudit(tx, {
        actor: me.actor,
        ip: me.ip,
        operation: 'update',
        table: 'user_settings',
        rowId: me.sub,
        oldValues: { language: before.language, preferences: before.list() },
        newValues: { language: after.language, preferences: after.list() },
      });
      return { language: after.language, preferences: after.list() };
    });
  }
}
