/** Infrastructure of the devices component: JMS publisher of device events. */
package org.ems.devices.infrastructure.messaging;
