import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn('text') kid: string;
  @Column('jsonb', { name: 'public_jwk' }) publicJwk: object;
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM under AUTH_KEY_ENCRYPTION_KEY. */
  @Column('text', { name: 'private_key_enc' }) privateKeyEnc: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt: Date | null;
}
