/** Infrastructure of the web module: MicroProfile Health checks (ready = database and broker answer). */
package org.ems.web.infrastructure.health;
