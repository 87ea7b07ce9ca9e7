/** The inbound HL7 MLLP server: validate, publish durably to the bus, then acknowledge. */
package io.integrationhub.server;
