-- Upstream: BerriAI/litellm litellm-proxy-extras/litellm_proxy_extras/migrations/20251003190954_extra_headers_to_mcp_table (stored at 390e0f8d).
ALTER TABLE "LiteLLM_MCPServerTable" ADD COLUMN IF NOT EXISTS extra_headers TEXT[] DEFAULT ARRAY[]::TEXT[];
