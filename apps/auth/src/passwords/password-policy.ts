import { dictionary } from '@zxcvbn-ts/language-common';
import { validationFailed } from '@sakip/contracts';

/** ~49k most common passwords (zxcvbn-ts common dictionary), lower-cased once at load. */
const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * API.md: 12–128 characters, not a common password. "Common" also catches a common word with a
 * short suffix of digits or symbols ("password1234!"), and passwords built from the e-mail.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 12 || password.length > 128) return 'must be 12–128 characters';
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]{1,6}$/, '');
  if (COMMON.has(lower) || (stem.length >= 4 && COMMON.has(stem))) return 'is too common';
  if (new Set(lower).size < 4) return 'uses too few different characters';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'must not contain your e-mail name';
  return null;
}

export function assertPasswordPolicy(password: string, field: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw validationFailed('Password does not meet the policy', [{ field, message: `password ${problem}` }]);
}
