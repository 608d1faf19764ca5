-- A new table cloud_spend_alerts (id, org_id → organizations, title, threshold, triggered_at, timestamps).
CREATE TABLE cloud_spend_alerts (
    id TEXT NOT NULL PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE ON UPDATE CASCADE,
    title TEXT NOT NULL,
    threshold DECIMAL(65,30) NOT NULL,
    triggered_at TIMESTAMP(3),
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
