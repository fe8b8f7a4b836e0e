import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@sakip/persistence';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export type ChallengePurpose = 'verify' | 'setup';
export const MFA_TOKEN_TTL_MS = 5 * 60_000;

const hash = (token: string) => createHash('sha256').update(token).digest();

/** The bridge between a correct password and the second factor: opaque, hashed, 5 minutes, single use. */
@Injectable()
export class MfaChallengesRepository {
  constructor(private readonly ds: DataSource) {}

  async create(userId: string, purpose: ChallengePurpose): Promise<string> {
    const token = `mfa_${randomBytes(32).toString('base64url')}`;
    await this.ds.query(
      `INSERT INTO auth.mfa_challenges (id, token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [uuidv7(), hash(token), userId, purpose, new Date(Date.now() + MFA_TOKEN_TTL_MS)],
    );
    return token;
  }

  /** The user of a live, unused challenge for that purpose, or null. */
  async find(token: string, purpose: ChallengePurpose): Promise<{ id: string; userId: string } | null> {
    const rows: Array<{ id: string; user_id: string }> = await this.ds.query(
      `SELECT id, user_id FROM auth.mfa_challenges
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [hash(token), purpose],
    );
    return rows[0] ? { id: rows[0].id, userId: rows[0].user_id } : null;
  }

  /** True for the one caller that consumes it (two racing verifications cannot both win). */
  async consume(id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.ds.query(`UPDATE auth.mfa_challenges SET used_at = now() WHERE id = $1 AND used_at IS NULL`, [id]);
    return affected === 1;
  }

  async pruneExpired(): Promise<void> {
    await this.ds.query(`DELETE FROM auth.mfa_challenges WHERE expires_at < now() - interval '1 day'`);
  }
}
