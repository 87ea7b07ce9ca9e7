/**
 * Test support shared with the services' tests through this module's test jar: a fault-injecting
 * MLLP peer and a raw socket client, both built on plain {@code java.net} sockets so that they do
 * not depend on the code they test, plus throw-away TLS key material.
 */
package io.integrationhub.mllp.testing;
