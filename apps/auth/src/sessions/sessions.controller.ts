import { MessagePattern, Payload } from '@nestjs/microservices';
import { AUTH_SUBJECTS, IdRequest, LoginCommand, LogoutRequest, MfaVerifyCommand, notFound, RefreshCommand, SessionListQuery, unauthenticated, type CallerIdentity, type Page, type SessionView } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { Revocations } from '../redis/revocations';
import { hashRefreshToken } from './refresh-token';
import { SessionsRepository } from './sessions.repository';
import { Login } from './use-cases/login.use-case';
import { Refresh } from './use-cases/refresh.use-case';
import { VerifyMfa } from './use-cases/verify-mfa.use-case';

@RpcController()
export class SessionsController {
  constructor(
    private readonly login: Login,
    private readonly verifyMfa: VerifyMfa,
    private readonly refresh: Refresh,
    private readonly sessions: SessionsRepository,
    private readonly revocations: Revocations,
  ) {}

  @MessagePattern(AUTH_SUBJECTS.login)
  doLogin(@Payload() cmd: LoginCommand) {
    return this.login.execute(cmd);
  }

  @MessagePattern(AUTH_SUBJECTS.mfaVerify)
  doVerifyMfa(@Payload() cmd: MfaVerifyCommand) {
    return this.verifyMfa.execute(cmd);
  }

  @MessagePattern(AUTH_SUBJECTS.refresh)
  doRefresh(@Payload() cmd: RefreshCommand) {
    return this.refresh.execute(cmd);
  }

  /** Idempotent: an unknown or already-revoked token still answers success (nothing to end). */
  @MessagePattern(AUTH_SUBJECTS.logout)
  async logout(@Payload() req: LogoutRequest) {
    const familyId = await this.sessions.revokeByToken(hashRefreshToken(req.refreshToken), 'logout');
    // The session's access tokens die with it, not at their expiry.
    if (familyId) await this.revocations.revokeSessions([familyId]);
    return null;
  }

  @MessagePattern(AUTH_SUBJECTS.sessionList)
  list(@Payload() q: SessionListQuery, @Caller() caller: CallerIdentity | null): Promise<Page<SessionView>> {
    if (!caller) throw unauthenticated('Authentication required');
    return this.sessions.pageActive(caller.sub, q, (f) => ({
      id: f.id,
      createdAt: f.createdAt.toISOString(),
      lastUsedAt: f.lastUsedAt.toISOString(),
      expiresAt: f.expiresAt.toISOString(),
      ip: f.ip,
      userAgent: f.userAgent,
      current: f.id === caller.sessionId,
    }));
  }

  /** Someone else's session id is answered exactly like an unknown one. */
  @MessagePattern(AUTH_SUBJECTS.sessionEnd)
  async end(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    if (!caller) throw unauthenticated('Authentication required');
    if (!(await this.sessions.endOwn(caller.sub, req.id, caller.actor))) throw notFound('Session');
    await this.revocations.revokeSessions([req.id]);
    return null;
  }
}
