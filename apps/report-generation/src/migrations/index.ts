import { InitReport1737000000000 } from './1737000000000-init-report';
import { Reports1737000000001 } from './1737000000001-reports';

/** Every migration of the report schema, in order (also used by the test template builder). */
export const REPORT_MIGRATIONS = [InitReport1737000000000, Reports1737000000001];
export const REPORT_SCHEMA = 'report';
export const REPORT_DB_ROLE = 'sakip_report';
