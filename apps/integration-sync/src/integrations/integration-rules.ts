import { validationFailed, type IntegrationKind } from '@sakip/contracts';
import { cronOf, nextRunAt } from './schedule';

/** Credentials each upstream needs (names; values are free). */
export const REQUIRED_CREDENTIALS: Record<IntegrationKind, string[]> = { sipd: ['apiKey'], simpeg: ['username', 'password'] };

export function assertCredentialsFit(type: IntegrationKind, credentials: Record<string, string>): void {
  const missing = REQUIRED_CREDENTIALS[type].filter((k) => !credentials[k]);
  if (missing.length) throw validationFailed(`A ${type} integration needs credentials ${REQUIRED_CREDENTIALS[type].join(', ')}`, missing.map((k) => ({ field: `credentials.${k}`, message: 'is required' })));
}

/** The next scheduled run (null: manual or inactive); an invalid cron is a 400 naming syncFrequency. */
export function scheduleOf(frequency: string, isActive: boolean, timeZone: string, now = new Date()): Date | null {
  try {
    cronOf(frequency);
  } catch (err) {
    throw validationFailed('syncFrequency is not a valid cron expression', [{ field: 'syncFrequency', message: err instanceof Error ? err.message : 'invalid cron' }]);
  }
  return isActive ? nextRunAt(frequency, timeZone, now) : null;
}
