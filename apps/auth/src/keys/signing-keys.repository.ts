import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity';

/** A rotated-out key stays in the published set this long, so tokens it signed still verify (ARCHITECTURE.md). */
export const RETIRED_KEY_GRACE_MS = 30 * 60 * 1000;

@Injectable()
export class SigningKeysRepository {
  constructor(private readonly ds: DataSource) {}

  findActive(): Promise<SigningKeyEntity | null> {
    return this.ds.getRepository(SigningKeyEntity).findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  findPublished(now = new Date()): Promise<SigningKeyEntity[]> {
    return this.ds.getRepository(SigningKeyEntity).find({
      where: [{ retiredAt: IsNull() }, { retiredAt: MoreThan(new Date(now.getTime() - RETIRED_KEY_GRACE_MS)) }],
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * Replaces the active key unless another replica already did: a transaction-scoped advisory
   * lock serialises replicas, and `stillNeeded` re-checks under it.
   */
  rotate(
    stillNeeded: (active: SigningKeyEntity | null) => boolean,
    create: () => Omit<SigningKeyEntity, 'createdAt' | 'retiredAt'>,
  ): Promise<void> {
    return this.ds.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('auth.signing_keys.rotate'))`);
      const active = await tx.getRepository(SigningKeyEntity).findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
      if (!stillNeeded(active)) return;
      const now = new Date();
      await tx.update(SigningKeyEntity, { retiredAt: IsNull() }, { retiredAt: now });
      await tx.insert(SigningKeyEntity, <SigningKeyEntity>{ ...create(), createdAt: now, retiredAt: null });
    });
  }
}
