-- Engine-wide settings (local region, account id, ports) that survive a restart.
-- The column is setting_value, not value: VALUE is a reserved word in H2 2.x and the statement fails with it.
CREATE TABLE engine_setting (
    name          VARCHAR(200) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
