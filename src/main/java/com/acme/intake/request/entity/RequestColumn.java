package com.acme.intake.request.entity;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PiiCategory;

/** One column of the requested dataset: its type, how personal it is, and how it is masked. */
@Embeddable
public class RequestColumn {

    @Column(name = "name", nullable = false, length = 63)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "column_type", nullable = false, length = 20)
    private ColumnType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "pii", nullable = false, length = 20)
    private PiiCategory pii;

    @Column(name = "description", length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "masking_method", nullable = false, length = 30)
    private MaskingMethod method;

    /** SHOW_LAST_N / SHOW_FIRST_N: how many characters stay visible. */
    @Column(name = "masking_n")
    private Integer n;

    /** GENERALIZE_DATE: YEAR or MONTH. */
    @Column(name = "masking_to", length = 10)
    private String to;

    /** GENERALIZE_NUMBER: bucket width. */
    @Column(name = "masking_width", precision = 38, scale = 10)
    private BigDecimal width;

    /** Why a PII column is kept unmasked (KEEP on PII requires it). */
    @Column(name = "masking_justification", length = 2000)
    private String justification;

    protected RequestColumn() {
    }

    public RequestColumn(String name, ColumnType type, PiiCategory pii, String description, MaskingMethod method,
                         Integer n, String to, BigDecimal width, String justification) {
        this.name = name;
        this.type = type;
        this.pii = pii;
        this.description = description;
        this.method = method;
        this.n = n;
        this.to = to;
        this.width = width;
        this.justification = justification;
    }

    /** The masking as the masking feature reads it. */
    public MaskingSpec maskingSpec() {
        return new IntakeRequestCommand.Masking(method.name(), n == null ? null : BigDecimal.valueOf(n), to, width,
                justification).spec(method);
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public PiiCategory pii() {
        return pii;
    }

    public String description() {
        return description;
    }

    public MaskingMethod method() {
        return method;
    }

    public Integer n() {
        return n;
    }

    public String to() {
        return to;
    }

    public BigDecimal width() {
        return width;
    }

    public String justification() {
        return justification;
    }
}
