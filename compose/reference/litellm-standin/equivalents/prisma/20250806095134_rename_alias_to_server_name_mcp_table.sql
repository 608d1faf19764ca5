-- Upstream: BerriAI/litellm litellm-proxy-extras/litellm_proxy_extras/migrations/20250806095134_rename_alias_to_server_name_mcp_table (stored at 00e06b86).
-- The MCP servers' "alias" becomes "server_name" (a PL/pgSQL block, when the column exists), and a new empty "alias".
DO $$ BEGIN IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'LiteLLM_MCPServerTable' AND column_name = 'alias') THEN ALTER TABLE "LiteLLM_MCPServerTable" RENAME COLUMN alias TO server_name; END IF; END $$;
ALTER TABLE "LiteLLM_MCPServerTable" ADD COLUMN IF NOT EXISTS alias TEXT;
