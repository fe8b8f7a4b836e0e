import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { validationFailed, type CallerIdentity, type SettingsView, type UpdateSettingsCommand } from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { FileReferences } from '../../files/file-references';
import { settingsFromRequest, toSettingsView } from '../settings';
import { SettingsRepository } from '../settings.repository';

/** `PUT /settings` (super_admin): replaces the whole settings, honouring If-Match. */
@Injectable()
export class UpdateSettings {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly files: FileReferences,
  ) {}

  async execute(caller: CallerIdentity | null, cmd: UpdateSettingsCommand): Promise<SettingsView> {
    const admin = assertPermission(caller, 'settings.write');
    const { expectedVersion, ...body } = cmd;
    const next = settingsFromRequest(body);
    if (new Decimal(next.inefficientBelow).gt(next.efficientAbove)) {
      throw validationFailed('Efficiency thresholds overlap', [{ field: 'efficiency.inefficientBelow', message: 'inefficientBelow must not exceed efficientAbove' }]);
    }
    if (next.logoFileId) await this.files.assertVisible(admin, [next.logoFileId], 'logoFileId', [(await this.settings.current()).logoFileId].filter((id): id is string => !!id));
    const saved = await this.settings.replace(next, expectedVersion, { actor: admin.actor, ip: admin.ip });
    return toSettingsView(saved);
  }
}
