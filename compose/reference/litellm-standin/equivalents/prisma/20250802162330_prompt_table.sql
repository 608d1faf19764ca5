-- Upstream: BerriAI/litellm litellm-proxy-extras/litellm_proxy_extras/migrations/20250802162330_prompt_table (stored at 8d7c735f).
-- A new table "LiteLLM_PromptTable" (id, prompt_id unique, litellm_params, prompt_info, timestamps).
CREATE TABLE IF NOT EXISTS "LiteLLM_PromptTable" (
    id TEXT NOT NULL PRIMARY KEY,
    prompt_id TEXT NOT NULL,
    litellm_params JSONB NOT NULL,
    prompt_info JSONB,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP(3) NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS "LiteLLM_PromptTable_prompt_id_key" ON "LiteLLM_PromptTable" (prompt_id);
