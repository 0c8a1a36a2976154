/** Domain layer of monitoring: what hourly consumption means, in plain Java with no container types. */
package org.ems.monitoring.domain;
