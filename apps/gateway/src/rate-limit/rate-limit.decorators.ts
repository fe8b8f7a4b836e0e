import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_CLASS = 'sakip:rate-limit-class';

/** Counts against the per-IP auth limit (login, refresh, mfa with an mfaToken, password reset). */
export const AuthRateLimit = () => SetMetadata(RATE_LIMIT_CLASS, 'auth');

/** Not limited at all (probes, metrics scraped from inside the cluster). */
export const NoRateLimit = () => SetMetadata(RATE_LIMIT_CLASS, 'none');
