import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '../audit/audit';

@Injectable()
export class PasswordsRepository {
  constructor(private readonly ds: DataSource) {}

  /** New hash, flag cleared, and every session but `keepSessionId` revoked — one commit. */
  /** Returns the ids of the sessions it ended. */
  replace(userId: string, passwordHash: string, keepSessionId: string | null, actor: string): Promise<string[]> {
    return this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE auth.users SET password_hash = $2, password_changed_at = now(), must_change_password = false,
                updated_at = now(), version = version + 1 WHERE id = $1`,
        [userId, passwordHash],
      );
      await tx.query(
        `UPDATE auth.refresh_tokens SET status = 'revoked'
          WHERE status = 'active' AND family_id IN (
            SELECT id FROM auth.session_families WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid)`,
        [userId, keepSessionId],
      );
      const [ended]: [Array<{ id: string }>, number] = await tx.query(
        `UPDATE auth.session_families SET revoked_at = now(), revoked_reason = 'password_changed'
          WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid RETURNING id`,
        [userId, keepSessionId],
      );
      await writeAudit(tx, { actor, operation: 'password_change', table: 'users', rowId: userId });
      return ended.map((r) => r.id);
    });
  }
}
