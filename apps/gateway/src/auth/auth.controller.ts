import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AUTH_SUBJECTS, LoginRequest, LogoutRequest, RefreshRequest, TokenPair, UserView, type MeView } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Public } from '@sakip/security';
import { NoContent } from '../http/decorators';
import { rpcOptions, userAgentOf, type AuthedRequest } from '../http/request';

@ApiTags('Auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPair })
  login(@Body() body: LoginRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<TokenPair>(AUTH_SUBJECTS.login, { ...body, ip: req.ip, userAgent: userAgentOf(req) }, rpcOptions(req));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPair })
  refresh(@Body() body: RefreshRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<TokenPair>(AUTH_SUBJECTS.refresh, { ...body, ip: req.ip, userAgent: userAgentOf(req) }, rpcOptions(req));
  }

  /** Ends the session the refresh token belongs to; the token itself is the proof, so no Bearer is needed. */
  @Post('logout')
  @Public()
  @NoContent()
  async logout(@Body() body: LogoutRequest, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.logout, body, rpcOptions(req));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  me(@Req() req: AuthedRequest) {
    return this.rpc.request<MeView>(AUTH_SUBJECTS.me, {}, rpcOptions(req));
  }
}
