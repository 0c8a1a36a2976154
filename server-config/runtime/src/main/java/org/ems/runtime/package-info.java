/**
 * The runtime behind {@code ./ems}: embedded PostgreSQL and Artemis, schema migrations, and Payara Micro as a child
 * process. Integration tests start the same pieces, so tests and the default run share one configuration.
 */
package org.ems.runtime;
