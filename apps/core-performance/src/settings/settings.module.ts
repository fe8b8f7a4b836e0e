import { Module } from '@nestjs/common';

/** Filled in by the settings feature. */
@Module({})
export class SettingsModule {}
