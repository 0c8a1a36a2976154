/** Entry points of the users component. */
package org.ems.users.boundary;
