import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '../audit/audit';

/** Writes to the user's MFA columns; every change is audited in the same transaction. */
@Injectable()
export class MfaStateRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Records that a code of `step` was used. Returns false when that step (or a later one) was
   * already used: a code cannot be replayed (RFC 6238 §5.2).
   */
  async claimStep(userId: string, step: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.ds.query(
      `UPDATE auth.users SET mfa_last_step = $2 WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)`,
      [userId, step],
    );
    return affected === 1;
  }

  setPending(userId: string, sealedSecret: string, actor: string): Promise<void> {
    return this.ds.transaction(async (tx) => {
      await tx.query(`UPDATE auth.users SET mfa_pending_secret_enc = $2, updated_at = now() WHERE id = $1`, [userId, sealedSecret]);
      await writeAudit(tx, { actor, operation: 'mfa_setup', table: 'users', rowId: userId });
    });
  }

  /** Promotes the pending secret; false when nothing is pending (or it changed meanwhile). */
  enable(userId: string, sealedSecret: string, step: number, actor: string): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const [, affected]: [unknown, number] = await tx.query(
        `UPDATE auth.users SET mfa_enabled = true, mfa_secret_enc = mfa_pending_secret_enc, mfa_pending_secret_enc = NULL,
                mfa_last_step = $3, updated_at = now(), version = version + 1
          WHERE id = $1 AND mfa_pending_secret_enc = $2`,
        [userId, sealedSecret, step],
      );
      if (affected !== 1) return false;
      await writeAudit(tx, { actor, operation: 'mfa_enable', table: 'users', rowId: userId, oldValues: { mfaEnabled: false }, newValues: { mfaEnabled: true } });
      return true;
    });
  }

  disable(userId: string, actor: string): Promise<void> {
    return this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE auth.users SET mfa_enabled = false, mfa_secret_enc = NULL, mfa_pending_secret_enc = NULL, mfa_last_step = NULL,
                updated_at = now(), version = version + 1 WHERE id = $1`,
        [userId],
      );
      await writeAudit(tx, { actor, operation: 'mfa_disable', table: 'users', rowId: userId, oldValues: { mfaEnabled: true }, newValues: { mfaEnabled: false } });
    });
  }

  /** Enrols with a known secret (BOOTSTRAP_ADMIN_TOTP_SECRET). */
  enrolDirectly(userId: string, sealedSecret: string, actor: string): Promise<void> {
    return this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE auth.users SET mfa_enabled = true, mfa_secret_enc = $2, mfa_pending_secret_enc = NULL, updated_at = now(), version = version + 1 WHERE id = $1`,
        [userId, sealedSecret],
      );
      await writeAudit(tx, { actor, operation: 'mfa_enable', table: 'users', rowId: userId, newValues: { mfaEnabled: true } });
    });
  }
}
