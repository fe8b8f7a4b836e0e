import type { Multipart, MultipartFile } from '@fastify/multipart';
import { DomainError, ErrorCode, validationFailed } from '@sakip/contracts';
import type { FastifyRequest } from 'fastify';

/** What a `POST /files` form holds: the `file` part, still unread, and the fields sent before it. */
export interface UploadForm {
  file: MultipartFile;
  opdId?: string;
  /** The original file name reduced to what `file.upload.authorize.v1` accepts (the service sanitizes it further). */
  filename: string;
  contentType: string;
  /** The rest of the form (one parser per request: read on through this, never a second `req.parts()`). */
  rest: AsyncIterator<Multipart>;
}

const FIELDS = new Set(['opdId']);
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;

/**
 * Reads the form up to its `file` part without reading the file itself (it is streamed on).
 * Fields must come before the file: a field after it could not change an upload already under way.
 * Not multipart → 415; no `file` part, another file field or an unknown field → 400.
 */
export async function readUploadForm(req: FastifyRequest): Promise<UploadForm> {
  if (!req.isMultipart()) throw new DomainError(ErrorCode.UnsupportedMediaType, 'Send multipart/form-data with a `file` part');
  let opdId: string | undefined;
  const parts = req.parts();
  for (let next = await parts.next(); !next.done; next = await parts.next()) {
    const part = next.value;
    if (part.type === 'field') {
      if (!FIELDS.has(part.fieldname)) throw validationFailed('Unknown form field', [{ field: part.fieldname, message: 'is not allowed' }]);
      const value = typeof part.value === 'string' ? part.value.trim() : '';
      opdId = value || undefined;
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw validationFailed('The file goes in the `file` field', [{ field: part.fieldname, message: 'is not allowed' }]);
    }
    return { file: part, rest: parts, opdId, filename: fileNameOf(part.filename), contentType: CONTENT_TYPE.test(part.mimetype) && part.mimetype.length <= 127 ? part.mimetype : 'application/octet-stream' };
  }
  throw validationFailed('A `file` part is required', [{ field: 'file', message: 'is required' }]);
}

/**
 * After the file: anything else in the form (a late field, a second file) is refused. Reading on
 * also drains the request, so the answer can go out on a clean connection.
 */
export async function assertNothingAfterFile(form: UploadForm): Promise<void> {
  let extra: string | undefined;
  try {
    for (let next = await form.rest.next(); !next.done; next = await form.rest.next()) {
      const part = next.value;
      extra ??= part.fieldname;
      if (part.type === 'file') part.file.resume();
    }
  } catch (err) {
    extra ??= (err as { code?: string }).code === 'FST_FILES_LIMIT' ? 'file' : undefined;
    if (!extra) throw err;
  }
  if (extra) throw validationFailed('Send one `file` part, after the other fields', [{ field: extra, message: 'must come before `file` (one file per upload)' }]);
}

/** Base name only (some clients send a path), no control characters, at most 255 UTF-16 units. */
function fileNameOf(raw: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = ((raw ?? '').split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  let name = '';
  for (const ch of base) {
    if (name.length + ch.length > 255) break;
    name += ch;
  }
  return name || 'file';
}
