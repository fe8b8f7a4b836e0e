import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AUTH_SUBJECTS, CreateUserRequest, Role, versionFromIfMatch, UpdateUserRequest, UserListQuery, UserView, type Page } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Roles } from '@sakip/security';
import { IdParam } from '../http/id-param';
import { NoContent } from '../http/decorators';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

@ApiTags('Users')
@ApiBearerAuth()
@Roles(Role.SuperAdmin)
@Controller('users')
export class UsersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiCreatedResponse({ type: UserView })
  create(@Body() body: CreateUserRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<UserView>(AUTH_SUBJECTS.userCreate, body, rpcOptions(req));
  }

  @Get()
  @ApiOkResponse({ type: [UserView] })
  async list(@Query() query: UserListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<UserView>>(AUTH_SUBJECTS.userQuery, query, rpcOptions(req)));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<UserView>(AUTH_SUBJECTS.userGet, { id: p.id }, rpcOptions(req));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' })
  update(@Param() p: IdParam, @Body() body: UpdateUserRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<UserView>(AUTH_SUBJECTS.userUpdate, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** Deactivates (history kept); sessions end at once. */
  @Delete(':id')
  @NoContent()
  async deactivate(@Param() p: IdParam, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.userDeactivate, { id: p.id }, rpcOptions(req));
  }
}
