-- Langfuse v3's metadata tables in Postgres, as its Prisma schema (packages/shared/prisma) creates them.
CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT,
    email TEXT,
    email_verified TIMESTAMP(3),
    password TEXT,
    image TEXT,
    admin BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    feature_flags TEXT[] DEFAULT ARRAY[]::TEXT[]
);
CREATE UNIQUE INDEX users_email_key ON users(email);
CREATE TABLE organizations (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    cloud_config JSONB,
    metadata JSONB
);
CREATE TABLE projects (
    id TEXT NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    name TEXT NOT NULL,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE ON UPDATE CASCADE,
    deleted_at TIMESTAMP(3),
    retention_days INTEGER,
    metadata JSONB
);
CREATE INDEX projects_org_id_idx ON projects(org_id);
CREATE TABLE api_keys (
    id TEXT NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note TEXT,
    public_key TEXT NOT NULL,
    hashed_secret_key TEXT NOT NULL,
    fast_hashed_secret_key TEXT,
    display_secret_key TEXT NOT NULL,
    last_used_at TIMESTAMP(3),
    expires_at TIMESTAMP(3),
    project_id TEXT REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE,
    organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE ON UPDATE CASCADE,
    scope TEXT NOT NULL DEFAULT 'PROJECT'
);
CREATE UNIQUE INDEX api_keys_public_key_key ON api_keys(public_key);
CREATE UNIQUE INDEX api_keys_hashed_secret_key_key ON api_keys(hashed_secret_key);
CREATE UNIQUE INDEX api_keys_fast_hashed_secret_key_key ON api_keys(fast_hashed_secret_key);
CREATE TABLE prompts (
    id TEXT NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE,
    created_by TEXT NOT NULL,
    prompt JSONB NOT NULL,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    type TEXT NOT NULL DEFAULT 'text',
    is_active BOOLEAN,
    config JSON NOT NULL DEFAULT '{}',
    tags TEXT[] DEFAULT ARRAY[]::TEXT[],
    labels TEXT[] DEFAULT ARRAY[]::TEXT[],
    commit_message TEXT
);
CREATE UNIQUE INDEX prompts_project_id_name_version_key ON prompts(project_id, name, version);
-- Three more of Langfuse 3.112.0's tables (schema.prisma: JobExecution, LlmApiKeys, BackgroundMigration), left
-- empty: migrations of later releases change them, so a candidate's migrations find what they would find in
-- production (the post-migration drill). The foreign key to job_configurations is left out with that table.
CREATE TYPE "JobExecutionStatus" AS ENUM ('COMPLETED', 'ERROR', 'PENDING', 'CANCELLED');
CREATE TABLE job_executions (
    id TEXT NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE,
    job_configuration_id TEXT NOT NULL,
    job_template_id TEXT,
    status "JobExecutionStatus" NOT NULL,
    start_time TIMESTAMP(3),
    end_time TIMESTAMP(3),
    error TEXT,
    job_input_trace_id TEXT,
    job_input_trace_timestamp TIMESTAMP(3),
    job_input_observation_id TEXT,
    job_input_dataset_item_id TEXT,
    job_output_score_id TEXT
);
CREATE INDEX job_executions_project_id_status_idx ON job_executions(project_id, status);
CREATE TABLE llm_api_keys (
    id TEXT NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    provider TEXT NOT NULL,
    adapter TEXT NOT NULL,
    display_secret_key TEXT NOT NULL,
    secret_key TEXT NOT NULL,
    base_url TEXT,
    custom_models TEXT[] DEFAULT ARRAY[]::TEXT[],
    with_default_models BOOLEAN NOT NULL DEFAULT true,
    extra_headers TEXT,
    extra_header_keys TEXT[] DEFAULT ARRAY[]::TEXT[],
    config JSONB,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX llm_api_keys_project_id_provider_key ON llm_api_keys(project_id, provider);
CREATE TABLE background_migrations (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    script TEXT NOT NULL,
    args JSONB NOT NULL,
    state JSONB NOT NULL DEFAULT '{}',
    finished_at TIMESTAMP(3),
    failed_at TIMESTAMP(3),
    failed_reason TEXT,
    worker_id TEXT,
    locked_at TIMESTAMP(3)
);
CREATE UNIQUE INDEX background_migrations_name_key ON background_migrations(name);
CREATE TABLE _prisma_migrations (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    checksum VARCHAR(64) NOT NULL,
    finished_at TIMESTAMPTZ,
    migration_name VARCHAR(255) NOT NULL,
    logs TEXT,
    rolled_back_at TIMESTAMPTZ,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count INTEGER NOT NULL DEFAULT 0
);
