import { InitFile1734000000000 } from './1734000000000-init-file';

/** Every migration of the file schema, in order (also used by the test template builder). */
export const FILE_MIGRATIONS = [InitFile1734000000000];
export const FILE_SCHEMA = 'file';
export const FILE_DB_ROLE = 'sakip_file';
