import { auditLogTableSql, eventTablesDropSql, eventTablesMigrationSql } from '@sakip/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema, part 1 (issue #5): settings, OPDs, the planning tree, indicators, targets,
 * periods, achievements and their history, the audit log and the searchable audit store, the
 * user directory followed from auth, and the event tables. Values of indicators are numeric(20,4):
 * exact, never float; capaian is computed in decimal from them, never stored.
 */
export class InitCore1733000000000 implements MigrationInterface {
  name = 'InitCore1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        pemda_name text NOT NULL DEFAULT 'Pemerintah Daerah',
        level text NOT NULL DEFAULT 'kabupaten' CHECK (level IN ('kabupaten', 'kota', 'provinsi')),
        head_name text NOT NULL DEFAULT '',
        head_title text NOT NULL DEFAULT '',
        head_rank text NULL,
        head_nip text NULL,
        capaian_cap numeric(10, 2) NULL DEFAULT 150 CHECK (capaian_cap IS NULL OR capaian_cap >= 100),
        timezone text NOT NULL DEFAULT 'WIB' CHECK (timezone IN ('WIB', 'WITA', 'WIT')),
        logo_file_id uuid NULL,
        efficient_above numeric(6, 2) NOT NULL DEFAULT 5,
        inefficient_below numeric(6, 2) NOT NULL DEFAULT -5,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (inefficient_below <= efficient_above)
      )`);
    await q.query(`INSERT INTO core.settings (id) VALUES (1)`);

    await q.query(`
      CREATE TABLE core.opds (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        short_name text NULL,
        head_name text NULL,
        head_position text NULL,
        head_rank text NULL,
        head_nip text NULL,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX opds_code_key ON core.opds (lower(code))`);

    // opd_id NULL: the Pemda's RPJMD.
    await q.query(`
      CREATE TABLE core.strategic_plans (
        id uuid PRIMARY KEY,
        opd_id uuid NULL REFERENCES core.opds (id),
        period_start integer NOT NULL CHECK (period_start BETWEEN 2000 AND 2096),
        period_end integer NOT NULL,
        vision text NOT NULL,
        mission text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (period_end = period_start + 4)
      )`);
    await q.query(`CREATE UNIQUE INDEX strategic_plans_opd_period_key ON core.strategic_plans (coalesce(opd_id, '00000000-0000-0000-0000-000000000000'::uuid), period_start)`);

    // Goal → objective → program → activity → sub_activity in one table; opd_id copies the plan's.
    await q.query(`
      CREATE TABLE core.plan_nodes (
        id uuid PRIMARY KEY,
        level text NOT NULL CHECK (level IN ('goal', 'objective', 'program', 'activity', 'sub_activity')),
        strategic_plan_id uuid NOT NULL REFERENCES core.strategic_plans (id),
        parent_id uuid NULL REFERENCES core.plan_nodes (id),
        opd_id uuid NULL REFERENCES core.opds (id),
        code text NOT NULL,
        name text NOT NULL,
        sort_order integer NOT NULL DEFAULT 0,
        sipd_code text NULL,
        rpjmd_objective_id uuid NULL REFERENCES core.plan_nodes (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((level = 'goal') = (parent_id IS NULL)),
        CHECK (sipd_code IS NULL OR level IN ('program', 'activity', 'sub_activity')),
        CHECK (rpjmd_objective_id IS NULL OR level = 'objective')
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_nodes_code_key ON core.plan_nodes (strategic_plan_id, level, code)`);
    await q.query(`CREATE INDEX plan_nodes_parent_idx ON core.plan_nodes (parent_id)`);
    await q.query(`CREATE INDEX plan_nodes_plan_idx ON core.plan_nodes (strategic_plan_id, level)`);
    await q.query(`CREATE INDEX plan_nodes_opd_idx ON core.plan_nodes (opd_id, level)`);
    await q.query(`CREATE INDEX plan_nodes_sipd_idx ON core.plan_nodes (sipd_code) WHERE sipd_code IS NOT NULL`);
    await q.query(`CREATE INDEX plan_nodes_rpjmd_idx ON core.plan_nodes (rpjmd_objective_id) WHERE rpjmd_objective_id IS NOT NULL`);

    // parent_type mirrors the node's level; objective_id is the sasaran the indicator rolls up into (null above it).
    await q.query(`
      CREATE TABLE core.indicators (
        id uuid PRIMARY KEY,
        parent_type text NOT NULL CHECK (parent_type IN ('goal', 'objective', 'program', 'activity', 'sub_activity')),
        parent_id uuid NOT NULL REFERENCES core.plan_nodes (id),
        strategic_plan_id uuid NOT NULL REFERENCES core.strategic_plans (id),
        objective_id uuid NULL REFERENCES core.plan_nodes (id),
        opd_id uuid NULL REFERENCES core.opds (id),
        name text NOT NULL,
        definition text NOT NULL,
        formula text NOT NULL,
        unit text NOT NULL,
        data_source text NULL,
        person_in_charge text NULL,
        category text NOT NULL CHECK (category IN ('input', 'output', 'outcome', 'impact')),
        is_iku boolean NOT NULL DEFAULT false,
        weight numeric(10, 4) NOT NULL DEFAULT 1 CHECK (weight > 0),
        frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'semester', 'annual')),
        polarity text NOT NULL CHECK (polarity IN ('higher_better', 'lower_better', 'target_based')),
        aggregation text NOT NULL CHECK (aggregation IN ('sum', 'average', 'last')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX indicators_parent_idx ON core.indicators (parent_id)`);
    await q.query(`CREATE INDEX indicators_opd_idx ON core.indicators (opd_id)`);
    await q.query(`CREATE INDEX indicators_objective_idx ON core.indicators (objective_id)`);
    await q.query(`CREATE INDEX indicators_plan_idx ON core.indicators (strategic_plan_id)`);

    // One year's target: the annual figure plus the Rencana Aksi split (Q1–Q4, and M01–M12 for monthly indicators).
    await q.query(`
      CREATE TABLE core.indicator_targets (
        indicator_id uuid NOT NULL REFERENCES core.indicators (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        annual numeric(20, 4) NOT NULL CHECK (annual >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (indicator_id, year)
      )`);
    await q.query(`
      CREATE TABLE core.indicator_target_periods (
        indicator_id uuid NOT NULL,
        year integer NOT NULL,
        period text NOT NULL CHECK (period ~ '^(Q[1-4]|M(0[1-9]|1[0-2]))$'),
        value numeric(20, 4) NOT NULL CHECK (value >= 0),
        PRIMARY KEY (indicator_id, year, period),
        FOREIGN KEY (indicator_id, year) REFERENCES core.indicator_targets (indicator_id, year) ON DELETE CASCADE
      )`);
    // Five-year (Renstra) targets.
    await q.query(`
      CREATE TABLE core.indicator_plan_targets (
        indicator_id uuid NOT NULL REFERENCES core.indicators (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        annual numeric(20, 4) NOT NULL CHECK (annual >= 0),
        PRIMARY KEY (indicator_id, year)
      )`);

    await q.query(`
      CREATE TABLE core.periods (
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        period text NOT NULL CHECK (period ~ '^(Y|S[12]|Q[1-4]|M(0[1-9]|1[0-2]))$'),
        input_deadline timestamptz NULL,
        locked_at timestamptz NULL,
        locked_by text NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        PRIMARY KEY (year, period)
      )`);

    await q.query(`
      CREATE TABLE core.achievements (
        id uuid PRIMARY KEY,
        indicator_id uuid NOT NULL REFERENCES core.indicators (id),
        opd_id uuid NULL REFERENCES core.opds (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        period text NOT NULL CHECK (period ~ '^(Y|S[12]|Q[1-4]|M(0[1-9]|1[0-2]))$'),
        realization numeric(20, 4) NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'revision', 'verified', 'locked')),
        notes text NULL,
        document_ids uuid[] NOT NULL DEFAULT '{}',
        input_by text NOT NULL,
        verified_by text NULL,
        verified_at timestamptz NULL,
        first_submitted_at timestamptz NULL,
        submitted_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (indicator_id, year, period)
      )`);
    await q.query(`CREATE INDEX achievements_opd_idx ON core.achievements (opd_id, year, period)`);
    await q.query(`CREATE INDEX achievements_year_status_idx ON core.achievements (year, period, status)`);
    await q.query(`
      CREATE TABLE core.achievement_history (
        id uuid PRIMARY KEY,
        achievement_id uuid NOT NULL REFERENCES core.achievements (id),
        from_status text NULL,
        to_status text NOT NULL,
        actor text NOT NULL,
        note text NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX achievement_history_idx ON core.achievement_history (achievement_id, occurred_at)`);

    // The searchable copy of every service's audit rows (fed by evt.*.audit.recorded.v1).
    await q.query(`
      CREATE TABLE core.audit_store (
        id uuid PRIMARY KEY,
        service text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor text NOT NULL,
        user_id uuid NULL,
        ip text NULL,
        request_id text NULL,
        operation text NOT NULL,
        table_name text NOT NULL,
        row_id text NULL,
        old_values jsonb NULL,
        new_values jsonb NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_store_time_idx ON core.audit_store (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_store_row_idx ON core.audit_store (table_name, row_id)`);
    await q.query(`CREATE INDEX audit_store_user_idx ON core.audit_store (user_id, occurred_at DESC) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_store_service_idx ON core.audit_store (service, occurred_at DESC)`);

    // Who belongs to which OPD, followed from auth (snapshot, then events); never auth's schema.
    await q.query(`
      CREATE TABLE core.user_directory (
        user_id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        opd_id uuid NULL,
        is_active boolean NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_directory_opd_idx ON core.user_directory (opd_id, role) WHERE is_active`);
    await q.query(`
      CREATE TABLE core.snapshot_state (
        source text PRIMARY KEY,
        completed_at timestamptz NULL
      )`);

    for (const sql of auditLogTableSql('core')) await q.query(sql);
    for (const sql of eventTablesMigrationSql('core')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesDropSql('core')) await q.query(sql);
    await q.query(`DROP TABLE core.audit_log, core.snapshot_state, core.user_directory, core.audit_store, core.achievement_history, core.achievements,
      core.periods, core.indicator_plan_targets, core.indicator_target_periods, core.indicator_targets, core.indicators, core.plan_nodes,
      core.strategic_plans, core.opds, core.settings`);
    await q.query(`DROP FUNCTION core.audit_log_immutable()`);
  }
}
