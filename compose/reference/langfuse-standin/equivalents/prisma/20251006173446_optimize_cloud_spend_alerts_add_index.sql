-- An index on cloud_spend_alerts (org_id); the real one is built CONCURRENTLY.
CREATE INDEX cloud_spend_alerts_org_id_idx ON cloud_spend_alerts (org_id);
