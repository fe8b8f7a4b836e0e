import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  notFound,
  opdRuleViolation,
  unauthenticated,
  validationFailed,
  type CallerIdentity,
  type CreateUserRequest,
  type Page,
  type UpdateUserCommand,
  type UserListQuery,
  type UserView,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { OpdDirectory } from '../../opds/opd-directory';
import { assertPasswordPolicy } from '../../passwords/password-policy';
import { Revocations } from '../../redis/revocations';
import { PasswordHasher } from '../password-hasher';
import { newUser, toUserView, type UserEntity } from '../user.entity';
import { UsersRepository } from '../users.repository';

/** User administration by super_admin (API.md "Auth": /users). */
@Injectable()
export class ManageUsers {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly revocations: Revocations,
    private readonly opds: OpdDirectory,
  ) {}

  /**
   * The token's role is only as fresh as the token: user administration re-reads the caller, so a
   * demoted or deactivated admin cannot act on a still-valid token.
   */
  private async activeAdmin(caller: CallerIdentity | null): Promise<CallerIdentity> {
    const claimed = assertPermission(caller, 'users.manage');
    const current = await this.users.findById(claimed.sub);
    if (!current?.isActive) throw unauthenticated('Authentication required');
    return assertPermission({ ...claimed, role: current.role }, 'users.manage');
  }

  async create(caller: CallerIdentity | null, req: CreateUserRequest): Promise<UserView> {
    const admin = await this.activeAdmin(caller);
    const opdId = req.opdId ?? null;
    const rule = opdRuleViolation(req.role, opdId);
    if (rule) throw validationFailed('Role and OPD do not match', [{ field: 'opdId', message: rule }]);
    await this.opds.assertKnown(opdId);
    assertPasswordPolicy(req.password, 'password', req.email);
    const user = newUser({
      email: req.email,
      name: req.name,
      passwordHash: await this.hasher.hash(req.password),
      role: req.role,
      opdId,
      // An admin-chosen password is known to two people: the user must replace it (API.md).
      mustChangePassword: true,
    });
    return toUserView(await this.users.create(user, { actor: admin.actor, ip: admin.ip }));
  }

  async list(caller: CallerIdentity | null, q: UserListQuery): Promise<Page<UserView>> {
    await this.activeAdmin(caller);
    return this.users.query(q);
  }

  async get(caller: CallerIdentity | null, id: string): Promise<UserView> {
    await this.activeAdmin(caller);
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return toUserView(user);
  }

  async update(caller: CallerIdentity | null, cmd: UpdateUserCommand): Promise<UserView> {
    const admin = await this.activeAdmin(caller);
    const { id, expectedVersion, ...sent } = cmd;
    // DTO instances carry every optional field as undefined: only what was sent is a change.
    const patch = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined)) as Partial<Pick<UserEntity, 'name' | 'role' | 'opdId'>>;
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', []);
    const current = await this.users.findById(id);
    if (!current) throw notFound('User');
    const role = patch.role ?? current.role;
    // Changing the role to a Pemda-wide one clears the OPD unless the caller said otherwise.
    const opdId = patch.opdId !== undefined ? patch.opdId : role === 'super_admin' || role === 'evaluator' ? null : current.opdId;
    const rule = opdRuleViolation(role, opdId);
    if (rule) throw validationFailed('Role and OPD do not match', [{ field: 'opdId', message: rule }]);
    if (opdId !== current.opdId) await this.opds.assertKnown(opdId);
    if (id === admin.sub && role !== current.role) throw new DomainError(ErrorCode.InvalidState, 'You cannot change your own role');
    const accessChanged = role !== current.role || opdId !== current.opdId;
    const updated = await this.users.update(id, { ...patch, role, opdId }, { actor: admin.actor, ip: admin.ip }, expectedVersion, accessChanged);
    if (!updated) throw notFound('User');
    // Tokens and keys carry the old role/OPD: end them now rather than at expiry.
    if (accessChanged) await this.revocations.revokeUser(id);
    return toUserView(updated);
  }

  async deactivate(caller: CallerIdentity | null, id: string): Promise<void> {
    const admin = await this.activeAdmin(caller);
    if (id === admin.sub) throw new DomainError(ErrorCode.InvalidState, 'You cannot deactivate yourself');
    const user = await this.users.deactivate(id, { actor: admin.actor, ip: admin.ip });
    if (!user) throw notFound('User');
    // Access tokens already issued are refused from now on, not at their expiry.
    await this.revocations.revokeUser(id);
  }
}
