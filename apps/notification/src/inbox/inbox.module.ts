import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { DeadLettersController } from '../mail/dead-letters.controller';
import { DeliveriesRepository } from '../mail/deliveries.repository';
import { DeliveryWorker } from '../mail/delivery-worker';
import { MailTransport } from '../mail/mail-transport';
import { ListDeadLettersUseCase } from '../mail/use-cases/list-dead-letters.use-case';
import { PreferencesController } from '../preferences/preferences.controller';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { GetPreferencesUseCase } from '../preferences/use-cases/get-preferences.use-case';
import { UpdatePreferencesUseCase } from '../preferences/use-cases/update-preferences.use-case';
import { FanOutRepository } from '../reactions/fan-out.repository';
import { NotifyOnEvent } from '../reactions/notify-on-event';
import { ReactionsConsumer } from '../reactions/reactions.consumer';
import { InboxController } from './inbox.controller';
import { InboxRepository } from './inbox.repository';
import { ListNotificationsUseCase } from './use-cases/list-notifications.use-case';
import { MarkAllReadUseCase } from './use-cases/mark-all-read.use-case';
import { MarkReadUseCase } from './use-cases/mark-read.use-case';
import { NotificationsSinceUseCase } from './use-cases/notifications-since.use-case';
import { LivePush } from '../push/live-push';

/** Events in (reactions), the in-app inbox and preferences, and the e-mail channel out. */
@Module({
  imports: [DirectoryModule],
  controllers: [InboxController, PreferencesController, DeadLettersController],
  providers: [
    InboxRepository,
    ListNotificationsUseCase,
    MarkReadUseCase,
    MarkAllReadUseCase,
    NotificationsSinceUseCase,
    LivePush,
    PreferencesRepository,
    GetPreferencesUseCase,
    UpdatePreferencesUseCase,
    FanOutRepository,
    NotifyOnEvent,
    ReactionsConsumer,
    DeliveriesRepository,
    MailTransport,
    DeliveryWorker,
    ListDeadLettersUseCase,
  ],
  exports: [DeliveryWorker],
})
export class InboxModule {}
