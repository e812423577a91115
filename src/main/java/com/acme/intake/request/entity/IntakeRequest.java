package com.acme.intake.request.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;

/**
 * A business unit's request to bring a data source into the warehouse: what the data is, who owns
 * it, why it is needed, and every column with its PII category and masking. The approval process
 * moves its {@link RequestStatus}; the request row and the process state commit together.
 */
@Entity
@Table(name = "intake_request")
@SequenceGenerator(name = "intake_request_seq", sequenceName = "intake_request_seq", allocationSize = 1)
@NamedQuery(name = IntakeRequest.BY_PROCESS_INSTANCES,
        query = "SELECT r FROM IntakeRequest r WHERE r.processInstanceId IN :ids")
public class IntakeRequest {

    public static final String BY_PROCESS_INSTANCES = "IntakeRequest.byProcessInstances";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_request_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "business_unit", nullable = false, length = 63)
    private String businessUnit;

    @Column(nullable = false, length = 63)
    private String dataset;

    @Column(name = "owner_name", nullable = false, length = 100)
    private String owner;

    @Column(nullable = false, length = 2000)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Layer layer;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false, length = 10)
    private SourceKind sourceKind;

    @Column(name = "source_connection", length = 63)
    private String sourceConnection;

    @Column(name = "source_table", length = 200)
    private String sourceTable;

    @Column(name = "source_file_name", length = 255)
    private String sourceFileName;

    @Column(name = "source_upload_id", length = 64)
    private String sourceUploadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Refresh refresh;

    @Column(name = "retention_days", nullable = false)
    private int retentionDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RequestStatus status;

    @Column(nullable = false, length = 100)
    private String requester;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "intake_request_column", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "col_index")
    private List<RequestColumn> columns = new ArrayList<>();

    protected IntakeRequest() {
    }

    public IntakeRequest(String requester, Instant now) {
        this.requester = requester;
        this.status = RequestStatus.SUBMITTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces everything the requester describes (on submission and on revision). */
    public void describe(String title, String businessUnit, String dataset, String owner, String purpose, Layer layer,
                         SourceKind sourceKind, String sourceConnection, String sourceTable, String sourceFileName,
                         String sourceUploadId, Refresh refresh, int retentionDays, List<RequestColumn> columns, Instant now) {
        this.title = title;
        this.businessUnit = businessUnit;
        this.dataset = dataset;
        this.owner = owner;
        this.purpose = purpose;
        this.layer = layer;
        this.sourceKind = sourceKind;
        this.sourceConnection = sourceConnection;
        this.sourceTable = sourceTable;
        this.sourceFileName = sourceFileName;
        this.sourceUploadId = sourceUploadId;
        this.refresh = refresh;
        this.retentionDays = retentionDays;
        this.columns.clear();
        this.columns.addAll(columns);
        this.updatedAt = now;
    }

    public void moveTo(RequestStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    public void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The highest PII category over all columns (input of the routing decision). */
    public PiiCategory highestPii() {
        return columns.stream().map(RequestColumn::pii).max(Comparator.naturalOrder()).orElse(PiiCategory.NONE);
    }

    /** Whether some PII column is kept unmasked (input of the routing decision). */
    public boolean piiKeptUnmasked() {
        return columns.stream().anyMatch(c -> c.pii().isPii() && c.method() == MaskingMethod.KEEP);
    }

    /** {@code <business_unit>__<dataset>}: the catalog key and the staging table name. */
    public String datasetKey() {
        return businessUnit + "__" + dataset;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String businessUnit() {
        return businessUnit;
    }

    public String dataset() {
        return dataset;
    }

    public String owner() {
        return owner;
    }

    public String purpose() {
        return purpose;
    }

    public Layer layer() {
        return layer;
    }

    public SourceKind sourceKind() {
        return sourceKind;
    }

    public String sourceConnection() {
        return sourceConnection;
    }

    public String sourceTable() {
        return sourceTable;
    }

    public String sourceFileName() {
        return sourceFileName;
    }

    public String sourceUploadId() {
        return sourceUploadId;
    }

    public Refresh refresh() {
        return refresh;
    }

    public int retentionDays() {
        return retentionDays;
    }

    public RequestStatus status() {
        return status;
    }

    public String requester() {
        return requester;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<RequestColumn> columns() {
        return List.copyOf(columns);
    }
}
