/** Infrastructure of the web module: JMS consumers of topics that reach browsers (alerts), and the queue of readings posted over HTTP. */
package org.ems.web.infrastructure.messaging;
