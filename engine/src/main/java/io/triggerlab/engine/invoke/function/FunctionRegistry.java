package io.triggerlab.engine.invoke.function;

import io.triggerlab.engine.infra.store.RowQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The functions registered locally, persisted in H2 ({@code lambda_function}). Lookups accept every Lambda
 * FunctionName form (see {@link FunctionReference}); a reference naming another region or account finds nothing,
 * as in AWS. Qualifiers (versions, aliases) are not modelled locally: any qualifier resolves to the registered
 * function and only shows in the qualified {@code FunctionArn}.
 */
public final class FunctionRegistry {

    private static final String COLUMNS = "name, region, account_id, timeout_millis, target_kind, target_json";

    private final DataSource dataSource;
    private final FunctionTargetJson json = new FunctionTargetJson();

    public FunctionRegistry(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Registers a new function; a name already registered is refused. */
    public FunctionDefinition register(FunctionDefinition function) {
        if (findByName(function.name()).isPresent()) {
            throw new IllegalArgumentException("Function '" + function.name()
                    + "' is already registered: update it or remove it first");
        }
        execute("INSERT INTO lambda_function (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", function, null);
        return function;
    }

    /** Replaces a registered function's target, timeout, region and account. */
    public FunctionDefinition update(FunctionDefinition function) {
        int rows = execute("UPDATE lambda_function SET name = ?, region = ?, account_id = ?, timeout_millis = ?, "
                + "target_kind = ?, target_json = ? WHERE name = ?", function, function.name());
        if (rows == 0) {
            throw new IllegalArgumentException("Function '" + function.name() + "' is not registered: register it first");
        }
        return function;
    }

    /** Removes a function; returns false when none had that name. */
    public boolean remove(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM lambda_function WHERE name = ?")) {
            s.setString(1, name);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remove function '" + name + "': " + e.getMessage(), e);
        }
    }

    /** All registered functions, by name. */
    public List<FunctionDefinition> list() {
        return query("SELECT " + COLUMNS + " FROM lambda_function ORDER BY name", null);
    }

    public Optional<FunctionDefinition> findByName(String name) {
        return query("SELECT " + COLUMNS + " FROM lambda_function WHERE name = ?", name).stream().findFirst();
    }

    /** Finds a function by any FunctionName form (name, name:qualifier, ARN, partial ARN), ignoring the qualifier. */
    public Optional<FunctionDefinition> find(String functionName) {
        return resolve(functionName).map(ResolvedFunction::definition);
    }

    /** Resolves any FunctionName form; empty when it is malformed or names no registered function. */
    public Optional<ResolvedFunction> resolve(String functionName) {
        return FunctionReference.parse(functionName).flatMap(ref -> findByName(ref.name())
                .filter(f -> ref.region() == null || ref.region().equals(f.region()))
                .filter(f -> ref.accountId() == null || ref.accountId().equals(f.accountId()))
                .map(f -> new ResolvedFunction(f, ref.qualifier())));
    }

    private int execute(String sql, FunctionDefinition f, String whereName) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, f.name());
            s.setString(2, f.region());
            s.setString(3, f.accountId());
            s.setLong(4, f.timeout().toMillis());
            s.setString(5, f.target().kind());
            s.setString(6, json.write(f.target()));
            if (whereName != null) {
                s.setString(7, whereName);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store function '" + f.name() + "': " + e.getMessage(), e);
        }
    }

    private List<FunctionDefinition> query(String sql, String name) {
        return RowQuery.list(dataSource, sql, name, "functions", rs -> new FunctionDefinition(rs.getString("name"),
                json.read(rs.getString("target_kind"), rs.getString("target_json")),
                Duration.ofMillis(rs.getLong("timeout_millis")), rs.getString("region"), rs.getString("account_id")));
    }
}
