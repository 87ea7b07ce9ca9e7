/** The local launcher ({@code local/hub}): a whole flow on one machine, without Docker. */
package io.integrationhub.hub;
