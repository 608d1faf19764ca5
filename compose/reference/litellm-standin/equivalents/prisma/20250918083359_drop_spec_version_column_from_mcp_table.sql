-- Upstream: BerriAI/litellm litellm-proxy-extras/litellm_proxy_extras/migrations/20250918083359_drop_spec_version_column_from_mcp_table (stored at 22ada4ef).
-- Drops the column spec_version of the MCP servers table: its data is lost (Prisma's own warning says so).
ALTER TABLE "LiteLLM_MCPServerTable" DROP COLUMN spec_version;
