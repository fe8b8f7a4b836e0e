import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  notFound,
  opdRuleViolation,
  validationFailed,
  type CallerIdentity,
  type CreateUserRequest,
  type Page,
  type UpdateUserCommand,
  type UserListQuery,
  type UserView,
} from '@sakip/contracts';
import { assertPermission } from '@sakip/security';
import { assertPasswordPolicy } from '../../passwords/password-policy';
import { Revocations } from '../../redis/revocations';
import { PasswordHasher } from '../password-hasher';
import { newUser, toUserView } from '../user.entity';
import { UsersRepository } from '../users.repository';

/** User administration by super_admin (API.md "Auth": /users). */
@Injectable()
export class ManageUsers {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly revocations: Revocations,
  ) {}

  async create(caller: CallerIdentity | null, req: CreateUserRequest): Promise<UserView> {
    const admin = assertPermission(caller, 'users.manage');
    const opdId = req.opdId ?? null;
    const rule = opdRuleViolation(req.role, opdId);
    if (rule) throw validationFailed('Role and OPD do not match', [{ field: 'opdId', message: rule }]);
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

  list(caller: CallerIdentity | null, q: UserListQuery): Promise<Page<UserView>> {
    assertPermission(caller, 'users.manage');
    return this.users.query(q);
  }

  async get(caller: CallerIdentity | null, id: string): Promise<UserView> {
    assertPermission(caller, 'users.manage');
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return toUserView(user);
  }

  async update(caller: CallerIdentity | null, cmd: UpdateUserCommand): Promise<UserView> {
    const admin = assertPermission(caller, 'users.manage');
    const { id, expectedVersion, ...patch } = cmd;
    if (!Object.keys(patch).length) throw validationFailed('Nothing to update', []);
    const current = await this.users.findById(id);
    if (!current) throw notFound('User');
    const role = patch.role ?? current.role;
    // Changing the role to a Pemda-wide one clears the OPD unless the caller said otherwise.
    const opdId = patch.opdId !== undefined ? patch.opdId : role === 'super_admin' || role === 'evaluator' ? null : current.opdId;
    const rule = opdRuleViolation(role, opdId);
    if (rule) throw validationFailed('Role and OPD do not match', [{ field: 'opdId', message: rule }]);
    if (id === admin.sub && role !== current.role) throw new DomainError(ErrorCode.InvalidState, 'You cannot change your own role');
    const updated = await this.users.update(id, { ...patch, role, opdId }, { actor: admin.actor, ip: admin.ip }, expectedVersion);
    if (!updated) throw notFound('User');
    return toUserView(updated);
  }

  async deactivate(caller: CallerIdentity | null, id: string): Promise<void> {
    const admin = assertPermission(caller, 'users.manage');
    if (id === admin.sub) throw new DomainError(ErrorCode.InvalidState, 'You cannot deactivate yourself');
    const user = await this.users.deactivate(id, { actor: admin.actor, ip: admin.ip });
    if (!user) throw notFound('User');
    // Access tokens already issued are refused from now on, not at their expiry.
    await this.revocations.revokeUser(id);
  }
}
