/** What the modules share of the platform: names of the server's resources and settings, JSON, JDBC ({@code Sql}) and
 * network addresses ({@code Cidr}, which the launcher checks settings with too). */
package org.ems.contracts.platform;
