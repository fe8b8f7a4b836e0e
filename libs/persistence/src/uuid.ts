import { v7, validate, version } from 'uuid';

/** Time-ordered primary keys (ARCHITECTURE.md "Data"): index-friendly inserts, sortable by creation. */
export function uuidv7(): string {
  return v7();
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && validate(value);
}

export function isUuidV7(value: unknown): boolean {
  return isUuid(value) && version(value) === 7;
}
