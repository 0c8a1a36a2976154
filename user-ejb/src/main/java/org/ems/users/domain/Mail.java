package org.ems.users.domain;

import java.util.Optional;

/**
 * A mail to one person, as the outbox keeps it and the mailer sends it: plain text and HTML alike, and where a
 * notification's recipient unsubscribes with one click (RFC 8058), if it is one.
 */
public record Mail(String recipient, String subject, String text, String html, Optional<String> unsubscribeUrl) {}
