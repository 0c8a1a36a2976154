/** Infrastructure: password hashing and the tokens of the users module. */
package org.ems.users.infrastructure.security;
