/** JMH micro-benchmarks and the MLLP load tool. */
package io.integrationhub.bench;
