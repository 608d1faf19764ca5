-- organizations gains ai_features_enabled (boolean, not null, default false).
ALTER TABLE organizations ADD COLUMN ai_features_enabled BOOLEAN NOT NULL DEFAULT false;
