import type { IntegrationView } from '@sakip/contracts';
import { toSyncLogView, type SyncRunRow } from '../runs/sync-runs.repository';
import type { IntegrationRow } from './integrations.repository';

/** The public shape: credentials appear only by name. */
export function toIntegrationView(r: IntegrationRow, lastRun: SyncRunRow | undefined): IntegrationView {
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    baseUrl: r.base_url,
    syncFrequency: r.sync_frequency,
    options: r.options,
    isActive: r.is_active,
    credentialNames: r.credential_names,
    nextRunAt: r.next_run_at?.toISOString() ?? null,
    lastSync: lastRun ? toSyncLogView(lastRun) : null,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the audit keeps of an integration (no credential values). */
export function auditValues(r: IntegrationRow): Record<string, unknown> {
  return { type: r.type, name: r.name, baseUrl: r.base_url, credentialNames: r.credential_names, syncFrequency: r.sync_frequency, options: r.options, isActive: r.is_active };
}
