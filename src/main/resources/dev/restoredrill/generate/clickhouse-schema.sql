-- Langfuse v3's ClickHouse tables, in the dialect of the reference server (ClickHouse 18.16):
-- DateTime instead of DateTime64, UInt8 instead of Bool, JSON text instead of Map, and
-- ReplacingMergeTree(event_ts) with is_deleted as a plain column (the two-argument form is 23.x).
-- Statements are separated by lines holding only ';'.
-- golang-migrate's table as Langfuse has it created (x-migrations-table-engine=MergeTree, so ORDER BY sequence;
-- langfuse packages/shared/clickhouse/scripts/up.sh, golang-migrate database/clickhouse/clickhouse.go).
CREATE TABLE IF NOT EXISTS schema_migrations (version Int64, dirty UInt8, sequence UInt64) ENGINE = MergeTree ORDER BY sequence
;
CREATE TABLE IF NOT EXISTS traces (
    id String,
    timestamp DateTime,
    name String,
    user_id Nullable(String),
    metadata String,
    release Nullable(String),
    version Nullable(String),
    project_id String,
    environment String,
    public UInt8,
    bookmarked UInt8,
    tags Array(String),
    input Nullable(String),
    output Nullable(String),
    session_id Nullable(String),
    created_at DateTime,
    updated_at DateTime,
    event_ts DateTime,
    is_deleted UInt8
) ENGINE = ReplacingMergeTree(event_ts)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (project_id, toDate(timestamp), id)
;
CREATE TABLE IF NOT EXISTS observations (
    id String,
    trace_id String,
    project_id String,
    environment String,
    type String,
    parent_observation_id Nullable(String),
    start_time DateTime,
    end_time Nullable(DateTime),
    name String,
    metadata String,
    level String,
    status_message Nullable(String),
    version Nullable(String),
    input Nullable(String),
    output Nullable(String),
    provided_model_name Nullable(String),
    model_parameters Nullable(String),
    usage_details String,
    cost_details String,
    total_cost Nullable(Float64),
    completion_start_time Nullable(DateTime),
    prompt_name Nullable(String),
    prompt_version Nullable(UInt16),
    created_at DateTime,
    updated_at DateTime,
    event_ts DateTime,
    is_deleted UInt8
) ENGINE = ReplacingMergeTree(event_ts)
PARTITION BY toYYYYMM(start_time)
ORDER BY (project_id, type, toDate(start_time), id)
;
CREATE TABLE IF NOT EXISTS scores (
    id String,
    timestamp DateTime,
    project_id String,
    environment String,
    trace_id String,
    observation_id Nullable(String),
    name String,
    value Float64,
    source String,
    comment Nullable(String),
    data_type String,
    string_value Nullable(String),
    created_at DateTime,
    updated_at DateTime,
    event_ts DateTime,
    is_deleted UInt8
) ENGINE = ReplacingMergeTree(event_ts)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (project_id, toDate(timestamp), name, id)
