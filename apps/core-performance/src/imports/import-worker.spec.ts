import { DomainError, ErrorCode, Role } from '@sakip/contracts';
import type { RpcClient } from '@sakip/messaging';
import type { Logger } from '@sakip/observability';
import { callerAs } from '@sakip/testing';
import { ImportWorker } from './import-worker';
import type { ClaimedImport, ImportsRepository } from './imports.repository';

const job = (attempts: number): ClaimedImport => ({
  id: '0190a000-0000-7000-8000-000000000001',
  file_id: '0190a000-0000-7000-8000-000000000002',
  opd_id: null,
  requested_by: 'user:x',
  identity: callerAs(Role.SuperAdmin),
  status: 'running',
  total: 0,
  succeeded: 0,
  failed: 0,
  error: null,
  attempts,
  created_at: new Date(),
  finished_at: null,
});

/** How a failed attempt ends: a refusal or an unusable file fails the job, a passing fault waits for the lease. */
describe('ImportWorker failures', () => {
  const setup = (attempts: number, error: Error) => {
    const repo = { claim: jest.fn().mockResolvedValueOnce(job(attempts)).mockResolvedValue(null), fail: jest.fn() };
    const rpc = { request: jest.fn().mockRejectedValue(error) };
    const logger = { warn: jest.fn(), error: jest.fn() };
    const worker = new ImportWorker(repo as unknown as ImportsRepository, rpc as unknown as RpcClient, logger as unknown as Logger);
    return { repo, worker, logger };
  };

  it('fails the job when the file service refuses the file', async () => {
    const { repo, worker } = setup(1, new DomainError(ErrorCode.NotFound, 'File not found'));
    await worker.drain();
    expect(repo.fail).toHaveBeenCalledWith(expect.objectContaining({ attempts: 1 }), 'File not found');
  });

  it('leaves the job for a retry after a passing fault, and gives up after five attempts', async () => {
    const unavailable = setup(1, new DomainError(ErrorCode.UpstreamUnavailable, 'file is down'));
    await unavailable.worker.drain();
    expect(unavailable.repo.fail).not.toHaveBeenCalled();

    const first = setup(1, new Error('timeout'));
    await first.worker.drain();
    expect(first.repo.fail).not.toHaveBeenCalled();
    expect(first.logger.warn).toHaveBeenCalled();

    const last = setup(5, new Error('timeout'));
    await last.worker.drain();
    expect(last.repo.fail).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('gave up after 5 attempts'));
  });
});
