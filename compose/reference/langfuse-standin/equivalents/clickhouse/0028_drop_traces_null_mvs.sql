-- Langfuse 0028 drops the materialized views fed by traces_null (DROP TABLE: 18.16 has no DROP VIEW).
DROP TABLE IF EXISTS traces_all_amt_mv;
DROP TABLE IF EXISTS traces_7d_amt_mv;
DROP TABLE IF EXISTS traces_30d_amt_mv;
