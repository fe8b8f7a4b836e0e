import { Injectable } from '@nestjs/common';
import type { CallerIdentity, NotificationPreferencesView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { PreferencesRepository } from '../preferences.repository';

/** The caller's language and every (type, channel) pair with its effective value. */
@Injectable()
export class GetPreferencesUseCase {
  constructor(private readonly preferences: PreferencesRepository) {}

  async execute(caller: CallerIdentity | null): Promise<NotificationPreferencesView> {
    const me = assertPermission(caller, 'notifications.read');
    const p = await this.preferences.forUser(me.sub);
    return { language: p.language, preferences: p.list() };
  }
}
