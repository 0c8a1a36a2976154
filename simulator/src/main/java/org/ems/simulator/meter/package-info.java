/**
 * Smart meters as the simulator plays them: a load profile ({@code sensor.csv}) replayed as cumulative register
 * readings, with optional faults, sent to the EMS broker at the wall-clock pace with store-and-forward when the
 * broker is away ({@link org.ems.simulator.meter.Replay}), or as fast as a load test asks
 * ({@link org.ems.simulator.meter.LoadRun}).
 */
package org.ems.simulator.meter;
