/** Infrastructure: JPA repositories of the users module. */
package org.ems.users.infrastructure.persistence;
