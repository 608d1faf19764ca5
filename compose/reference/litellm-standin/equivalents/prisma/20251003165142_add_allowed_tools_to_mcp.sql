-- Upstream: BerriAI/litellm litellm-proxy-extras/litellm_proxy_extras/migrations/20251003165142_add_allowed_tools_to_mcp (stored at 64ecc9ba).
ALTER TABLE "LiteLLM_MCPServerTable" ADD COLUMN allowed_tools TEXT[] DEFAULT ARRAY[]::TEXT[];
