package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.chat.ChatPosted;
import org.ems.users.domain.Mail;
import org.ems.users.domain.Notice;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;

/**
 * The mails EMS writes: in the recipient's language (Romanian if they chose it, else English), as plain text and the
 * same as HTML, with links under EMS's public URL ({@code ems.public-url}; without one the address the launcher gave
 * the first instance).
 */
@ApplicationScoped
public class MailTemplates {

    /** How much of a chat message a mail quotes. */
    private static final int CHAT_QUOTE = 500;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    @Inject
    @ConfigProperty(name = "ems.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "ems.instance-url", defaultValue = "http://localhost:8080/")
    String instanceUrl;

    /** The link to a page of EMS ({@code path} from the root, with its query). */
    public String link(String path) {
        return publicUrl.orElse(instanceUrl).replaceAll("/+$", "") + path;
    }

    Mail passwordReset(User user, String token) {
        return mail(user, user.email().orElseThrow(), "reset", new Object[0], new Object[] {
            user.username(), link("/password-reset.xhtml?code=" + token)
        });
    }

    Mail invitation(User user, String token) {
        return mail(user, user.email().orElseThrow(), "invite", new Object[0], new Object[] {
            user.username(), link("/password-reset.xhtml?code=" + token)
        });
    }

    Mail confirmEmail(User user, String email, String token) {
        return mail(user, email, "confirm", new Object[0], new Object[] {
            user.username(), link("/confirm-email.xhtml?code=" + token)
        });
    }

    /**
     * An alert of {@code deviceName} to {@code user}, by kind: its period in the user's zone, its numbers, a link to
     * their alerts; one that ended (withdrawn, or a silent meter reporting again) says so.
     */
    Notice alert(User user, AlertMessage alert, String deviceName) {
        Locale locale = locale(user);
        ZoneId zone = ZoneId.of(user.timeZone());
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale);
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm", locale);
        String link = link("/portal/alerts.xhtml"); // the one alerts page, an administrator's of every device
        NumberFormat kwh = NumberFormat.getNumberInstance(locale);
        kwh.setMaximumFractionDigits(3);
        AlertFacts facts = alert.facts();
        if (facts instanceof AlertFacts.Silent silent) {
            String since = silent.lastReadingAt().atZone(zone).format(minute);
            return silent.resolvedAt() == null
                    ? notice(user, "silent", new Object[] {deviceName, since}, new Object[] {
                        deviceName, since, zone.getId(), link
                    })
                    : notice(user, "reporting", new Object[] {deviceName}, new Object[] {
                        deviceName, since, silent.resolvedAt().atZone(zone).format(minute), zone.getId(), link
                    });
        }
        if (facts instanceof AlertFacts.Budget budget) {
            String month = budget.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " "
                    + budget.month().getYear();
            String unit = budget.budget().inMoney() ? " " + budget.currency() : " kWh";
            Object[] words = {
                deviceName,
                kwh.format(budget.projected()) + unit,
                month,
                kwh.format(budget.budget().value()) + unit,
                link
            };
            return notice(user, "budget." + budget.stage().json(), words, words);
        }
        ZonedDateTime start = (facts instanceof AlertFacts.Projected projected
                        ? projected.hourStart()
                        : ((AlertFacts.OverLimit) facts).hourStart())
                .atZoneSameInstant(zone);
        String from = start.format(minute);
        if (!alert.standing()) {
            String kind = facts instanceof AlertFacts.Projected ? "withdrawn.projected" : "withdrawn";
            return notice(user, kind, new Object[] {deviceName, from}, new Object[] {deviceName, from, link});
        }
        String to = start.plusHours(1).format(clock);
        if (facts instanceof AlertFacts.Projected projected) {
            String total = kwh.format(projected.projectedKwh());
            String limit = kwh.format(projected.limitKwh());
            return notice(user, "projected", new Object[] {deviceName, total, from, limit}, new Object[] {
                deviceName,
                total,
                from,
                to,
                zone.getId(),
                limit,
                projected.expectedAt().atZone(zone).format(clock),
                link
            });
        }
        AlertFacts.OverLimit over = (AlertFacts.OverLimit) facts;
        return notice(
                user,
                "alert",
                new Object[] {deviceName, kwh.format(over.kwh()), from, kwh.format(over.limitKwh())},
                new Object[] {
                    deviceName, kwh.format(over.kwh()), from, to, zone.getId(), kwh.format(over.limitKwh()), link
                });
    }

    /** A chat message from {@code sender} to {@code user}, who was away: its time in the user's zone, its text, a link. */
    Notice chat(User user, ChatPosted message) {
        String at = message.sentAt()
                .atZone(ZoneId.of(user.timeZone()))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale(user)));
        String text =
                message.text().length() > CHAT_QUOTE ? message.text().substring(0, CHAT_QUOTE) + "…" : message.text();
        String link = link(
                user.role() == Role.ADMIN
                        ? "/console/chat.xhtml?conversation=" + message.conversationId()
                        : "/portal/chat.xhtml");
        return notice(
                user, "chat", new Object[] {message.senderName()}, new Object[] {message.senderName(), at, text, link});
    }

    /** Notices that waited (quiet hours, the daily digest), in one. */
    Notice summary(User user, List<Notice> notices) {
        StringBuilder text = new StringBuilder(format(words(user), "summary.text", notices.size()));
        notices.forEach(notice ->
                text.append("\n\n■ ").append(notice.subject()).append("\n").append(notice.text()));
        return new Notice(format(words(user), "summary.subject", notices.size()), text.toString());
    }

    /** A mail of {@code key}'s subject and text, to {@code recipient} in {@code user}'s language. */
    Mail mail(User user, String recipient, String key, Object[] subject, Object[] text) {
        return letter(user, recipient, notice(user, key, subject, text));
    }

    /** What {@code key}'s subject and text say, in {@code user}'s language. */
    private Notice notice(User user, String key, Object[] subject, Object[] text) {
        ResourceBundle words = words(user);
        return new Notice(format(words, key + ".subject", subject), format(words, key + ".text", text));
    }

    /** A notice as a mail: greeting, text, signature. */
    Mail letter(User user, String recipient, Notice notice) {
        ResourceBundle words = words(user);
        String body =
                format(words, "greeting", user.name()) + "\n\n" + notice.text() + "\n\n" + words.getString("signature");
        return new Mail(recipient, notice.subject(), body, html(body, user), Optional.empty());
    }

    /**
     * The same mail as a notification one can stop: the page that does it linked in its text, and in its headers the
     * address a mail program posts to for one click (RFC 8058).
     */
    Mail unsubscribable(User user, Mail mail, String page, String oneClick) {
        String body = mail.text() + "\n\n-- \n" + format(words(user), "unsubscribe", page);
        return new Mail(mail.recipient(), mail.subject(), body, html(body, user), Optional.of(oneClick));
    }

    private static Locale locale(User user) {
        return Locale.forLanguageTag(user.language().orElse("en"));
    }

    private static ResourceBundle words(User user) {
        return ResourceBundle.getBundle(
                "org.ems.users.mail",
                locale(user),
                MailTemplates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String format(ResourceBundle words, String key, Object... arguments) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(arguments);
    }

    /** The text as HTML: escaped, its links made links, its lines kept. */
    static String html(String text, User user) {
        String escaped = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        Matcher links = LINK.matcher(escaped);
        StringBuilder body = new StringBuilder();
        while (links.find()) {
            links.appendReplacement(
                    body, Matcher.quoteReplacement("<a href=\"" + links.group() + "\">" + links.group() + "</a>"));
        }
        links.appendTail(body);
        return "<!DOCTYPE html><html lang=\"" + user.language().orElse("en") + "\"><head><meta charset=\"utf-8\">"
                + "</head><body style=\"font-family:sans-serif;line-height:1.5\"><p>"
                + body.toString().replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
    }
}
