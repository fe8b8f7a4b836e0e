import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

/** Streamed uploads are capped at 10 MiB (ARCHITECTURE.md "Edge"). */
export const FILE_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** `file.upload.authorize.v1`, sent with the user's identity: may this user upload this file? */
export class FileUploadAuthorizeRequest {
  @IsString() @Length(1, 255) @Matches(/^[^/\\\0]+$/, { message: 'filename must not contain path separators' })
  filename: string;

  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/i) @Length(3, 127)
  contentType: string;

  @IsInt() @Min(1) @Max(FILE_MAX_UPLOAD_BYTES)
  sizeBytes: number;

  /** The OPD the file belongs to; defaults to the caller's own. */
  @IsOptional() @IsUUID()
  opdId?: string;
}

/** A short-lived, single-use grant for exactly one transfer on the file service's internal HTTP API. */
export interface FileTransferGrant {
  fileId: string;
  token: string;
  /** Path on the file service's internal HTTP API, e.g. `/internal/files/<id>/content`. */
  path: string;
  expiresAt: string;
}

/** `file.download.authorize.v1`, sent with the user's identity. */
export class FileDownloadAuthorizeRequest {
  @IsUUID() fileId: string;
}

export interface FileDownloadGrant extends FileTransferGrant {
  filename: string;
  contentType: string;
  sizeBytes: number;
}
