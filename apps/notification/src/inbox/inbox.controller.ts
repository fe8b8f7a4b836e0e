import { MessagePattern, Payload } from '@nestjs/microservices';
import { NOTIFICATION_SUBJECTS, NotificationIdRequest, NotificationListQuery, NotificationsSinceQuery, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ListNotificationsUseCase } from './use-cases/list-notifications.use-case';
import { MarkAllReadUseCase } from './use-cases/mark-all-read.use-case';
import { MarkReadUseCase } from './use-cases/mark-read.use-case';
import { NotificationsSinceUseCase } from './use-cases/notifications-since.use-case';

@RpcController()
export class InboxController {
  constructor(
    private readonly listNotifications: ListNotificationsUseCase,
    private readonly markRead: MarkReadUseCase,
    private readonly markAllRead: MarkAllReadUseCase,
    private readonly notificationsSince: NotificationsSinceUseCase,
  ) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.inboxList)
  list(@Payload() dto: NotificationListQuery, @Caller() caller: CallerIdentity | null) {
    return this.listNotifications.execute(dto, caller);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.inboxSince)
  since(@Payload() dto: NotificationsSinceQuery, @Caller() caller: CallerIdentity | null) {
    return this.notificationsSince.execute(dto, caller);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.inboxRead)
  read(@Payload() dto: NotificationIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.markRead.execute(dto, caller);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.inboxReadAll)
  readAll(@Caller() caller: CallerIdentity | null) {
    return this.markAllRead.execute(caller);
  }
}
