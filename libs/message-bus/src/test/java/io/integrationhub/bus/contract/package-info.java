/**
 * The adapter-independent contract of the bus port: {@link
 * io.integrationhub.bus.contract.MessageBusContract} runs the same behaviour tests against any
 * {@link io.integrationhub.bus.MessageBus} (embedded Artemis here; the Service Bus emulator in the
 * Service Bus adapter's tests). Published in the module's test-jar.
 */
package io.integrationhub.bus.contract;
