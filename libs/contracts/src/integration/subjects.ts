/** Request/reply subjects served by `integration-sync` (API.md "Integrations"). */
export const INTEGRATION_SUBJECTS = {
} as const;

export type IntegrationSubject = (typeof INTEGRATION_SUBJECTS)[keyof typeof INTEGRATION_SUBJECTS];
