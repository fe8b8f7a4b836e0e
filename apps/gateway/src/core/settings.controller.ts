import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CORE_SUBJECTS, SettingsView, UpdateSettingsRequest, versionFromIfMatch } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** The Pemda settings (one resource): everyone reads, super_admin replaces. */
@ApiTags('Settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Allow('settings.read')
  @ApiOkResponse({ type: SettingsView })
  get(@Req() req: AuthedRequest) {
    return this.rpc.request<SettingsView>(CORE_SUBJECTS.settingsGet, {}, rpcOptions(req));
  }

  /** Replaces the whole settings (omitted optional fields become null). */
  @Put()
  @Allow('settings.write')
  @ApiOkResponse({ type: SettingsView })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' })
  update(@Body() body: UpdateSettingsRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<SettingsView>(CORE_SUBJECTS.settingsUpdate, { ...body, expectedVersion }, rpcOptions(req));
  }
}
