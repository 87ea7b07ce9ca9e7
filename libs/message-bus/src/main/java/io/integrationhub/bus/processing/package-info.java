/**
 * The processing loop every consuming service runs: one long-lived receiver per source and session,
 * one message at a time by default, a handler that returns an explicit outcome (complete, retry
 * with backoff, dead-letter), periodic lock renewal while a handler works, and a graceful, bounded
 * shutdown. See the module README.
 */
package io.integrationhub.bus.processing;
