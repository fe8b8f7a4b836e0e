import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadinessCheck } from '@sakip/observability';
import { createServiceDataSource } from '@sakip/persistence';
import { DataSource } from 'typeorm';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { SigningKeyEntity } from '../keys/signing-key.entity';
import { AUTH_MIGRATIONS, AUTH_SCHEMA } from '../migrations';
import { RefreshTokenEntity, SessionFamilyEntity } from '../sessions/session.entities';
import { UserEntity } from '../users/user.entity';

export const AUTH_ENTITIES = [UserEntity, SessionFamilyEntity, RefreshTokenEntity, SigningKeyEntity, ApiKeyEntity];

export function createAuthDataSource(config: AuthConfig): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: AUTH_SCHEMA,
    entities: AUTH_ENTITIES,
    migrations: AUTH_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'sakip-auth',
  });
}

@Injectable()
export class DatabaseReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'database';
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}
  check() {
    return this.ds.query('SELECT 1');
  }
  async onApplicationShutdown() {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [AUTH_CONFIG],
      useFactory: (config: AuthConfig) => createAuthDataSource(config).initialize(),
    },
    DatabaseReadiness,
  ],
  exports: [DataSource, DatabaseReadiness],
})
export class DatabaseModule {}
