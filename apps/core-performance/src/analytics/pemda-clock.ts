import type { PemdaTimezone } from '@sakip/contracts';

/** Indonesia keeps no daylight saving: WIB, WITA and WIT are fixed offsets from UTC. */
const OFFSET_HOURS: Record<PemdaTimezone, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** What time it is: injected so the use-cases can be tested at any date. */
export const ANALYTICS_CLOCK = Symbol('ANALYTICS_CLOCK');
export type Clock = () => Date;

/** The calendar year at `now` in the Pemda's time zone (settings.timezone decides "now", not the server's zone). */
export function pemdaYear(now: Date, timezone: PemdaTimezone): number {
  const offset = OFFSET_HOURS[timezone];
  if (offset === undefined) throw new RangeError(`unknown time zone ${JSON.stringify(timezone)}`);
  return new Date(now.getTime() + offset * 3_600_000).getUTCFullYear();
}
