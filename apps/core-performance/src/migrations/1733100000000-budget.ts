import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema for budget allocations and realizations (issue #6, DOMAIN.md "Budget"). Money is
 * numeric(18,2): exact, never float. A budget row hangs on a program, activity or sub_activity
 * node of an OPD's Renstra: the composite foreign key (node_id, node_type, opd_id) → plan_nodes
 * (id, level, opd_id) makes the database itself refuse a node of another level or a copied OPD
 * that differs from the node's, and keeps a node with budget rows from being deleted (409).
 */
export class Budget1733100000000 implements MigrationInterface {
  name = 'Budget1733100000000';

  async up(q: QueryRunner): Promise<void> {
    // The target of the composite foreign keys below (id alone is already unique).
    await q.query(`ALTER TABLE core.plan_nodes ADD CONSTRAINT plan_nodes_id_level_opd_key UNIQUE (id, level, opd_id)`);

    // One pagu per node, year and revision; `perubahan` (the revised APBD) supersedes `murni` where present.
    await q.query(`
      CREATE TABLE core.budget_allocations (
        id uuid PRIMARY KEY,
        node_type text NOT NULL CHECK (node_type IN ('program', 'activity', 'sub_activity')),
        node_id uuid NOT NULL,
        opd_id uuid NOT NULL REFERENCES core.opds (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        revision text NOT NULL CHECK (revision IN ('murni', 'perubahan')),
        pagu numeric(18, 2) NOT NULL CHECK (pagu >= 0),
        sipd_code text NULL,
        source text NOT NULL CHECK (source IN ('manual', 'sipd')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT budget_allocations_node_year_revision_key UNIQUE (node_id, year, revision),
        CONSTRAINT budget_allocations_node_fkey FOREIGN KEY (node_id, node_type, opd_id) REFERENCES core.plan_nodes (id, level, opd_id)
      )`);
    // The summary and OPD-scoped lists read one year of one OPD (or all).
    await q.query(`CREATE INDEX budget_allocations_year_opd_idx ON core.budget_allocations (year, opd_id)`);
    // Lookups by SIPD code within a year (sync reconciliation, reports by code).
    await q.query(`CREATE INDEX budget_allocations_sipd_idx ON core.budget_allocations (sipd_code, year) WHERE sipd_code IS NOT NULL`);

    // A month's amount alone, whatever the revision; the cumulative figure is computed.
    await q.query(`
      CREATE TABLE core.budget_realizations (
        id uuid PRIMARY KEY,
        node_type text NOT NULL CHECK (node_type IN ('program', 'activity', 'sub_activity')),
        node_id uuid NOT NULL,
        opd_id uuid NOT NULL REFERENCES core.opds (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
        source text NOT NULL CHECK (source IN ('manual', 'sipd')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT budget_realizations_node_year_month_key UNIQUE (node_id, year, month),
        CONSTRAINT budget_realizations_node_fkey FOREIGN KEY (node_id, node_type, opd_id) REFERENCES core.plan_nodes (id, level, opd_id)
      )`);
    // The unique key (node_id, year, month) serves the cumulative sums; this one the summary per year/OPD.
    await q.query(`CREATE INDEX budget_realizations_year_opd_idx ON core.budget_realizations (year, opd_id, month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.budget_realizations, core.budget_allocations`);
    await q.query(`ALTER TABLE core.plan_nodes DROP CONSTRAINT plan_nodes_id_level_opd_key`);
  }
}
