/**
 * EMS's tools outside the server: {@code ./ems simulate} (headless meters, {@link org.ems.simulator.Simulate}) here;
 * the meters themselves in {@code meter}, the desktop window in {@code window}, the benchmarks in {@code bench}, the
 * fault run in {@code faults}, and in {@code client} what they share to reach an EMS: its home, API, broker, processes,
 * and starting one from a built distribution.
 */
package org.ems.simulator;
