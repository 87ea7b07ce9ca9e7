/**
 * MLLP (Minimal Lower Layer Protocol) server and client for HL7 v2 messages.
 *
 * <p>{@link io.integrationhub.mllp.MllpServer} accepts persistent connections and hands each frame
 * to an asynchronous {@link io.integrationhub.mllp.MllpMessageHandler}; {@link
 * io.integrationhub.mllp.MllpClient} sends one message at a time and waits for one full reply
 * frame. Both share the framing codec in {@code io.integrationhub.mllp.codec}.
 */
package io.integrationhub.mllp;
