/**
 * The Apache ActiveMQ Artemis adapter of the bus port: an embedded persistent broker for local runs
 * and tests, or a remote broker, over the Artemis core client. Service Bus sessions are message
 * groups with a filtered, exclusive consumer; peek-lock is a transacted session; dead-letter queues
 * are {@code DLQ.<entity>}. See {@code README-artemis.md} beside the module's pom.
 */
package io.integrationhub.bus.artemis;
