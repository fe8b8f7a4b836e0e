import { forbidden, notFound, Role, type CallerIdentity } from '@sakip/contracts';

/**
 * OPD scoping of DOMAIN.md "Roles", decided on every row by this service: a caller bound to an
 * OPD (admin_opd, viewer with opdId, or a key bound to one) sees its own OPD's rows and the
 * Pemda's own rows (RPJMD, Pemda IKU: opd_id null), nothing else. Another OPD's row is 404, never
 * 403, so its existence does not leak. Pemda rows are written by super_admin only.
 */
export class OpdAccess {
  private constructor(
    readonly caller: CallerIdentity,
    /** null = sees every OPD. */
    readonly boundOpdId: string | null,
  ) {}

  static of(caller: CallerIdentity): OpdAccess {
    const pemdaWideRole = caller.role === Role.SuperAdmin || caller.role === Role.Evaluator;
    // An API key bound to an OPD is bound whatever its creator's role (DOMAIN.md "API keys").
    const boundKey = caller.scopes !== undefined && caller.opdId !== null;
    return new OpdAccess(caller, pemdaWideRole && !boundKey ? null : caller.opdId);
  }

  canSee(rowOpdId: string | null): boolean {
    return this.boundOpdId === null || rowOpdId === null || rowOpdId === this.boundOpdId;
  }

  /** 404 for a row the caller may not see. */
  assertVisible(rowOpdId: string | null, what = 'Resource'): void {
    if (!this.canSee(rowOpdId)) throw notFound(what);
  }

  /** 404 for a foreign row; 403 for a Pemda row unless super_admin (the caller's role already passed the permission check). */
  assertWritable(rowOpdId: string | null, what = 'Resource'): void {
    this.assertVisible(rowOpdId, what);
    if (rowOpdId === null && (this.caller.role !== Role.SuperAdmin || this.boundOpdId !== null)) throw forbidden('Only super_admin changes the Pemda RPJMD and its indicators');
  }

  /**
   * The OPD filter of a list. A bound caller asking for another OPD gets 404 (API.md "Lists");
   * without an explicit `opdId` its list holds its OPD and the Pemda rows.
   * Returns `undefined` = no filter, `null` = Pemda rows only, a string = that OPD
   * (`includePemda` adds the Pemda rows).
   */
  listFilter(requested: string | null | undefined): { opdId: string | null | undefined; includePemda: boolean } {
    if (this.boundOpdId === null) return { opdId: requested, includePemda: false };
    if (requested === undefined) return { opdId: this.boundOpdId, includePemda: true };
    // UUIDs compare case-insensitively: an upper-case spelling of the caller's own OPD is still its own.
    if (requested !== null && requested.toLowerCase() !== this.boundOpdId.toLowerCase()) throw notFound('OPD');
    return { opdId: requested, includePemda: false };
  }

  /**
   * SQL for listFilter on column `col`, appending its parameter to `params`; '' = no condition.
   * e.g. `WHERE true ${access.sql('i.opd_id', params, q.opdId)}`.
   */
  sql(col: string, params: unknown[], requested: string | null | undefined): string {
    const f = this.listFilter(requested);
    if (f.opdId === undefined) return '';
    if (f.opdId === null) return ` AND ${col} IS NULL`;
    params.push(f.opdId);
    return f.includePemda ? ` AND (${col} = $${params.length} OR ${col} IS NULL)` : ` AND ${col} = $${params.length}`;
  }
}
