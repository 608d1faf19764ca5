-- Langfuse 0029 drops traces_null and the trace aggregating-merge-tree tables.
DROP TABLE IF EXISTS traces_null;
DROP TABLE IF EXISTS traces_all_amt;
DROP TABLE IF EXISTS traces_7d_amt;
DROP TABLE IF EXISTS traces_30d_amt;
