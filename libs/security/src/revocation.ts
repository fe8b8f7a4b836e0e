/**
 * Short-lived Redis entries that make the gateway refuse credentials at once, before a signed
 * access token expires (ARCHITECTURE.md "Identity and access"). Written by auth, read by the gateway.
 */
export const revocationKeys = {
  user: (userId: string) => `revoked:user:${userId}`,
  apiKey: (keyId: string) => `revoked:apikey:${keyId}`,
  /** One session (refresh family, the token's `sid`): logout, session end, password change, reuse. */
  session: (sessionId: string) => `revoked:session:${sessionId}`,
};
