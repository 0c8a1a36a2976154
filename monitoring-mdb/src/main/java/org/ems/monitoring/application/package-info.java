/** Application services of monitoring: applying readings and answering consumption queries. */
package org.ems.monitoring.application;
