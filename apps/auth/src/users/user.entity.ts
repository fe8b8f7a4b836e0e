import { uuidv7 } from '@sakip/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role, UserView } from '@sakip/contracts';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: Role;
  @Column('uuid', { name: 'opd_id', nullable: true }) opdId: string | null;
  @Column('boolean', { name: 'is_active' }) isActive: boolean;
  @Column('boolean', { name: 'must_change_password' }) mustChangePassword: boolean;
  @Column('boolean', { name: 'mfa_enabled' }) mfaEnabled: boolean;
  @Column('timestamptz', { name: 'password_changed_at' }) passwordChangedAt: Date;
  @Column('timestamptz', { name: 'deactivated_at', nullable: true }) deactivatedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('integer') version: number;
  /** TOTP secret, AES-256-GCM sealed with the user id as additional data. */
  @Column('text', { name: 'mfa_secret_enc', nullable: true }) mfaSecretEnc?: string | null;
  @Column('text', { name: 'mfa_pending_secret_enc', nullable: true }) mfaPendingSecretEnc?: string | null;
  /** Last accepted TOTP time step: a code is accepted once (RFC 6238 §5.2). */
  @Column('bigint', { name: 'mfa_last_step', nullable: true }) mfaLastStep?: string | null;
}

/** A new, active user without MFA; the caller decides the fields that differ by origin. */
export function newUser(f: Pick<UserEntity, 'email' | 'name' | 'passwordHash' | 'role' | 'opdId' | 'mustChangePassword'>): UserEntity {
  const now = new Date();
  return { id: uuidv7(), ...f, isActive: true, mfaEnabled: false, passwordChangedAt: now, deactivatedAt: null, createdAt: now, updatedAt: now, version: 1 };
}

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    opdId: u.opdId,
    mfaEnabled: u.mfaEnabled,
    mustChangePassword: u.mustChangePassword,
    isActive: u.isActive,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}

export function toMeView(u: UserEntity) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, opdId: u.opdId, mfaEnabled: u.mfaEnabled, mustChangePassword: u.mustChangePassword };
}
