package io.integrationhub.transform;

/**
 * A successful transformation.
 *
 * @param message the outbound ER7 (CR-separated, no trailing CR)
 * @param processedAuditText the MESSAGE_PROCESSED {@code validation_result}
 */
public record Transformed(String message, String processedAuditText) {}
