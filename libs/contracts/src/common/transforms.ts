import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

/**
 * Small building blocks shared by the DTO files of this library (not exported from the index):
 * class-transformer transforms for bodies and query strings, and common limits.
 */
type TransformArgs = { value: unknown };

export const trim = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim() : value);

export const trimLower = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** `?opdId=null` in a query string means the Pemda's own rows. */
export const nullText = ({ value }: TransformArgs) => (value === 'null' ? null : value);

/** Query-string booleans: only `true`/`false` become booleans; anything else stays and fails @IsBoolean. */
export const queryBoolean = ({ value }: TransformArgs) => (value === 'true' ? true : value === 'false' ? false : value);

/** The allowed `sort` values of a list: each field ascending or, with `-`, descending. */
export const sortOptions = (fields: readonly string[]) => [...fields, ...fields.map((f) => `-${f}`)];

/** Validates the property only when it was sent (null is still validated). */
export const notUndefined = ValidateIf((_o, v) => v !== undefined);

/** PostgreSQL integer range: versions and the like beyond it can never match. */
export const MAX_VERSION = 2147483647;

/**
 * `expectedVersion` of a write, from the client's If-Match: 0…MAX_VERSION (versionFromIfMatch
 * clamps larger ones), so a stale or impossible version is 412 in the service, never 400 or 500.
 */
export const IsExpectedVersion = (): PropertyDecorator => (target, key) => {
  for (const d of [IsOptional(), IsInt(), Min(0), Max(MAX_VERSION)]) d(target, key);
};
