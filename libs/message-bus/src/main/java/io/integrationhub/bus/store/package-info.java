/**
 * The message-store client: the JSON record of a message (raw payload, XML or null, tracking
 * fields) that every hop which stores messages sends to the message-store queue, fire and forget.
 */
package io.integrationhub.bus.store;
