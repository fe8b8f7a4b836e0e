import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

/** Streamed uploads are capped at 10 MiB (ARCHITECTURE.md "Edge"). */
export const FILE_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** `file.upload.authorize.v1`, sent with the user's identity: may this user upload this file? */
export class FileUploadAuthorizeRequest {
  @IsString() @Length(1, 255) @Matches(/^[^/\\\0]+$/, { message: 'filename must not contain path separators' })
  filename: string;

  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/i) @Length(3, 127)
  contentType: string;

  /** The declared size when known (a streamed multipart upload does not know it): the service enforces its own limit anyway. */
  @IsOptional() @IsInt() @Min(1) @Max(FILE_MAX_UPLOAD_BYTES)
  sizeBytes?: number;

  /** The OPD the file belongs to; defaults to the caller's own. */
  @IsOptional() @IsUUID()
  opdId?: string;
}

/** A short-lived, single-use grant for exactly one transfer on the file service's internal HTTP API. */
export interface FileTransferGrant {
  fileId: string;
  token: string;
  /** Path on the file service's internal HTTP API: `/internal/uploads/<token>` or `/internal/downloads/<token>`. */
  path: string;
  /** The same path on the service's internal base URL (FILE_INTERNAL_URL), ready to call. */
  url?: string;
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

/** `file.get.v1` / `file.delete.v1`, sent with the user's identity. */
export class FileIdRequest {
  @IsUUID() id: string;
}

/** `file.check.v1`, sent with the identity of the user who wants to reference the files. */
export class FileCheckRequest {
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(100) @ArrayUnique() @IsUUID(undefined, { each: true })
  ids: string[];
}

export interface FileCheckResult {
  /** The ids that are unknown, deleted or not visible to the caller (in request order). */
  missing: string[];
}

/** A stored file's metadata (API.md "Files"); the bytes come from `GET /files/:id/content`. */
export class FileView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Sanitized original file name' }) name: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'Judged by content, not by the name or the declared type', example: 'application/pdf' }) mimeType: string;
  @ApiProperty({ description: 'Hex SHA-256 of the content' }) sha256: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: a Pemda-level file' }) opdId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
