import { Role, notFound, type CallerIdentity } from '@sakip/contracts';

/**
 * The OPD a new upload belongs to. A caller bound to an OPD uploads for that OPD only (another
 * one → 404, as for any foreign OPD); a caller without one names the OPD or uploads a Pemda-level file.
 */
export function uploadOpdOf(caller: CallerIdentity, requested: string | undefined): string | null {
  if (caller.opdId) {
    if (requested && requested !== caller.opdId) throw notFound('OPD');
    return caller.opdId;
  }
  return requested ?? null;
}

export interface FileVisibilityFacts {
  ownerId: string;
  opdId: string | null;
  /** OPDs of the records linking the file (null = a Pemda-wide record such as the settings logo). */
  linkOpdIds: (string | null)[];
}

/**
 * Who may see (get, download) a file — the rule this service implements:
 * - a caller not bound to an OPD (super_admin, evaluator, an unbound viewer) sees every file;
 * - the owner (uploader) sees it;
 * - a Pemda-level file (no OPD) is seen by everyone with `files.read`;
 * - a file of the caller's own OPD is seen;
 * - a file linked to a record the caller may see is seen: the link's OPD is the caller's, or the
 *   record is Pemda-wide (links carry the owning record's OPD, and records are OPD-scoped the same way).
 * Anything else is answered 404 (a foreign file does not exist for that caller).
 */
export function canSeeFile(caller: CallerIdentity, f: FileVisibilityFacts): boolean {
  if (!caller.opdId) return true;
  if (f.ownerId === caller.sub) return true;
  if (f.opdId === null || f.opdId === caller.opdId) return true;
  return f.linkOpdIds.some((o) => o === null || o === caller.opdId);
}

/** Delete: super_admin any file, others their own uploads only (a visible file of someone else → 403). */
export function canDeleteFile(caller: CallerIdentity, ownerId: string): boolean {
  return caller.role === Role.SuperAdmin || ownerId === caller.sub;
}
