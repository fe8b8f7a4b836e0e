import { AchievementsController } from './achievements.controller';
import { AnalyticsController } from './analytics.controller';
import { AuditLogsController } from './audit-logs.controller';
import { BUDGET_CONTROLLERS } from './budget.controller';
import { DashboardController } from './dashboard.controller';
import { EvaluationsController } from './evaluations.controller';
import { ImportsController } from './imports.controller';
import { IndicatorsController } from './indicators.controller';
import { OpdsController } from './opds.controller';
import { PerformanceController } from './performance.controller';
import { PeriodsController } from './periods.controller';
import { PLANNING_CONTROLLERS } from './planning.controller';
import { SettingsController } from './settings.controller';

/**
 * Controllers of the Core performance routes (API.md), each forwarding to core-performance over
 * NATS. One file per feature under this folder; add new ones here.
 */
export const CORE_CONTROLLERS = [SettingsController, OpdsController, AuditLogsController, ...PLANNING_CONTROLLERS, IndicatorsController, PeriodsController, AchievementsController, PerformanceController, ...BUDGET_CONTROLLERS, EvaluationsController, DashboardController, AnalyticsController, ImportsController];
