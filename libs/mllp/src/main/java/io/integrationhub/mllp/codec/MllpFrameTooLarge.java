package io.integrationhub.mllp.codec;

/**
 * Emitted by {@link MllpFrameDecoder} instead of a frame when a frame exceeds the size limit. The
 * decoder discards all later input, so the consumer is expected to close the connection.
 *
 * @param bytesRead bytes of the oversized frame received when it was rejected, start block included
 *     (at least {@code limit - 1}: the rejection happens as soon as the frame cannot fit)
 * @param limit the maximum frame size in bytes, start block, end block and carriage return included
 */
public record MllpFrameTooLarge(long bytesRead, int limit) {}
