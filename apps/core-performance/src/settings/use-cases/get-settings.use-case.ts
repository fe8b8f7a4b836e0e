import { Injectable } from '@nestjs/common';
import type { CallerIdentity, SettingsView } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { toSettingsView } from '../settings';
import { SettingsRepository } from '../settings.repository';

/** `GET /settings`: every role (and keys with `opds:read`). */
@Injectable()
export class GetSettings {
  constructor(private readonly settings: SettingsRepository) {}

  async execute(caller: CallerIdentity | null): Promise<SettingsView> {
    assertPermission(caller, 'settings.read');
    return toSettingsView(await this.settings.current());
  }
}
