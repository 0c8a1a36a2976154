/** {@code ./ems simulator}: the meters of the {@code meter} package in a desktop window (Swing, FlatLaf). */
package org.ems.simulator.window;
