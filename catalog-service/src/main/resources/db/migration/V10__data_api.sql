-- Data APIs for developers: the gateway table behind a directory entry, per-key limits and the
-- usage counted per key, dataset and day. Numbered apart from the directory's migrations so that
-- other features can add theirs without renumbering.

CREATE TABLE dataset_table (
  entry_id BIGINT PRIMARY KEY REFERENCES entry (id),
  database_name VARCHAR(128) NOT NULL,
  table_name VARCHAR(128) NOT NULL,
  -- information item name -> column name, a JSON object in the order of the fields
  columns_json VARCHAR NOT NULL,
  updated_by VARCHAR(64) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- NULL: the node's defaults (govdata.data-api.*)
ALTER TABLE api_key ADD COLUMN requests_per_second INT;
ALTER TABLE api_key ADD COLUMN daily_requests BIGINT;
ALTER TABLE api_key ADD COLUMN daily_rows BIGINT;

CREATE TABLE api_usage (
  key_id BIGINT NOT NULL REFERENCES api_key (id),
  entry_id BIGINT NOT NULL REFERENCES entry (id),
  usage_day DATE NOT NULL,
  requests BIGINT NOT NULL,
  rows_returned BIGINT NOT NULL,
  refused BIGINT NOT NULL,
  CONSTRAINT api_usage_pk PRIMARY KEY (key_id, entry_id, usage_day)
);
