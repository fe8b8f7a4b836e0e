import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ListQuery } from '../common/pagination';

/** What a notification is about (one per reacted-to event kind); preferences are set per type. */
export const NOTIFICATION_TYPES = [
  'achievement.submitted',
  'achievement.returned',
  'achievement.verified',
  'evaluation.published',
  'report.completed',
  'report.failed',
  'sync.failed',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LANGUAGES = ['id', 'en'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationListQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'only unread ones' }) @IsOptional() @Transform(toBoolean) @IsBoolean()
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty({ description: 'in the user\'s language' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event facts (ids, year, period…)' }) data: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationIdRequest {
  @IsUUID() id: string;
}

/**
 * `notification.inbox.since.v1`: the caller's notifications newer than one they already have,
 * oldest first (the gateway replays them after an SSE `Last-Event-ID` or a WebSocket `lastEventId`).
 * Ids are UUIDv7, so "newer" is id order.
 */
export class NotificationsSinceQuery {
  @IsUUID() afterId: string;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
}

export interface NotificationsSince {
  items: NotificationView[];
  /** More follow: ask again after the last item. */
  hasMore: boolean;
}

export class ReadAllResult {
  @ApiProperty() updated: number;
}

export class NotificationPreference {
  @ApiProperty({ enum: NOTIFICATION_TYPES }) @IsIn(NOTIFICATION_TYPES) type: NotificationType;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) @IsIn(NOTIFICATION_CHANNELS) channel: NotificationChannel;
  @ApiProperty() @IsBoolean() enabled: boolean;
}

/** Every (type, channel) pair with its effective value (defaults filled in). */
export class NotificationPreferencesView {
  @ApiProperty({ enum: NOTIFICATION_LANGUAGES }) language: NotificationLanguage;
  @ApiProperty({ type: [NotificationPreference] }) preferences: NotificationPreference[];
}

/** PUT: the pairs given change; the others keep their value. */
export class UpdateNotificationPreferencesRequest {
  @ApiPropertyOptional({ enum: NOTIFICATION_LANGUAGES }) @IsOptional() @IsIn(NOTIFICATION_LANGUAGES) language?: NotificationLanguage;
  @ApiPropertyOptional({ type: [NotificationPreference] })
  @IsOptional() @IsArray() @ArrayMaxSize(NOTIFICATION_TYPES.length * NOTIFICATION_CHANNELS.length) @ValidateNested({ each: true }) @Type(() => NotificationPreference)
  preferences?: NotificationPreference[];
}

export class DeadLetterListQuery extends ListQuery {}

export class DeadLetterView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['email', 'slack'] }) channel: string;
  @ApiProperty() recipient: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty() attempts: number;
  @ApiProperty() lastError: string;
  @ApiProperty() messageId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
