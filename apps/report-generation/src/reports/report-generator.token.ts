import { generateReport } from '../documents/generate-report';

/** The document builder the worker calls (a token, so tests can put a fake in). */
export const REPORT_GENERATOR = Symbol('REPORT_GENERATOR');
export type ReportGenerator = typeof generateReport;
export const defaultReportGenerator: ReportGenerator = generateReport;
