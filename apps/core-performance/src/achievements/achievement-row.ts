import type { AchievementHistoryView, AchievementStatus, AchievementView } from '@sakip/contracts';
import { isoOrNull } from '../database/row-values';

/** A `core.achievements` row as pg returns it (numeric as string). */
export interface AchievementRow {
  id: string;
  indicator_id: string;
  opd_id: string | null;
  year: number;
  period: string;
  realization: string;
  status: AchievementStatus;
  notes: string | null;
  document_ids: string[];
  input_by: string;
  verified_by: string | null;
  verified_at: Date | null;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface AchievementHistoryRow {
  id: string;
  from_status: AchievementStatus | null;
  to_status: AchievementStatus;
  actor: string;
  note: string | null;
  occurred_at: Date;
}

export const ACHIEVEMENT_COLUMNS =
  'id, indicator_id, opd_id, year, period, realization, status, notes, document_ids, input_by, verified_by, verified_at, first_submitted_at, submitted_at, created_at, updated_at, version';


/** numeric(20,4) text → JSON number: exact, since a realization has at most 15 digits (IsRealization). */
export function toAchievementView(r: AchievementRow): AchievementView {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    opdId: r.opd_id,
    year: r.year,
    period: r.period,
    realization: Number(r.realization),
    status: r.status,
    notes: r.notes,
    documentIds: r.document_ids,
    inputBy: r.input_by,
    verifiedBy: r.verified_by,
    verifiedAt: isoOrNull(r.verified_at),
    submittedAt: isoOrNull(r.submitted_at),
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toHistoryView(h: AchievementHistoryRow): AchievementHistoryView {
  return { id: h.id, fromStatus: h.from_status, toStatus: h.to_status, actor: h.actor, note: h.note, occurredAt: h.occurred_at.toISOString() };
}
