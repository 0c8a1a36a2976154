package org.ems.users.domain;

/** What a notification says, before it becomes a mail (with greeting and signature) or a part of a summary. */
public record Notice(String subject, String text) {}
