package io.integrationhub.hl7.validation;

/**
 * Why a message failed: a kind and a human-readable text that names segments and fields but never
 * contains message content.
 *
 * @param kind the category
 * @param message the explanation, e.g. {@code The content of element '{urn:hl7-org:v2xml}ADT_A05'
 *     is not complete. Tag '{urn:hl7-org:v2xml}PV1' expected. (path: /ns0:ADT_A05)}
 */
public record ValidationFailure(FailureKind kind, String message) {}
