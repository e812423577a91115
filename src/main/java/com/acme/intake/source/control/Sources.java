package com.acme.intake.source.control;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.acme.intake.database.control.DatabaseSettings;
import com.acme.intake.database.control.Installation;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.SourceSummary;
import com.acme.intake.source.entity.TableColumn;
import com.acme.intake.source.entity.TableName;
import com.acme.intake.source.entity.Upload;

/**
 * Where rows come from, for the request form and the loader: registered JDBC sources (see
 * {@link SourceRegistry} for the configuration) and uploaded files. Connection details never leave
 * this package; callers name a source and get a {@link RowSource}.
 */
@ApplicationScoped
public class Sources {

    public static final String KIND_JDBC = "JDBC";

    @Inject
    Uploads uploads;

    private SourceRegistry registry;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig(Sources.class.getClassLoader());
        Optional<RegisteredSource> demo = Installation.current().embeddedDefault()
                ? Optional.of(DemoSource.registered(DatabaseSettings.dataDir()))
                : Optional.empty();
        registry = SourceRegistry.from(key -> config.getOptionalValue(key, String.class), demo);
    }

    /** The registered JDBC sources by name; no URLs, no users. */
    public List<SourceSummary> registered() {
        return registry.all().stream().map(s -> new SourceSummary(s.name(), KIND_JDBC)).toList();
    }

    /**
     * The columns of a table of a registered source, with the database's own type names, if the
     * reader may see its schema: staff any schema, a requester only those open to their business
     * unit ({@code intake.sources.<name>.schemas}); the database's own catalogs nobody.
     *
     * @throws IllegalArgumentException when {@code table} is no valid {@code table} or {@code schema.table}
     * @throws SourceProblem UNKNOWN_SOURCE, MISSING_TABLE (also for a schema not open to the reader), UNREACHABLE
     */
    public List<TableColumn> tableColumns(String connection, String table, boolean staff, String businessUnit) {
        RegisteredSource source = source(connection);
        SchemaAllowance schemas = registry.schemas(source.name());
        return new JdbcRowSource(source, TableName.parse(table),
                schema -> schemas.allows(staff, businessUnit, schema)).describe();
    }

    /**
     * Whether a requester of this business unit may name this table of a registered source in a
     * request: its schema, or {@value SchemaAllowance#DEFAULT} for a table named without one, must be
     * open to the business unit. False for an unknown source or an invalid name.
     */
    public boolean openTo(String businessUnit, String connection, String table) {
        if (registry.find(connection).isEmpty() || TableName.problem(table).isPresent()) {
            return false;
        }
        TableName name = TableName.parse(table);
        return registry.schemas(connection).allows(false, businessUnit,
                name.schema() == null ? SchemaAllowance.DEFAULT : name.schema());
    }

    /**
     * A table of a registered source. Nothing is connected yet; {@link RowSource#columns()} and
     * {@link RowSource#open} connect and may throw UNREACHABLE, MISSING_TABLE, MISSING_COLUMN or
     * TYPE_CHANGED.
     *
     * @throws SourceProblem UNKNOWN_SOURCE for a name that is not registered, MISSING_TABLE for a
     *         table name that is not {@code table} or {@code schema.table} of valid parts
     */
    public RowSource forJdbc(String connection, String table) {
        RegisteredSource source = source(connection);
        Optional<String> problem = TableName.problem(table);
        if (problem.isPresent()) {
            throw new SourceProblem(SourceProblem.Kind.MISSING_TABLE,
                    "source " + source.name() + ": the table name is not valid: " + problem.get());
        }
        return new JdbcRowSource(source, TableName.parse(table));
    }

    /**
     * An uploaded file. Reading it may throw UNREADABLE_FILE, MISSING_COLUMN or TYPE_CHANGED.
     *
     * @throws SourceProblem UNKNOWN_SOURCE when there is no such upload
     */
    public RowSource forUpload(String uploadId) {
        return uploads.rowSource(uploadId);
    }

    /** An upload's facts (file name, business unit, uploader…), for checks when a request is submitted. */
    public Optional<Upload> upload(String uploadId) {
        return uploads.find(uploadId);
    }

    /** Deletes an upload that no request needs any more (its request ended), in the caller's transaction. */
    public void discardUpload(String uploadId) {
        if (uploadId != null) {
            uploads.delete(uploadId);
        }
    }

    /**
     * DEMO ONLY: creates and fills the demo source's {@code customers} table if the embedded default
     * registered it. Returns the number of rows added (0 when it was already there or there is none).
     */
    public int prepareDemo() {
        return registry.find(DemoSource.NAME).filter(RegisteredSource::demo).map(DemoSource::ensureFilled).orElse(0);
    }

    private RegisteredSource source(String name) {
        return registry.find(name).orElseThrow(() -> new SourceProblem(SourceProblem.Kind.UNKNOWN_SOURCE,
                name != null && SourceRegistry.NAME.matcher(name).matches()
                        ? "there is no registered source " + name
                        : "there is no registered source of that name"));
    }
}
