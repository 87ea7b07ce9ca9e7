/**
 * The TCP liveness probe every service starts: a connect that succeeds means the process is alive.
 */
package io.integrationhub.health;
