import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@sakip/persistence';
import { DataSource } from 'typeorm';
import { writeAudit } from '../audit/audit';
import { replacePassword } from './passwords.repository';

/** How long a reset token is good for (API.md "Auth"). */
export const RESET_TOKEN_TTL_MS = 30 * 60_000;

export interface IssuedReset {
  id: string;
  expiresAt: Date;
}

@Injectable()
export class PasswordResetsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Stores a new token hash for the user and voids the user's older unused ones (only the newest
   * mail works), with the audit row — one commit. The token itself is never passed here.
   */
  issue(userId: string, tokenHash: Buffer, ip: string | null): Promise<IssuedReset> {
    const id = uuidv7();
    const expiresAt = new Date(Date.now() + RESET_TOKEN_TTL_MS);
    return this.ds.transaction(async (tx) => {
      await tx.query(`UPDATE auth.password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await tx.query(`INSERT INTO auth.password_resets (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [id, userId, tokenHash, expiresAt]);
      await writeAudit(tx, { actor: `user:${userId}`, ip, operation: 'password_reset_requested', table: 'password_resets', rowId: id, newValues: { userId, expiresAt: expiresAt.toISOString() } });
      return { id, expiresAt };
    });
  }

  /**
   * For an unknown or inactive account: the same transaction shape as `issue` with nothing to
   * change, so the answer time does not tell whether the account exists.
   */
  async issueNothing(tokenHash: Buffer): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query(`UPDATE auth.password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [uuidv7()]);
      await tx.query(`SELECT 1 FROM auth.password_resets WHERE token_hash = $1`, [tokenHash]);
    });
  }

  /** The open (unused, unexpired) token's active user, or null. */
  async findOpen(tokenHash: Buffer): Promise<{ userId: string; email: string } | null> {
    const rows: Array<{ user_id: string; email: string }> = await this.ds.query(
      `SELECT r.user_id, u.email FROM auth.password_resets r JOIN auth.users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.is_active`,
      [tokenHash],
    );
    return rows[0] ? { userId: rows[0].user_id, email: rows[0].email } : null;
  }

  /**
   * Spends the token and sets the password in one commit. The token is claimed with a conditional
   * UPDATE, so two concurrent resets with the same token cannot both win. Returns the ended
   * session ids, or null when the token is no longer open.
   */
  redeem(tokenHash: Buffer, userId: string, passwordHash: string, ip: string | null): Promise<string[] | null> {
    return this.ds.transaction(async (tx) => {
      const [claimed]: [Array<{ id: string }>, number] = await tx.query(
        `UPDATE auth.password_resets SET used_at = now()
          WHERE token_hash = $1 AND user_id = $2 AND used_at IS NULL AND expires_at > now() RETURNING id`,
        [tokenHash, userId],
      );
      if (!claimed[0]) return null;
      return replacePassword(tx, { userId, passwordHash, keepSessionId: null, actor: `user:${userId}`, ip, operation: 'password_reset' });
    });
  }
}
