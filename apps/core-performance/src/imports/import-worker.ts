import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode, FILE_SUBJECTS, type FileDownloadGrant } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { isUUID } from 'class-validator';
import { OpdAccess } from '../access/opd-access';
import { achievementFitErrors } from '../achievements/achievement-fit';
import { ImportFileError, parseImportFile, readBounded } from './import-file';
import { cellsOf, judgeRow, readHeader, type ImportIndicator, type ImportValues } from './import-row';
import { ImportsRepository, type ClaimedImport, type JudgedRow } from './imports.repository';

const POLL_MS = 1000;
/** A job failing this many times for a passing reason (network, database) ends failed. */
const MAX_ATTEMPTS = 5;
/** Refusals worth retrying (the file service down or slow, a rate limit); any other refusal ends the job. */
const PASSING: readonly string[] = [ErrorCode.UpstreamUnavailable, ErrorCode.UpstreamTimeout, ErrorCode.RateLimited, ErrorCode.Internal];

/**
 * Runs import jobs inside core: polls `core.imports` every second (and at once after a request
 * commits), claims one job with FOR UPDATE SKIP LOCKED under a lease, so several replicas share
 * the work and a job whose worker died is taken again once its lease expires.
 */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly imports: ImportsRepository,
    private readonly rpc: RpcClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
  }

  // The earliest shutdown hook: the last job finishes (or rolls back) while the database is still open.
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Drains the queue now (a drain already under way runs once more). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Runs jobs until none is left; resolves, never rejects. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOne()));
    } catch (e) {
      this.logger.error({ err: e }, 'import worker poll failed');
    }
  }

  /** Claims and runs one job; false when none was waiting. */
  async runOne(): Promise<boolean> {
    const job = await this.imports.claim();
    if (!job) return false;
    try {
      await this.run(job);
    } catch (e) {
      const permanent = e instanceof ImportFileError || (e instanceof DomainError && !PASSING.includes(e.code));
      if (permanent || job.attempts >= MAX_ATTEMPTS) await this.imports.fail(job, permanent ? (e as Error).message : `gave up after ${job.attempts} attempts: ${(e as Error).message}`);
      else this.logger.warn({ err: e, importId: job.id }, 'import attempt failed; retried when its lease expires');
    }
    return true;
  }

  private async run(job: ClaimedImport): Promise<void> {
    const { bytes, sha256 } = await this.download(job);
    const [header, ...data] = await parseImportFile(bytes);
    if (!header) throw new ImportFileError('the file is empty');
    const cols = readHeader(header.fields);
    if (typeof cols === 'string') throw new ImportFileError(cols);

    const access = OpdAccess.of(job.identity);
    const cells = data.map((r) => ({ row: r.row, cells: cellsOf(r.fields, cols) }));
    const ids = [...new Set(cells.map((c) => c.cells.indicatorId.toLowerCase()).filter((id) => isUUID(id)))];
    const indicators = new Map((await this.imports.indicators(ids)).map((i) => [i.id.toLowerCase(), i]));
    const judged: JudgedRow[] = cells.map(({ row, cells: c }) => {
      const verdict = judgeRow(c, indicators, access);
      return { row, raw: c, values: verdict.ok ? verdict.values : null, error: verdict.ok ? null : verdict.error };
    });
    // Under the lock the indicator may have changed since the read: the same rules once more.
    const recheck = (i: ImportIndicator, v: ImportValues): string | null => {
      if (!access.canSee(i.opd_id) || i.opd_id !== v.opdId) return 'indicatorId: Indicator not found';
      const misfit = achievementFitErrors(i, v.year, v.period);
      return misfit.length ? misfit.map((e) => `${e.field}: ${e.message}`).join('; ') : null;
    };
    await this.imports.finish(job, judged, sha256, recheck);
  }

  /** The bytes over the file service's internal HTTP API, as the requester (it decides who may). */
  private async download(job: ClaimedImport): Promise<{ bytes: Buffer; sha256: string }> {
    const grant = await this.rpc.request<FileDownloadGrant>(FILE_SUBJECTS.downloadAuthorize, { fileId: job.file_id }, { identity: job.identity });
    if (!grant.url) throw new Error('the download grant carries no url');
    const res = await fetch(grant.url);
    if (res.status >= 400 && res.status < 500) throw new ImportFileError(`the file service refused the download (${res.status})`);
    if (!res.ok || !res.body) throw new Error(`file download answered ${res.status}`);
    return readBounded(res.body as unknown as AsyncIterable<Uint8Array>);
  }
}
