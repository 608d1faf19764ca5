-- Langfuse 0027 drops the three materialized views feeding project_environments. ClickHouse 18.16 has no
-- DROP VIEW; DROP TABLE drops a view too. A reference schema never had these views (they need newer ClickHouse),
-- so this is what the real migration does on it: nothing, without error.
DROP TABLE IF EXISTS project_environments_traces_mv;
DROP TABLE IF EXISTS project_environments_observations_mv;
DROP TABLE IF EXISTS project_environments_scores_mv;
