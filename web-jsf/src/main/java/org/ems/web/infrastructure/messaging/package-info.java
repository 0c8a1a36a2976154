/** Infrastructure of the web module: JMS consumers of topics that reach browsers (alerts). */
package org.ems.web.infrastructure.messaging;
