import { Module } from '@nestjs/common';
import { Breakers } from '../connectors/breakers';
import { INTEGRATION_CONFIG, type IntegrationConfig } from '../integration.config';
import { QuarantineRepository } from '../runs/quarantine.repository';
import { SyncJobs } from '../runs/sync-jobs';
import { SyncRunner } from '../runs/sync-runner';
import { SyncRunsRepository } from '../runs/sync-runs.repository';
import { SyncScheduler } from '../runs/sync-scheduler';
import { ReadRunsUseCase } from '../runs/use-cases/read-runs.use-case';
import { TriggerSyncUseCase } from '../runs/use-cases/trigger-sync.use-case';
import { EmployeesRepository } from '../staff/employees.repository';
import { CredentialsCipher } from './credentials-cipher';
import { CredentialsReseal } from './credentials-reseal';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsRepository } from './integrations.repository';
import { CreateIntegrationUseCase } from './use-cases/create-integration.use-case';
import { DeleteIntegrationUseCase } from './use-cases/delete-integration.use-case';
import { ReadIntegrationsUseCase } from './use-cases/read-integrations.use-case';
import { UpdateIntegrationUseCase } from './use-cases/update-integration.use-case';

/** Integrations CRUD, their sync runs (queue, worker, scheduler), logs, health and quarantine. */
@Module({
  controllers: [IntegrationsController],
  providers: [
    { provide: CredentialsCipher, inject: [INTEGRATION_CONFIG], useFactory: (c: IntegrationConfig) => CredentialsCipher.fromConfig(c.INTEGRATION_SECRET_KEY, c.INTEGRATION_SECRET_KEYS_OLD) },
    IntegrationsRepository,
    SyncRunsRepository,
    QuarantineRepository,
    EmployeesRepository,
    Breakers,
    CredentialsReseal,
    CreateIntegrationUseCase,
    UpdateIntegrationUseCase,
    DeleteIntegrationUseCase,
    ReadIntegrationsUseCase,
    TriggerSyncUseCase,
    ReadRunsUseCase,
    SyncRunner,
    SyncJobs,
    SyncScheduler,
  ],
  exports: [SyncScheduler, SyncJobs, Breakers],
})
export class IntegrationsModule {}
