-- WORKAROUND, delete once the engine is fixed. The engine's V1 migration names a column "value", a reserved word
-- in H2 2.x, so Engine.start fails on every fresh data directory ("expected identifier"). The console may not edit
-- engine code, so it ships this Flyway SQL callback (Flyway finds callbacks in the migration locations on the
-- classpath) to let H2 accept the name. The real fix belongs in the engine: rename the column or quote it.
SET NON_KEYWORDS VALUE;
