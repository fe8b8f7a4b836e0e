import { SetMetadata } from '@nestjs/common';
import type { EnvelopeOf, EventSubject, SakipEventEnvelope } from '@sakip/contracts';
import type { EntityManager } from 'typeorm';
import type { ConsumerSettings } from './event-settings';

export const ON_EVENT_METADATA = 'sakip:on-event';

/** An exact catalogue subject, or a wildcard filter such as `evt.core.achievement.*.v1`. */
export type EventFilter = EventSubject | `evt.${string}`;

/** An exact subject gives its own envelope type; a wildcard gives the union (switch on `subject`). */
export type EnvelopeForFilter<F extends string> = F extends EventSubject ? EnvelopeOf<F> : SakipEventEnvelope;

export type OnEventHandler<F extends string> = (event: EnvelopeForFilter<F>, tx: EntityManager) => Promise<void>;

export interface OnEventOptions extends Partial<ConsumerSettings> {
  /** The purpose of this consumer, e.g. `opd-directory`: the durable is `<service>_<purpose>` (one per handler). */
  durable: string;
}

export interface OnEventMetadata extends OnEventOptions {
  filter: string;
}

/**
 * Makes a provider method the handler of one durable JetStream consumer (STYLE.md 7), found by
 * EventsModule at start. The method runs inside the transaction that records the event in the
 * inbox; it must do its writes through `tx` and throw to have the event retried.
 *
 *   @OnEvent(CORE_EVENTS.opdChanged, { durable: 'opd-directory' })
 *   async opdChanged(event: EnvelopeOf<typeof CORE_EVENTS.opdChanged>, tx: EntityManager) { … }
 */
export function OnEvent<F extends EventFilter>(filter: F, options: OnEventOptions) {
  return <H extends OnEventHandler<F>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    SetMetadata<string, OnEventMetadata>(ON_EVENT_METADATA, { ...options, filter })(target, key, descriptor);
  };
}
