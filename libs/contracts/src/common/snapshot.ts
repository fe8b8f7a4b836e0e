import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** The most rows one page of a service-to-service RPC may return (ARCHITECTURE.md: larger answers are paged). */
export const SNAPSHOT_MAX_LIMIT = 1000;
export const SNAPSHOT_DEFAULT_LIMIT = 500;

/**
 * Keyset paging for snapshot RPCs (`auth.user.list.v1`, `core.opd.list.v1`): rows in id order,
 * `cursor` is the opaque `nextCursor` of the previous page (absent for the first page).
 */
export class SnapshotRequest {
  @IsOptional() @IsString() @Length(1, 512)
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(SNAPSHOT_MAX_LIMIT)
  limit?: number;
}

export interface SnapshotPage<T> {
  items: T[];
  /** null on the last page. */
  nextCursor: string | null;
}
