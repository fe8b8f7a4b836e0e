import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly variables: string[], detail: string) {
    super(`Invalid configuration: ${detail}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  // Name the variable and the rule it broke, never its value (it may be a secret).
  return errors.map((e) => `${e.property} (${Object.keys(e.constraints ?? { invalid: '' }).join(', ')})`);
}

/**
 * Reads `env` into a validated config class. Empty strings count as unset so a class default
 * applies; a missing or malformed variable throws a ConfigError naming it.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const source: Record<string, unknown> = {};
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined && value !== '') source[key] = value;
  }
  const merged = plainToInstance(cls, { ...defaults, ...coerce(defaults, pickKnown(defaults, cls, source)) });
  const errors = validateSync(merged as object, { whitelist: false, forbidUnknownValues: false });
  if (errors.length) {
    throw new ConfigError(
      errors.map((e) => e.property),
      describe(errors).join('; '),
    );
  }
  return merged;
}

/**
 * Env values are strings: convert by the type of the class default (numbers, booleans). Decorator
 * metadata cannot be relied on for this (un-annotated fields report Object). Unparseable values
 * stay strings so validation names them.
 */
function coerce(defaults: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const kind = typeof defaults[k];
    if (kind === 'number' && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) out[k] = Number(v);
    else if (kind === 'boolean' && (v === 'true' || v === 'false' || v === '1' || v === '0')) out[k] = v === 'true' || v === '1';
    else out[k] = v;
  }
  return out;
}

// Only variables the class declares are read, so unrelated environment noise is never validated.
function pickKnown(defaults: Record<string, unknown>, cls: new () => object, source: Record<string, unknown>) {
  const declared = new Set<string>([...Object.keys(defaults), ...declaredProperties(cls)]);
  const out: Record<string, unknown> = {};
  for (const key of declared) if (key in source) out[key] = source[key];
  return out;
}

function declaredProperties(cls: new () => object): string[] {
  // class-validator's metadata storage knows every decorated property, including optional ones without defaults.
  const { getMetadataStorage } = require('class-validator');
  const storage = getMetadataStorage();
  const metas = storage.getTargetValidationMetadatas(cls, '', true, false) as Array<{ propertyName: string }>;
  return metas.map((m) => m.propertyName);
}
