/**
 * Integration Hub events (observability spec E1-E4): one immutable {@link
 * io.integrationhub.events.Event} per call to {@link io.integrationhub.events.EventLogger#log},
 * with the payload redacted by {@link io.integrationhub.events.Hl7Redactor}, written as one JSON
 * log line and, when Application Insights is configured, exported to Azure Monitor. Recording an
 * event never throws.
 */
package io.integrationhub.events;
