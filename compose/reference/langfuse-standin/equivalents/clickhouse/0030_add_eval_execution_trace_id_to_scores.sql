-- Langfuse 0030 adds scores.execution_trace_id Nullable(String) (with IF NOT EXISTS, which 18.16's ALTER lacks).
ALTER TABLE scores ADD COLUMN execution_trace_id Nullable(String);
