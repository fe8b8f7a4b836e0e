/** Request/reply subjects served by `report-generation` (API.md "Reports"). */
export const REPORT_SUBJECTS = {
} as const;

export type ReportSubject = (typeof REPORT_SUBJECTS)[keyof typeof REPORT_SUBJECTS];
