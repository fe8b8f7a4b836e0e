import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, INTEGRATION_EVENTS } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { DataSource } from 'typeorm';
import type { Connector } from '../connectors/connector';
import { Breakers } from '../connectors/breakers';
import { simpegConnector } from '../connectors/simpeg.connector';
import { syncSipd } from '../connectors/sipd.connector';
import { UpstreamClient, UpstreamError } from '../connectors/upstream-client';
import { integrationOutbox } from '../events/integration-outbox';
import { INTEGRATION_CONFIG, type IntegrationConfig } from '../integration.config';
import { AllowedHosts } from '../integrations/base-url-guard';
import { CredentialsCipher } from '../integrations/credentials-cipher';
import { IntegrationsRepository, type IntegrationRow } from '../integrations/integrations.repository';
import { EmployeesRepository } from '../staff/employees.repository';
import { QuarantineRepository } from './quarantine.repository';
import { SyncRunsRepository, type SyncRunRow } from './sync-runs.repository';

/** How each upstream wants its credentials. */
export function authHeaders(integration: Pick<IntegrationRow, 'type'>, credentials: Record<string, string>): Record<string, string> {
  if (integration.type === 'sipd') return { authorization: `Bearer ${credentials['apiKey'] ?? ''}` };
  return { authorization: `Basic ${Buffer.from(`${credentials['username'] ?? ''}:${credentials['password'] ?? ''}`).toString('base64')}` };
}

/** Worth another delivery: the upstream or a SAKIP service was down or slow, the database hiccuped. */
function isTransient(err: unknown): boolean {
  if (err instanceof UpstreamError) return err.retryable;
  if (err instanceof DomainError) return [ErrorCode.UpstreamUnavailable, ErrorCode.UpstreamTimeout, ErrorCode.RateLimited, ErrorCode.Internal].includes(err.code);
  return true;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Executes one delivery of a sync job: claims the run (a crashed worker's run once its lease has
 * lapsed), runs the connector with the decrypted credentials behind the integration's breaker,
 * records each page as it goes, and settles the run. A transient failure releases the run and
 * throws, so the queue redelivers it and the next worker resumes from the last finished page; a
 * permanent one (or the last delivery) marks it failed and emits `evt.integration.sync.failed.v1`.
 */
@Injectable()
export class SyncRunner {
  private readonly allowed: AllowedHosts;
  private readonly leaseMs: number;
  private readonly simpeg: Connector;

  constructor(
    private readonly ds: DataSource,
    private readonly runs: SyncRunsRepository,
    private readonly integrations: IntegrationsRepository,
    private readonly quarantine: QuarantineRepository,
    private readonly cipher: CredentialsCipher,
    private readonly breakers: Breakers,
    private readonly rpc: RpcClient,
    @Inject(INTEGRATION_CONFIG) private readonly config: IntegrationConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    employees: EmployeesRepository,
  ) {
    this.allowed = new AllowedHosts(config.INTEGRATION_ALLOWED_HOSTS);
    this.leaseMs = config.INTEGRATION_JOB_ACK_WAIT_MS;
    this.simpeg = simpegConnector((tx, id, rows) => employees.upsert(tx, id, rows), (work) => this.ds.transaction(work));
  }

  async run(runId: string, delivery: number, signal: AbortSignal): Promise<void> {
    const run = await this.runs.claim(runId, this.leaseMs);
    if (!run) return; // finished, or a live worker holds it
    const integration = await this.integrations.get(run.integration_id);
    if (!integration) return;
    const renew = setInterval(() => void this.runs.renewLease(runId, this.leaseMs).catch(() => undefined), Math.max(500, Math.floor(this.leaseMs / 3)));
    renew.unref();
    try {
      const credentials = this.cipher.open(integration.id, { blob: integration.credentials, keyId: integration.credentials_key_id });
      const client = new UpstreamClient({
        baseUrl: integration.base_url,
        headers: authHeaders(integration, credentials),
        timeoutMs: this.config.INTEGRATION_HTTP_TIMEOUT_MS,
        retries: this.config.INTEGRATION_HTTP_RETRIES,
        retryBaseMs: this.config.INTEGRATION_HTTP_RETRY_BASE_MS,
        allowed: this.allowed,
        breaker: this.breakers.for(integration.id),
        signal,
      });
      const connector = integration.type === 'sipd' ? syncSipd : this.simpeg;
      const result = await connector({
        integration,
        client,
        rpc: this.rpc,
        checkpoint: run.checkpoint,
        signal,
        step: (counts, rejected, checkpoint) =>
          this.ds.transaction(async (tx) => {
            await this.quarantine.put(tx, integration.id, run.id, rejected);
            await this.runs.progress(tx, run.id, counts, checkpoint, this.leaseMs);
          }),
      });
      await this.ds.transaction(async (tx) => {
        await this.runs.complete(tx, run.id);
        await this.quarantine.keepOnlyRun(tx, integration.id, run.id);
        if (result.cursor) await this.integrations.saveCursor(tx, integration.id, result.cursor);
      });
    } catch (err) {
      const error = messageOf(err);
      if (signal.aborted || (isTransient(err) && delivery < this.config.INTEGRATION_JOB_MAX_DELIVER)) {
        this.logger.warn({ runId, integrationId: integration.id, delivery, err: error }, 'sync interrupted; the job will be redelivered and resume');
        await this.runs.release(runId, error);
        throw err;
      }
      await this.fail(run, integration, error);
    } finally {
      clearInterval(renew);
    }
  }

  /** Marks it failed (once) and tells the super_admins through the event. */
  async fail(run: Pick<SyncRunRow, 'id'>, integration: Pick<IntegrationRow, 'id' | 'type'>, error: string): Promise<void> {
    await this.ds.transaction(async (tx) => {
      const failed = await this.runs.fail(tx, run.id, error);
      if (!failed) return;
      this.logger.warn({ runId: run.id, integrationId: integration.id, err: error }, 'sync failed');
      await integrationOutbox.enqueue(tx, INTEGRATION_EVENTS.syncFailed, {
        integrationId: integration.id,
        kind: integration.type,
        runId: run.id,
        startedAt: (failed.started_at ?? failed.created_at).toISOString(),
        finishedAt: (failed.finished_at ?? new Date()).toISOString(),
        error: error.slice(0, 1000) || 'failed',
      });
    });
  }
}
