/** Tariffs: what a kWh costs at a device's local time, the one rule of prices and costs for every module. */
package org.ems.contracts.tariff;
