import { Body, Controller, Delete, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyListQuery, ApiKeyView, AUTH_SUBJECTS, CreateApiKeyRequest, CreatedApiKey, type Page } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { IdParam } from '../http/id-param';
import { NoIdempotency } from '../http/idempotency.interceptor';
import { NoContent } from '../http/decorators';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** The caller's own API keys; the key itself is returned once, at creation. */
@ApiTags('API keys')
@ApiBearerAuth()
@NoIdempotency()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKey })
  create(@Body() body: CreateApiKeyRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<CreatedApiKey>(AUTH_SUBJECTS.apiKeyCreate, body, rpcOptions(req));
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyView] })
  async list(@Query() query: ApiKeyListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<ApiKeyView>>(AUTH_SUBJECTS.apiKeyList, query, rpcOptions(req)));
  }

  @Delete(':id')
  @NoContent()
  async revoke(@Param() p: IdParam, @Req() req: AuthedRequest) {
    await this.rpc.request(AUTH_SUBJECTS.apiKeyRevoke, { id: p.id }, rpcOptions(req));
  }
}
