import type { RpcClient } from '@sakip/messaging';
import type { IntegrationRow } from '../integrations/integrations.repository';
import type { RunCounts } from '../runs/sync-runs.repository';
import type { UpstreamClient } from './upstream-client';
import type { RejectedRow } from './upstream-shapes';

/** What a connector gets for one run. */
export interface ConnectorRun {
  integration: IntegrationRow;
  client: UpstreamClient;
  rpc: RpcClient;
  /** Where an interrupted run stopped (set by `step`), `{}` on a fresh run. */
  checkpoint: Record<string, unknown>;
  /** Records one finished step (counts, refused rows, where to resume) in one transaction. */
  step(counts: RunCounts, rejected: RejectedRow[], checkpoint: Record<string, unknown>): Promise<void>;
  signal: AbortSignal;
}

/** What a complete run leaves for the next one (e.g. SIMPEG's updated_since). */
export interface ConnectorResult {
  cursor?: Record<string, unknown>;
}

export type Connector = (run: ConnectorRun) => Promise<ConnectorResult>;

export const ZERO: RunCounts = { inserted: 0, updated: 0, unchanged: 0, failed: 0 };

export function addCounts(a: RunCounts, b: Partial<RunCounts>): RunCounts {
  return { inserted: a.inserted + (b.inserted ?? 0), updated: a.updated + (b.updated ?? 0), unchanged: a.unchanged + (b.unchanged ?? 0), failed: a.failed + (b.failed ?? 0) };
}
