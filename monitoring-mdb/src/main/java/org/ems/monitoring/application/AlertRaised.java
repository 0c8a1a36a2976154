package org.ems.monitoring.application;

/** CDI event, fired inside the transaction that stored the alert: observers publish it with that transaction. */
public record AlertRaised(Alert alert) {}
