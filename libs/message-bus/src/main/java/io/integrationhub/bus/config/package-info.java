/**
 * Chooses and builds the {@link io.integrationhub.bus.MessageBus} from environment variables
 * ({@code MESSAGE_BUS}, {@code SERVICE_BUS_*}, {@code ARTEMIS_*}, ...), and the Spring Boot
 * auto-configuration that exposes it as a bean. See the module README.
 */
package io.integrationhub.bus.config;
