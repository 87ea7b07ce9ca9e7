/**
 * The Azure Service Bus adapter of the bus port: publishers on {@code ServiceBusSenderAsyncClient},
 * session and non-session receivers in peek-lock mode with prefetch 0 on the synchronous receiver
 * clients, explicit settlement, one delivery-count rule ({@link
 * io.integrationhub.bus.servicebus.DeliveryCount}) and the topology check through the
 * administration client. All SDK clients come from one {@code ServiceBusClientBuilder}, so they
 * share one AMQP connection; {@link io.integrationhub.bus.servicebus.ServiceBusClientFactory} lets
 * tests replace them.
 */
package io.integrationhub.bus.servicebus;
