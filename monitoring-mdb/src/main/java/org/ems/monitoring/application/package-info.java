/** Application layer of the monitoring component: the services (EJB facades) the interfaces call, and the CDI events they fire. */
package org.ems.monitoring.application;
