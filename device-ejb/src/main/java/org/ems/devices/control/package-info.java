/** Device events: from CDI to the JMS topic, inside the changing transaction. */
package org.ems.devices.control;
