/** What the modules share of the platform: names of the server's resources and settings, JSON, and JDBC ({@code Sql}). */
package org.ems.contracts.platform;
