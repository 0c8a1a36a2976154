/** Application layer of the users component: the services (EJB facades) the interfaces call, and the CDI events they fire. */
package org.ems.users.application;
