import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule, eventSettingsFromEnv, MessagingModule, NatsReadiness } from '@sakip/messaging';
import { ObservabilityModule } from '@sakip/observability';
import { DatabaseModule, DatabaseReadiness } from '@sakip/persistence';
import { createFileDataSource } from './database/file-data-source';
import { FILE_CONFIG, type FileConfig } from './file.config';
import { FilesModule } from './files/files.module';
import { FILE_SCHEMA } from './migrations';
import { createStorageDriver } from './storage/storage.factory';
import { STORAGE_DRIVER } from './storage/storage-driver';

@Module({})
export class FileAppModule {
  static forRoot(config: FileConfig): DynamicModule {
    return {
      module: FileAppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service: 'file', logLevel: config.LOG_LEVEL, readinessCheckTokens: [DatabaseReadiness, NatsReadiness, STORAGE_DRIVER] }),
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'file', user: config.NATS_USER, pass: config.NATS_PASSWORD, prefix: config.NATS_PREFIX, rpcTimeoutMs: config.RPC_TIMEOUT_MS }),
        DatabaseModule.forService(FILE_CONFIG, createFileDataSource),
        EventsModule.forRoot({ service: 'file', schema: FILE_SCHEMA, ...eventSettingsFromEnv(config) }),
        FilesModule,
      ],
      providers: [
        { provide: FILE_CONFIG, useValue: config },
        // The FILE_STORAGE driver, app-wide: the files feature uses it and readiness probes it.
        { provide: STORAGE_DRIVER, useFactory: () => createStorageDriver(config) },
      ],
      exports: [FILE_CONFIG, STORAGE_DRIVER],
    };
  }
}
