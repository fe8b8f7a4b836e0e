import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** `limit` 1–100 (default 20), `offset` ≥ 0, `sort` = `field` or `-field` (API.md "Lists"). */
export class ListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  // PostgreSQL OFFSET is a bigint; far beyond any real list anyway.
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000_000)
  offset?: number;

  @IsOptional() @IsString() @Matches(/^-?[a-zA-Z][a-zA-Z0-9]*$/, { message: 'sort must be a field name, optionally prefixed by -' })
  sort?: string;
}

export const DEFAULT_LIMIT = 20;
