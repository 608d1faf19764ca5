-- Registers the background migration that backfills billing-cycle anchors (a row of background_migrations).
INSERT INTO background_migrations (id, name, script, args) VALUES ('0199b890-1093-7d1f-b662-be3c03527e93',
    '20250102_backfill_billing_cycle_anchors', 'backfillBillingCycleAnchors', '{}');
