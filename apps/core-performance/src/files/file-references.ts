import { Injectable } from '@nestjs/common';
import { FILE_SUBJECTS, validationFailed, type CallerIdentity, type FileCheckResult } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';

/** file.check.v1 takes at most this many ids per call. */
const CHECK_BATCH = 100;

/**
 * Before a record links files (achievement documents, LKE evidence, the settings logo), the file
 * service confirms each new id names a file the caller may see: a typo or a foreign id is a 400
 * naming it, and nothing is written. Ids the record already links are not asked about again.
 * The file service being down is a 503 (the write waits for it rather than linking blindly).
 */
@Injectable()
export class FileReferences {
  constructor(private readonly rpc: RpcClient) {}

  async assertVisible(caller: CallerIdentity, ids: readonly string[], field: string, alreadyLinked: Iterable<string> = []): Promise<void> {
    const known = new Set([...alreadyLinked].map((id) => id.toLowerCase()));
    const fresh = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => !known.has(id));
    const missing: string[] = [];
    for (let i = 0; i < fresh.length; i += CHECK_BATCH) {
      const res = await this.rpc.request<FileCheckResult>(FILE_SUBJECTS.check, { ids: fresh.slice(i, i + CHECK_BATCH) }, { identity: caller });
      missing.push(...res.missing);
    }
    if (missing.length) throw validationFailed('Unknown files', missing.map((id) => ({ field, message: `no file ${id} that you may see` })));
  }
}
