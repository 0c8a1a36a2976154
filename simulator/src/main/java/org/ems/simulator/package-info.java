/**
 * The smart meter simulator: replays a load profile ({@code sensor.csv}) as meters would, sending cumulative register
 * readings to the EMS broker at the wall-clock pace, with store-and-forward when the broker is away.
 */
package org.ems.simulator;
