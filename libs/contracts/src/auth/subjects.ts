/** Request/reply subjects served by `auth` (`<service>.<entity>.<action>.v<n>`). */
export const AUTH_SUBJECTS = {
  login: 'auth.session.login.v1',
  refresh: 'auth.session.refresh.v1',
  logout: 'auth.session.logout.v1',
  me: 'auth.user.me.v1',
  jwks: 'auth.jwks.get.v1',
  mfaVerify: 'auth.mfa.verify.v1',
  mfaSetup: 'auth.mfa.setup.v1',
  mfaEnable: 'auth.mfa.enable.v1',
  mfaDisable: 'auth.mfa.disable.v1',
  passwordChange: 'auth.password.change.v1',
  /** Public (no caller): always answers null; mails a one-time token to an active account. */
  passwordForgot: 'auth.password.forgot.v1',
  /** Public (no caller): the one-time token sets a new password and ends every session. */
  passwordReset: 'auth.password.reset.v1',
  sessionList: 'auth.session.list.v1',
  sessionEnd: 'auth.session.end.v1',
  apiKeyCreate: 'auth.apikey.create.v1',
  apiKeyList: 'auth.apikey.list.v1',
  apiKeyRevoke: 'auth.apikey.revoke.v1',
  apiKeyVerify: 'auth.apikey.verify.v1',
  userCreate: 'auth.user.create.v1',
  userQuery: 'auth.user.query.v1',
  userGet: 'auth.user.get.v1',
  userUpdate: 'auth.user.update.v1',
  userDeactivate: 'auth.user.deactivate.v1',
  /** Service-to-service only: paged snapshot of every user (cursor + limit ≤ 1000), for bootstrapping a consumer of the user events. */
  userList: 'auth.user.list.v1',
  /** Service-to-service only: create or update a user from an upstream staff source (SIMPEG). */
  userProvision: 'auth.user.provision.v1',
} as const;

export type AuthSubject = (typeof AUTH_SUBJECTS)[keyof typeof AUTH_SUBJECTS];
