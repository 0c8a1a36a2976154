/** Entry points of the devices component: the catalogue and its rules. */
package org.ems.devices.boundary;
