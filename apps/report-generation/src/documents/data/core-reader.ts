import {
  CORE_SUBJECTS,
  DomainError,
  ErrorCode,
  type BudgetSummaryPage,
  type BudgetSummaryRowView,
  type BudgetSummaryTotalView,
  type CallerIdentity,
  type IndicatorView,
  type OpdView,
  type Page,
  type PerformancePage,
  type PerformanceRowView,
  type PlanTargetsView,
  type SettingsView,
  type StrategicPlanView,
  type TargetView,
} from '@sakip/contracts';
import type { RpcClient } from '@sakip/messaging';

const PAGE = 100;

export interface ObjectiveNode {
  id: string;
  code: string;
  name: string;
}

/**
 * Everything a document needs, read from core over NATS as the requester (core applies their role
 * and OPD scoping), page by page — never core's schema.
 */
export class CoreReader {
  constructor(
    private readonly rpc: RpcClient,
    private readonly caller: CallerIdentity,
    private readonly signal?: AbortSignal,
  ) {}

  private call<T>(subject: string, payload: unknown): Promise<T> {
    if (this.signal?.aborted) throw new DomainError(ErrorCode.UpstreamUnavailable, 'The build was stopped; it resumes on another worker');
    return this.rpc.request<T>(subject, payload, { identity: this.caller, timeoutMs: 30_000 });
  }

  /** Every item of a paged list (API.md lists: limit ≤ 100). */
  private async all<T>(subject: string, query: Record<string, unknown>): Promise<T[]> {
    const out: T[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.call<Page<T>>(subject, { ...query, limit: PAGE, offset });
      out.push(...page.items);
      if (out.length >= page.total || page.items.length < PAGE) return out;
    }
  }

  settings(): Promise<SettingsView> {
    return this.call(CORE_SUBJECTS.settingsGet, {});
  }

  opd(id: string): Promise<OpdView> {
    return this.call(CORE_SUBJECTS.opdGet, { id });
  }

  /** The active OPDs the caller may see, in code order (Pemda-wide documents). */
  async opds(): Promise<OpdView[]> {
    return (await this.all<OpdView>(CORE_SUBJECTS.opdQuery, { sort: 'code' })).filter((o) => o.isActive);
  }

  /** The OPD's Renstra covering the year (null: none). */
  async renstra(opdId: string, year: number): Promise<StrategicPlanView | null> {
    const plans = await this.all<StrategicPlanView>(CORE_SUBJECTS.strategicPlanQuery, { opdId });
    return plans.find((p) => p.periodStart <= year && year <= p.periodEnd) ?? null;
  }

  indicators(strategicPlanId: string): Promise<IndicatorView[]> {
    return this.all<IndicatorView>(CORE_SUBJECTS.indicatorQuery, { strategicPlanId });
  }

  async objectives(strategicPlanId: string): Promise<ObjectiveNode[]> {
    const nodes = await this.all<ObjectiveNode>(CORE_SUBJECTS.planNodeQuery, { level: 'objective', strategicPlanId });
    return nodes.map((n) => ({ id: n.id, code: n.code, name: n.name }));
  }

  /** One row per indicator of the OPD for the year and period (s.d. that period). */
  async performance(opdId: string, year: number, period = 'Y'): Promise<Map<string, PerformanceRowView>> {
    const rows = await this.all<PerformanceRowView>(CORE_SUBJECTS.performanceData, { year, opdId, period });
    return new Map(rows.map((r) => [r.indicatorId, r]));
  }

  async budget(opdId: string, year: number, nodeType?: 'program' | 'activity' | 'sub_activity'): Promise<{ rows: BudgetSummaryRowView[]; totals: BudgetSummaryTotalView[] }> {
    const rows: BudgetSummaryRowView[] = [];
    let totals: BudgetSummaryTotalView[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.call<BudgetSummaryPage>(CORE_SUBJECTS.budgetSummary, { year, opdId, ...(nodeType ? { nodeType } : {}), limit: PAGE, offset });
      rows.push(...page.items);
      totals = page.totals;
      if (rows.length >= page.total || page.items.length < PAGE) return { rows, totals };
    }
  }

  /** The year's target split (null when none was set). */
  async target(indicatorId: string, year: number): Promise<TargetView | null> {
    try {
      return await this.call<TargetView>(CORE_SUBJECTS.targetGet, { id: indicatorId, year });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return null;
      throw err;
    }
  }

  /** The Renstra's target per year (year → annual). */
  async planTargets(indicatorId: string): Promise<Map<number, number>> {
    const plan = await this.call<PlanTargetsView>(CORE_SUBJECTS.planTargetGet, { id: indicatorId });
    return new Map(plan.items.map((i) => [i.year, i.annual]));
  }

  /** The five-year target of the plan's last year (null when none). */
  async finalTarget(indicatorId: string, planEnd: number): Promise<number | null> {
    const targets = await this.planTargets(indicatorId);
    return targets.get(planEnd) ?? [...targets.values()].at(-1) ?? null;
  }
}

export type { PerformancePage };
