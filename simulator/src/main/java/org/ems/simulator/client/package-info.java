/**
 * What the tools share to reach an EMS: its home and generated secrets ({@link org.ems.simulator.client.EmsHome}),
 * its REST API ({@link org.ems.simulator.client.EmsClient}), its broker's management queries, its processes, and
 * starting one from a built distribution ({@link org.ems.simulator.client.LaunchedEms}): the harness of the system
 * tests, the benchmarks and the fault run.
 */
package org.ems.simulator.client;
