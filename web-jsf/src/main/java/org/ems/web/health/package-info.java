/** MicroProfile Health checks: ready means database and broker answer. */
package org.ems.web.health;
