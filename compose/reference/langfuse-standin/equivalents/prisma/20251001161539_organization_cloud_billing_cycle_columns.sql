-- organizations gains four billing-cycle columns; the anchor is backfilled with created_at for organizations
-- without a cloud subscription (every organization of a self-hosted platform).
ALTER TABLE organizations ADD COLUMN cloud_billing_cycle_anchor TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN cloud_billing_cycle_updated_at TIMESTAMP(3), ADD COLUMN cloud_current_cycle_usage INTEGER,
    ADD COLUMN cloud_free_tier_usage_threshold_state TEXT;
UPDATE organizations SET cloud_billing_cycle_anchor = created_at;
