import type { Role } from './roles';

/**
 * Who is calling, as it travels in the `x-sakip-identity` NATS header. Set only by the gateway
 * (NATS permissions keep others from forging it); every service re-checks authorization with it.
 */
export interface CallerIdentity {
  /** user id */
  sub: string;
  role: Role;
  opdId: string | null;
  /** `user:<id>` or `apikey:<id>`: what audit rows record as the actor. */
  actor: string;
  /** API-key scopes when the call is made with a key; absent for users. */
  scopes?: string[];
  /** The refresh-session family the access token belongs to (`sid` claim); absent for API keys. */
  sessionId?: string;
  /** The user still has to replace an admin-set password: the gateway lets only the password change and a few self routes through. */
  passwordChangeRequired?: boolean;
  ip?: string;
}

export const HEADER_REQUEST_ID = 'x-request-id';
export const HEADER_IDENTITY = 'x-sakip-identity';
