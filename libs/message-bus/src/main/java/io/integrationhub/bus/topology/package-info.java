/**
 * The entities the hub needs (queues, topics, subscriptions and their settings), read from the
 * Azure Service Bus emulator's configuration format so one file describes local and emulator runs.
 */
package io.integrationhub.bus.topology;
