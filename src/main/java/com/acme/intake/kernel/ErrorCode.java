package com.acme.intake.kernel;

/**
 * The stable code of every error answer ({@code "code"} beside the English {@code "error"}), so that
 * clients and the UI tell refusals apart and translate them without reading the text. The one home of
 * the codes: docs/api.md lists them, and the UI's bundles hold a text per code ({@code error.code.*}).
 * The generic codes (one per status) answer when no more precise one applies; which status each
 * generic code answers is the web layer's business ({@code web.Errors}).
 */
public enum ErrorCode {

    // Generic, one per status.
    BAD_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    TOO_MANY_REQUESTS,
    BAD_GATEWAY,
    INTERNAL_ERROR,
    HTTP_ERROR,

    // Request bodies and parameters.
    INVALID_JSON,
    BODY_TOO_LARGE,
    VALIDATION_FAILED,
    INVALID_PARAMETER,
    ROLE_NOT_ALLOWED,
    UI_HEADER_MISSING,

    // Requests.
    REQUEST_NOT_FOUND,
    NOT_YOUR_REQUEST,
    NOT_YOUR_BUSINESS_UNIT,
    REQUEST_NOT_REVISABLE,
    REQUEST_NOT_WITHDRAWABLE,
    REQUEST_NOT_WAITING_FOR_CHANGES,

    // Tasks and the four-eyes rule.
    TASK_NOT_FOUND,
    TASK_ALREADY_CLAIMED,
    TASK_CLAIMED_BY_OTHER,
    TASK_ALREADY_COMPLETED,
    TASK_NOT_DECIDED_HERE,
    OUTCOME_INVALID,
    COMMENT_REQUIRED,
    COMMENT_TOO_LONG,
    FOUR_EYES_OWN_REQUEST,
    FOUR_EYES_SAME_PERSON,
    FOUR_EYES_UNKNOWN_REVIEWER,

    // Sources and uploads.
    SOURCE_UNKNOWN,
    SOURCE_TABLE_MISSING,
    SOURCE_COLUMN_MISSING,
    SOURCE_TYPE_CHANGED,
    SOURCE_UNREACHABLE,
    FILE_UNREADABLE,
    FILE_TOO_LARGE,

    // Catalog and forms.
    CATALOG_ENTRY_NOT_FOUND,
    CATALOG_REVISION_NOT_FOUND,
    CATALOG_EDIT_FORBIDDEN,
    FORM_NOT_FOUND
}
