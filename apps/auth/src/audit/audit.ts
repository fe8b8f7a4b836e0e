import { AUTH_EVENTS } from '@sakip/contracts';
import { AuditWriter, type AuditInput } from '@sakip/messaging';
import type { EntityManager } from 'typeorm';
import { authOutbox } from '../events/auth-outbox';
import { AUTH_SCHEMA } from '../migrations';

export type { AuditInput };

const authAudit = new AuditWriter({
  service: 'auth',
  schema: AUTH_SCHEMA,
  outbox: authOutbox,
  subject: AUTH_EVENTS.auditRecorded,
  secretFields: ['passwordHash', 'password_hash', 'password', 'privateKeyEnc', 'tokenHash', 'mfaSecretEnc', 'mfaPendingSecretEnc', 'mfaLastStep', 'keyHash'],
});

/** Appends an auth audit row (secrets masked) and its event inside the caller's transaction. */
export async function writeAudit(tx: EntityManager, a: AuditInput): Promise<void> {
  await authAudit.write(tx, a);
}
