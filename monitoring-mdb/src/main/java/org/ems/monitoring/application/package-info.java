/**
 * Application layer of the monitoring component: the services (EJB facades) the interfaces call, the CDI events they
 * fire, and the ports they need of the platform ({@code RefusedData}, {@code QueueDepths}).
 */
package org.ems.monitoring.application;
