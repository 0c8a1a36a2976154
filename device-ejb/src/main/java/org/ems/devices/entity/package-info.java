/** Entities of the devices component. */
package org.ems.devices.entity;
