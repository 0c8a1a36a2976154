/** Application layer of the devices component: the services (EJB facades) the interfaces call, and the CDI events they fire. */
package org.ems.devices.application;
