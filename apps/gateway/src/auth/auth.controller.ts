import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AUTH_SUBJECTS,
  ChangePasswordRequest,
  ForgotPasswordRequest,
  LoginRequest,
  LogoutRequest,
  MfaCodeRequest,
  MfaEnableRequest,
  MfaSetupRequest,
  MfaSetupResponse,
  MfaVerifyRequest,
  RefreshRequest,
  ResetPasswordRequest,
  SessionListQuery,
  SessionView,
  TokenPair,
  UserView,
  type LoginResult,
  type MeView,
  type Page,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Public } from '@sakip/security';
import { IdParam } from '../http/id-param';
import { NoIdempotency } from '../http/idempotency.interceptor';
import { NoContent, RpcTimeout } from '../http/decorators';
import { Paged } from '../http/paged';
import { rpcOptions, userAgentOf, type AuthedRequest } from '../http/request';
import { AllowedBeforePasswordChange, OptionalAuth } from '../identity/jwt-auth.guard';
import { Scopes } from '../identity/scopes.guard';
import { AuthRateLimit } from '../rate-limit/rate-limit.decorators';

const clientOf = (req: AuthedRequest) => ({ ip: req.ip, userAgent: userAgentOf(req) });

@ApiTags('Auth')
@NoIdempotency()
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('login')
  @Public()
  @AuthRateLimit()
  @RpcTimeout(8000)
  @HttpCode(200)
  @ApiOkResponse({ description: 'TokenPair, or MfaChallenge when a second factor (or enrolment) is needed', type: TokenPair })
  login(@Body() body: LoginRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<LoginResult>(AUTH_SUBJECTS.login, { ...body, ...clientOf(req) }, rpcOptions(req));
  }

  @Post('mfa/verify')
  @Public()
  @AuthRateLimit()
  @RpcTimeout(8000)
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPair })
  verifyMfa(@Body() body: MfaVerifyRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<TokenPair>(AUTH_SUBJECTS.mfaVerify, { ...body, ...clientOf(req) }, rpcOptions(req));
  }

  /** Signed in (Bearer), or with the mfaToken of a login that requires enrolment. */
  @Post('mfa/setup')
  @OptionalAuth()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MfaSetupResponse })
  setupMfa(@Body() body: MfaSetupRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<MfaSetupResponse>(AUTH_SUBJECTS.mfaSetup, body, rpcOptions(req));
  }

  /** With an mfaToken this completes the sign-in and returns the token pair. */
  @Post('mfa/enable')
  @OptionalAuth()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'TokenPair (mfaToken flow) or the user (signed in)', type: TokenPair })
  enableMfa(@Body() body: MfaEnableRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<TokenPair | MeView>(AUTH_SUBJECTS.mfaEnable, { ...body, ...clientOf(req) }, rpcOptions(req));
  }

  @Post('mfa/disable')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  disableMfa(@Body() body: MfaCodeRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<MeView>(AUTH_SUBJECTS.mfaDisable, body, rpcOptions(req));
  }

  @Post('refresh')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPair })
  refresh(@Body() body: RefreshRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<TokenPair>(AUTH_SUBJECTS.refresh, { ...body, ...clientOf(req) }, rpcOptions(req));
  }

  /** Ends the session the refresh token belongs to; the token itself is the proof, so no Bearer is needed. */
  @Post('logout')
  @Public()
  @NoContent()
  async logout(@Body() body: LogoutRequest, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.logout, body, rpcOptions(req));
  }

  /** Also answers an API key (no scope needed): the key's creator, i.e. who the key acts as. */
  @Get('me')
  @AllowedBeforePasswordChange()
  @Scopes()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  me(@Req() req: AuthedRequest) {
    return this.rpc.request<MeView>(AUTH_SUBJECTS.me, {}, rpcOptions(req));
  }

  /** Other sessions end; this one stays. */
  @Post('password')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @NoContent()
  async changePassword(@Body() body: ChangePasswordRequest, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.passwordChange, body, rpcOptions(req));
  }

  /** Always 204, whether or not the account exists; an active account gets a mail with a one-time token. */
  @Post('password/forgot')
  @Public()
  @AuthRateLimit()
  @NoContent()
  async forgotPassword(@Body() body: ForgotPasswordRequest, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.passwordForgot, { ...body, ip: req.ip }, rpcOptions(req));
  }

  /** The mailed token sets a new password once; every session ends. */
  @Post('password/reset')
  @Public()
  @AuthRateLimit()
  @NoContent()
  async resetPassword(@Body() body: ResetPasswordRequest, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.passwordReset, { ...body, ip: req.ip }, rpcOptions(req));
  }

  @Get('sessions')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOkResponse({ type: [SessionView] })
  async sessions(@Query() query: SessionListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<SessionView>>(AUTH_SUBJECTS.sessionList, query, rpcOptions(req)));
  }

  @Delete('sessions/:id')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @NoContent()
  async endSession(@Param() p: IdParam, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.sessionEnd, { id: p.id }, rpcOptions(req));
  }
}
