/** Infrastructure: JPA repositories of the devices module. */
package org.ems.devices.infrastructure.persistence;
