-- Engine-wide settings (local region, account id, ports) that survive a restart.
CREATE TABLE engine_setting (
    name  VARCHAR(200) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
