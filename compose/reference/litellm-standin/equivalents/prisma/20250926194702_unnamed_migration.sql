-- Upstream: BerriAI/litellm litellm-proxy-extras/litellm_proxy_extras/migrations/20250926194702_unnamed_migration (stored at 56b8c165).
-- Key rotation: five new columns of the gateway keys' table.
ALTER TABLE "LiteLLM_VerificationToken" ADD COLUMN auto_rotate BOOLEAN DEFAULT false, ADD COLUMN key_rotation_at TIMESTAMP(3), ADD COLUMN last_rotation_at TIMESTAMP(3), ADD COLUMN rotation_count INTEGER DEFAULT 0, ADD COLUMN rotation_interval TEXT;
