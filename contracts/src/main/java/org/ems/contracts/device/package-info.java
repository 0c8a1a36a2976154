/** Device events on the {@code ems.device-events} topic and the device data they carry (see contracts/README.md). */
package org.ems.contracts.device;
