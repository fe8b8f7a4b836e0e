-- Roles, schemas and grants for the SAKIP services (ARCHITECTURE.md "Data").
-- Run by the database owner (a superuser or the DB owner with CREATEROLE) against the SAKIP database.
-- Idempotent: `npm start`, the test harness and the k8s bootstrap job apply it on every run.
-- Login roles are cluster-wide and never dropped; passwords are set out of band in production
-- (ALTER ROLE sakip_auth PASSWORD '...'), local PostgreSQL uses trust auth.

DO $$
DECLARE
  svc text;
BEGIN
  FOREACH svc IN ARRAY ARRAY['auth', 'core', 'integration', 'report', 'notification', 'file'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sakip_' || svc) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT', 'sakip_' || svc);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another run created it concurrently
      END;
    END IF;
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', svc, 'sakip_' || svc);
    -- Ownership may have been taken by an earlier manual run: give it back to the service role.
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', svc, 'sakip_' || svc);
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', svc);
    EXECUTE format('ALTER ROLE %I SET search_path = %I', 'sakip_' || svc, svc);
  END LOOP;
END
$$;

-- Nobody but the owner creates in public (PostgreSQL 15 default, stated for older servers).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
