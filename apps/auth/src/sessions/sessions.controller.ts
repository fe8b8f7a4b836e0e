import { RpcController } from '@sakip/messaging';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUTH_SUBJECTS, LoginCommand, LogoutRequest, RefreshCommand } from '@sakip/contracts';
import { hashRefreshToken } from './refresh-token';
import { SessionsRepository } from './sessions.repository';
import { Login } from './use-cases/login.use-case';
import { Refresh } from './use-cases/refresh.use-case';

@RpcController()
export class SessionsController {
  constructor(
    private readonly login: Login,
    private readonly refresh: Refresh,
    private readonly sessions: SessionsRepository,
  ) {}

  @MessagePattern(AUTH_SUBJECTS.login)
  doLogin(@Payload() cmd: LoginCommand) {
    return this.login.execute(cmd);
  }

  @MessagePattern(AUTH_SUBJECTS.refresh)
  doRefresh(@Payload() cmd: RefreshCommand) {
    return this.refresh.execute(cmd);
  }

  /** Idempotent: an unknown or already-revoked token still answers success (nothing to end). */
  @MessagePattern(AUTH_SUBJECTS.logout)
  async logout(@Payload() req: LogoutRequest) {
    await this.sessions.revokeByToken(hashRefreshToken(req.refreshToken), 'logout');
    return null;
  }
}
