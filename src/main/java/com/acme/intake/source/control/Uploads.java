package com.acme.intake.source.control;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.acme.intake.database.boundary.SchemaMigration;
import com.acme.intake.security.AppUser;
import com.acme.intake.security.BusinessUnitAccess;
import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.Upload;
import com.acme.intake.source.entity.UploadColumn;
import com.acme.intake.source.entity.UploadView;
import com.acme.intake.kernel.Refusal;

/**
 * Files uploaded as sources: stored in the application database with the uploader's business
 * unit, which alone (besides the staff roles) may see them again. An upload lives as long as a
 * request needs it: one that no request names is deleted once older than
 * {@value #TTL_PROPERTY}, and the upload of a request that ended is deleted with that end.
 */
@ApplicationScoped
public class Uploads {

    /** Largest accepted upload in bytes; default {@value #DEFAULT_MAX_BYTES} (20 MiB). */
    public static final String MAX_BYTES_PROPERTY = "intake.uploads.max-bytes";
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_FILE_NAME_LENGTH = 255;
    /** How long an upload that no request names is kept (ISO-8601 duration); default {@code P1D}. */
    public static final String TTL_PROPERTY = "intake.uploads.ttl";
    public static final String DEFAULT_TTL = "P1D";

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    private final Clock clock = Clock.systemUTC();
    private UploadStore store;
    private long maxBytes;
    private Duration ttl;

    @PostConstruct
    void init() {
        store = new UploadStore(dataSource, clock);
        Config config = ConfigProvider.getConfig(Uploads.class.getClassLoader());
        maxBytes = config.getOptionalValue(MAX_BYTES_PROPERTY, Long.class).orElse(DEFAULT_MAX_BYTES);
        ttl = ttl(config.getOptionalValue(TTL_PROPERTY, String.class).orElse(DEFAULT_TTL));
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A positive ISO-8601 duration; anything else stops the startup with a message saying so. */
    static Duration ttl(String text) {
        try {
            Duration ttl = Duration.parse(text.strip());
            if (!ttl.isNegative() && !ttl.isZero()) {
                return ttl;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new IllegalStateException(TTL_PROPERTY + " (INTAKE_UPLOADS_TTL) must be a positive ISO-8601 duration"
                + " such as P1D or PT12H, not '" + text + "'");
    }

    /** Deletes the uploads that no request names and that are older than {@link #ttl()}; returns how many. */
    public int deleteUnused() {
        return store.deleteUnusedCreatedBefore(Instant.now(clock).minus(ttl));
    }

    /** Deletes an upload that no request needs any more, in the caller's transaction. */
    public void delete(String id) {
        store.delete(id);
    }

    /**
     * Stores a file for the caller's business unit and answers its columns. Refuses a bad file name
     * (400), a file over the limit ({@link SourceProblem.Kind#TOO_LARGE}) and a file that is no
     * readable CSV or XLSX ({@link SourceProblem.Kind#UNREADABLE_FILE}); nothing is kept then.
     */
    @Transactional
    public UploadView upload(String fileName, String contentType, InputStream body, AppUser uploader) {
        FileFormat format = fileFormat(fileName);
        if (uploader.businessUnit() == null) {
            throw Refusal.forbidden("only a requester of a business unit may upload a file");
        }
        UploadStore.Saved saved = store.save(fileName, format, contentType, uploader.name(), uploader.businessUnit(),
                body, maxBytes);
        return view(saved.upload(), saved.columns());
    }

    /** The upload's facts and columns, if the caller may see it; 404 otherwise (its existence is not revealed). */
    public UploadView view(String id, AppUser caller) {
        Upload upload = visible(id, caller);
        return view(upload, store.columns(upload));
    }

    /** The columns as found when the file was stored: the file is not read again. */
    public List<UploadColumn> columns(String id, AppUser caller) {
        return store.columns(visible(id, caller));
    }

    /** For checks at submission, such as that the upload belongs to the request's business unit. */
    public Optional<Upload> find(String id) {
        return id == null ? Optional.empty() : store.find(id);
    }

    FileRowSource rowSource(String id) {
        Upload upload = find(id).orElseThrow(() -> new SourceProblem(SourceProblem.Kind.UNKNOWN_SOURCE,
                "there is no upload with that id"));
        return store.rowSource(upload);
    }

    private Upload visible(String id, AppUser caller) {
        return find(id)
                .filter(u -> BusinessUnitAccess.sees(caller, u.businessUnit()))
                .orElseThrow(() -> Refusal.notFound("no such upload"));
    }

    private static UploadView view(Upload upload, List<UploadColumn> columns) {
        return new UploadView(upload.id(), upload.fileName(), upload.sizeBytes(), columns, upload.rowCount());
    }

    /** The format a file name announces; refuses names that could be paths or are not .csv/.xlsx. */
    static FileFormat fileFormat(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw Refusal.invalid("give the file name in the X-File-Name header or the fileName query parameter");
        }
        if (fileName.length() > MAX_FILE_NAME_LENGTH) {
            throw Refusal.invalid("the file name must be at most " + MAX_FILE_NAME_LENGTH + " characters");
        }
        if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0 || fileName.equals("..")
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid("the file name must be a plain name without path separators or control characters");
        }
        return FileFormat.of(fileName).orElseThrow(() -> Refusal.invalid("only .csv and .xlsx files are accepted"));
    }
}
