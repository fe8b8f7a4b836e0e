/** Request/reply subjects served by `report-generation` (API.md "Reports"). */
export const REPORT_SUBJECTS = {
  create: 'report.create.v1',
  get: 'report.get.v1',
  list: 'report.list.v1',
  download: 'report.download.v1',
  attachSigned: 'report.signed.v1',
} as const;

export type ReportSubject = (typeof REPORT_SUBJECTS)[keyof typeof REPORT_SUBJECTS];

/** The work queue of document builds (JetStream, work-queue retention, own to report-generation). */
export const REPORT_JOBS = { stream: 'REPORT_JOBS', subject: 'job.report.build.v1' } as const;
