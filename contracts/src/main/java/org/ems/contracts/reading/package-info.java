/** Meter readings as they travel on the {@code ems.readings} queue: the record and its JSON forms. */
package org.ems.contracts.reading;
