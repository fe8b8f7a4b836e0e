/** Request/reply subjects served by `integration-sync` (API.md "Integrations"). */
export const INTEGRATION_SUBJECTS = {
  list: 'integration.list.v1',
  get: 'integration.get.v1',
  create: 'integration.create.v1',
  update: 'integration.update.v1',
  delete: 'integration.delete.v1',
  /** Queue a sync now (202 with the sync log id; the one already queued or running is returned). */
  sync: 'integration.sync.v1',
  logs: 'integration.logs.v1',
  health: 'integration.health.v1',
  quarantine: 'integration.quarantine.v1',
} as const;

export type IntegrationSubject = (typeof INTEGRATION_SUBJECTS)[keyof typeof INTEGRATION_SUBJECTS];

/** The work queue of sync runs (a JetStream stream with work-queue retention, own to integration-sync). */
export const INTEGRATION_JOBS = { stream: 'INTEGRATION_JOBS', subject: 'job.integration.sync.v1' } as const;
