/**
 * {@code ./ems bench ingest} and {@code ./ems bench portal}: benchmarks that drive a running EMS and print figures
 * (throughput against the ceilings of the same run, alert latency, page and API latency, CPU and memory).
 */
package org.ems.simulator.bench;
