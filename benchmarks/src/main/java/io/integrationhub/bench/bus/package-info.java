/** The bus load tool: publish + receive + complete through the embedded Artemis broker. */
package io.integrationhub.bench.bus;
