import { IsISO8601, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';

/**
 * Property decorators shared by event payloads and RPC DTOs. "Nullable" means the key must be
 * present and may hold null: event-carried state says "no OPD" explicitly instead of omitting it.
 */
const compose =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

const notNull = ValidateIf((_o: object, v: unknown) => v !== null);

export const IsNullableUuid = (): PropertyDecorator => compose(notNull, IsUUID());

export const IsNullableText = (max: number): PropertyDecorator => compose(notNull, IsString(), Length(0, max));

/** An instant as ISO 8601 with time and zone, e.g. `2026-01-31T10:00:00.000Z`. */
export const IsInstant = (): PropertyDecorator => compose(IsISO8601({ strict: true, strictSeparator: true }), Matches(/T.*(Z|[+-]\d\d:\d\d)$/, { message: '$property must carry a time and a zone' }));

export const IsNullableInstant = (): PropertyDecorator => compose(notNull, IsInstant());

/** numeric(18,2) travels as a string so no float ever touches money (ARCHITECTURE.md "Data"). */
export const IsMoney = (): PropertyDecorator => Matches(/^-?\d{1,16}(\.\d{1,2})?$/, { message: '$property must be a decimal string with at most 2 decimals' });

/** A decimal score such as a capaian or an LKE score, as a string. */
export const IsDecimalText = (): PropertyDecorator => Matches(/^-?\d{1,10}(\.\d{1,4})?$/, { message: '$property must be a decimal string' });

/** Reporting periods (DOMAIN.md "Indicators"): Y, S1–S2, Q1–Q4, M01–M12. */
export const PERIOD_PATTERN = /^(Y|S[12]|Q[1-4]|M(0[1-9]|1[0-2]))$/;
export const IsPeriod = (): PropertyDecorator => Matches(PERIOD_PATTERN, { message: '$property must be Y, S1–S2, Q1–Q4 or M01–M12' });

/** `user:<id>`, `apikey:<id>`, `system:<what>` or `anonymous`: who did it, as audit rows record it. */
export const IsActor = (): PropertyDecorator => Matches(/^(anonymous|[a-z]+:\S{1,200})$/, { message: '$property must be an actor such as user:<id>' });
