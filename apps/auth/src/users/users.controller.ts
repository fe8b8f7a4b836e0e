import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUTH_SUBJECTS, CreateUserRequest, IdRequest, UpdateUserCommand, UserListQuery, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { GetMe } from './use-cases/get-me.use-case';
import { ManageUsers } from './use-cases/manage-users.use-case';

@RpcController()
export class UsersController {
  constructor(
    private readonly manage: ManageUsers,
    private readonly getMe: GetMe,
  ) {}

  @MessagePattern(AUTH_SUBJECTS.me)
  me(@Caller() caller: CallerIdentity | null) {
    return this.getMe.execute(caller);
  }

  @MessagePattern(AUTH_SUBJECTS.userCreate)
  create(@Payload() req: CreateUserRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.create(caller, req);
  }

  @MessagePattern(AUTH_SUBJECTS.userQuery)
  query(@Payload() q: UserListQuery, @Caller() caller: CallerIdentity | null) {
    return this.manage.list(caller, q);
  }

  @MessagePattern(AUTH_SUBJECTS.userGet)
  get(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.get(caller, req.id);
  }

  @MessagePattern(AUTH_SUBJECTS.userUpdate)
  update(@Payload() cmd: UpdateUserCommand, @Caller() caller: CallerIdentity | null) {
    return this.manage.update(caller, cmd);
  }

  @MessagePattern(AUTH_SUBJECTS.userDeactivate)
  async deactivate(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    await this.manage.deactivate(caller, req.id);
    return null;
  }
}
