/** Names of the server's resources and settings the modules share. */
package org.ems.contracts.platform;
