-- The event source mappings' system logs (LoggingConfig): one row per event AWS's poller would send to CloudWatch,
-- filed under AWS's log stream name. level_rank orders WARN (0) < INFO (1) < DEBUG (2), so "this level and lower"
-- is one comparison; id is the followers' position.
CREATE TABLE esm_system_log (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    mapping_uuid VARCHAR(64)    NOT NULL,
    log_stream   VARCHAR(128)   NOT NULL,
    event_time   BIGINT         NOT NULL,
    level_rank   TINYINT        NOT NULL,
    event_type   VARCHAR(64)    NOT NULL,
    message      CLOB           NOT NULL
);
CREATE INDEX esm_system_log_by_mapping ON esm_system_log (mapping_uuid, id);
