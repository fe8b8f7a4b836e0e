import { InitCore1733000000000 } from './1733000000000-init-core';
import { PlanTargetsVersion1733000000100 } from './1733000000100-plan-targets-version';
import { Budget1733100000000 } from './1733100000000-budget';
import { Evaluations1733100000100 } from './1733100000100-evaluations';
import { Imports1733200000000 } from './1733200000000-imports';

/** Every migration of the core schema, in order (also used by the test template builder). */
export const CORE_MIGRATIONS = [InitCore1733000000000, PlanTargetsVersion1733000000100, Budget1733100000000, Evaluations1733100000100, Imports1733200000000];
export const CORE_SCHEMA = 'core';
export const CORE_DB_ROLE = 'sakip_core';
