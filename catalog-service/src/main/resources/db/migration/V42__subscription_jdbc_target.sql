-- JDBC targets of subscriptions: the consumer's table in the node's exchange database
-- (docs/federation.md).
ALTER TABLE subscription ADD COLUMN target_table VARCHAR(128);
