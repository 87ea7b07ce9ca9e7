/**
 * HL7 TS/DTM date-times: formatting for message headers and acknowledgements, and strict parsing of
 * any precision with an optional UTC offset.
 */
package io.integrationhub.hl7.datetime;
