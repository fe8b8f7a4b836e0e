import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  DeadLetterListQuery,
  DeadLetterView,
  NOTIFICATION_SUBJECTS,
  NotificationListQuery,
  NotificationPreferencesView,
  NotificationView,
  ReadAllResult,
  UpdateNotificationPreferencesRequest,
  type Page,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** Notifications (API.md "Notifications"): the caller's own inbox and preferences; dead letters for super_admin. */
@ApiTags('Notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Allow('notifications.read')
  @ApiOkResponse({ type: [NotificationView] })
  async list(@Query() query: NotificationListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<NotificationView>>(NOTIFICATION_SUBJECTS.inboxList, query, rpcOptions(req)));
  }

  @Post('read-all')
  @HttpCode(200)
  @Allow('notifications.read')
  @ApiOkResponse({ type: ReadAllResult })
  readAll(@Req() req: AuthedRequest) {
    return this.rpc.request<ReadAllResult>(NOTIFICATION_SUBJECTS.inboxReadAll, {}, rpcOptions(req));
  }

  @Get('preferences')
  @Allow('notifications.read')
  @ApiOkResponse({ type: NotificationPreferencesView })
  preferences(@Req() req: AuthedRequest) {
    return this.rpc.request<NotificationPreferencesView>(NOTIFICATION_SUBJECTS.preferencesGet, {}, rpcOptions(req));
  }

  @Put('preferences')
  @Allow('notifications.read')
  @ApiOkResponse({ type: NotificationPreferencesView })
  updatePreferences(@Body() body: UpdateNotificationPreferencesRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<NotificationPreferencesView>(NOTIFICATION_SUBJECTS.preferencesUpdate, body, rpcOptions(req));
  }

  @Get('dead-letters')
  @Allow('notifications.dead_letters')
  @ApiOkResponse({ type: [DeadLetterView] })
  async deadLetters(@Query() query: DeadLetterListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<DeadLetterView>>(NOTIFICATION_SUBJECTS.deadLetterList, query, rpcOptions(req)));
  }

  /** Own notifications only: another user's id is 404. */
  @Post(':id/read')
  @HttpCode(200)
  @Allow('notifications.read')
  @ApiOkResponse({ type: NotificationView })
  read(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<NotificationView>(NOTIFICATION_SUBJECTS.inboxRead, { id: p.id }, rpcOptions(req));
  }
}
