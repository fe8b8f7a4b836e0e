// DTOs of the settings routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsExpectedVersion, trim } from '../common/transforms';

/** DOMAIN.md "Settings": the kind of regional government this installation serves. */
export const PEMDA_LEVELS = ['kabupaten', 'kota', 'provinsi'] as const;
export type PemdaLevel = (typeof PEMDA_LEVELS)[number];

/** Indonesian time zones: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9). */
export const PEMDA_TIMEZONES = ['WIB', 'WITA', 'WIT'] as const;
export type PemdaTimezone = (typeof PEMDA_TIMEZONES)[number];

/**
 * The fixed owner id of the settings logo in `evt.core.file_links.changed.v1`
 * (`{ownerType: 'settings_logo', ownerId: SETTINGS_OWNER_ID}`): there is one settings row, so its
 * file links always belong to this id and a later logo change replaces the same owner's set.
 */
export const SETTINGS_OWNER_ID = '00000000-0000-4000-8000-000000000001';
export const SETTINGS_LOGO_OWNER_TYPE = 'settings_logo';

/** Largest values the columns hold (numeric(10,2) cap, numeric(6,2) thresholds). */
export const CAPAIAN_CAP_MAX = 99_999_999.99;
export const EFFICIENCY_LIMIT = 9_999.99;

const DECIMAL_2 = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 } as const;

/**
 * Budget efficiency bands (DOMAIN.md "Budget"): a difference (capaian − serapan) above
 * `efficientAbove` is efficient, below `inefficientBelow` inefficient, anything between (bounds
 * included) fairly efficient. Defaults +5 / −5.
 */
export class EfficiencyThresholds {
  @ApiProperty({ example: 5, description: 'a difference above this is efficient' })
  @IsNumber(DECIMAL_2) @Min(-EFFICIENCY_LIMIT) @Max(EFFICIENCY_LIMIT)
  efficientAbove: number;

  @ApiProperty({ example: -5, description: 'a difference below this is inefficient; must be ≤ efficientAbove' })
  @IsNumber(DECIMAL_2) @Min(-EFFICIENCY_LIMIT) @Max(EFFICIENCY_LIMIT)
  inefficientBelow: number;
}

/** `PUT /settings`: replaces the whole settings (optional fields omitted = null). */
export class UpdateSettingsRequest {
  @ApiProperty({ example: 'Pemerintah Kabupaten Contoh' }) @Transform(trim) @IsString() @Length(1, 200)
  pemdaName: string;

  @ApiProperty({ enum: PEMDA_LEVELS }) @IsIn(PEMDA_LEVELS)
  level: PemdaLevel;

  @ApiProperty({ description: 'head of region (PIHAK KEDUA of OPD PKs)' }) @Transform(trim) @IsString() @Length(1, 200)
  headName: string;

  @ApiProperty({ example: 'Bupati Contoh' }) @Transform(trim) @IsString() @Length(1, 200)
  headTitle: string;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100)
  headRank?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Length(1, 30)
  headNip?: string | null;

  @ApiProperty({ nullable: true, type: Number, minimum: 100, example: 150, description: 'the highest capaian scored; null = no cap' })
  @IsDefined({ message: 'capaianCap is required (null = no cap)' }) @ValidateIf((_o, v) => v !== null) @IsNumber(DECIMAL_2) @Min(100) @Max(CAPAIAN_CAP_MAX)
  capaianCap: number | null;

  @ApiProperty({ enum: PEMDA_TIMEZONES }) @IsIn(PEMDA_TIMEZONES)
  timezone: PemdaTimezone;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'an uploaded image file; null = no logo' })
  @IsDefined({ message: 'logoFileId is required (null = no logo)' }) @ValidateIf((_o, v) => v !== null) @IsUUID()
  logoFileId: string | null;

  @ApiProperty({ type: EfficiencyThresholds })
  @IsDefined() @ValidateNested() @Type(() => EfficiencyThresholds)
  efficiency: EfficiencyThresholds;
}

export class UpdateSettingsCommand extends UpdateSettingsRequest {
  /** From the client's If-Match: the write applies only to this version (else 412). */
  @IsExpectedVersion() expectedVersion?: number;
}

export class SettingsView {
  @ApiProperty() pemdaName: string;
  @ApiProperty({ enum: PEMDA_LEVELS }) level: PemdaLevel;
  @ApiProperty() headName: string;
  @ApiProperty() headTitle: string;
  @ApiProperty({ nullable: true, type: String }) headRank: string | null;
  @ApiProperty({ nullable: true, type: String }) headNip: string | null;
  @ApiProperty({ nullable: true, type: Number }) capaianCap: number | null;
  @ApiProperty({ enum: PEMDA_TIMEZONES }) timezone: PemdaTimezone;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) logoFileId: string | null;
  @ApiProperty({ type: EfficiencyThresholds }) efficiency: EfficiencyThresholds;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}
