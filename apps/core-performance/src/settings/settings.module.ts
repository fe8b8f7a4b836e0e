import { Module } from '@nestjs/common';
import { FileReferencesModule } from '../files/file-references.module';
import { SettingsController } from './settings.controller';
import { SettingsRepository } from './settings.repository';
import { GetSettings } from './use-cases/get-settings.use-case';
import { UpdateSettings } from './use-cases/update-settings.use-case';

/** Pemda settings (DOMAIN.md "Settings"); SettingsRepository is exported for the capaian cap and efficiency bands. */
@Module({
  imports: [FileReferencesModule],
  controllers: [SettingsController],
  providers: [SettingsRepository, GetSettings, UpdateSettings],
  exports: [SettingsRepository],
})
export class SettingsModule {}
