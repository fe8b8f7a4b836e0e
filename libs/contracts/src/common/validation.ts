import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, ErrorCode, type ErrorDetail } from './errors';

/** Flattens class-validator's tree into `[{field: 'a.b', message}]` details. */
export function toDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...toDetails(e.children, field));
  }
  return out;
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** The one validation pipe of every transport: unknown fields are refused, errors are VALIDATION_FAILED with details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new DomainError(ErrorCode.ValidationFailed, 'Request validation failed', toDetails(errors)),
  });
}

/** Validates a plain object into a DTO instance outside Nest's pipeline (events, config, tests). */
export function validateDto<T extends object>(cls: new () => T, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Request body must be a JSON object', []);
  }
  const instance = plainToInstance(cls, plain);
  const errors = validateSync(instance, OPTIONS);
  if (errors.length) throw new DomainError(ErrorCode.ValidationFailed, 'Request validation failed', toDetails(errors));
  return instance;
}
