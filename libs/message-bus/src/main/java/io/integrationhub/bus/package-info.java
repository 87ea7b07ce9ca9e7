/**
 * The message bus port: publish text messages with a session id, message id and application
 * properties; receive one session's messages in order with peek-lock and settle each one (complete,
 * abandon, dead-letter). Adapters: {@code artemis} (embedded or remote Apache ActiveMQ Artemis) and
 * {@code servicebus} (Azure Service Bus).
 */
package io.integrationhub.bus;
