/** Request/reply subjects served by `core-performance` for other services (`<service>.<entity>.<action>.v<n>`). */
export const CORE_SUBJECTS = {
  /** Paged snapshot of every OPD (cursor + limit ≤ 1000), to bootstrap before following `evt.core.opd.changed.v1`. */
  opdList: 'core.opd.list.v1',
  /** Sets an OPD's head (PIHAK PERTAMA) from SIMPEG. */
  opdHeadUpsert: 'core.opd.head.upsert.v1',
  /** A batch of SIPD budget allocations and realizations, upserted by code. */
  budgetUpsert: 'core.budget.upsert.v1',
} as const;

export type CoreSubject = (typeof CORE_SUBJECTS)[keyof typeof CORE_SUBJECTS];
