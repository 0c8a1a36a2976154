package org.ems.users.infrastructure.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.users.domain.Mail;
import org.ems.users.domain.Mailer;

/**
 * Jakarta Mail (Payara's Angus Mail) to the SMTP server of {@code ems.mail.*}: plain text and HTML as one
 * multipart/alternative, UTF-8, the one-click unsubscribe headers of RFC 8058 on notifications, and a Message-ID
 * made of the outbox row's id (a mail sent twice, after a crash between sending and noting it, is recognisable).
 */
@ApplicationScoped
public class JakartaMailer implements Mailer {

    @Inject
    @ConfigProperty(name = "ems.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "ems.mail.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "ems.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "ems.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "ems.mail.from", defaultValue = "ems@localhost")
    String from;

    /** {@code none}, {@code starttls} (required) or {@code tls} (from the first byte). */
    @Inject
    @ConfigProperty(name = "ems.mail.tls", defaultValue = "starttls")
    String tls;

    private Session session;

    @PostConstruct
    void connect() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host.orElse("localhost"));
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.auth", Boolean.toString(username.isPresent()));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(tls.equals("starttls")));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(tls.equals("starttls")));
        properties.setProperty("mail.smtp.ssl.enable", Boolean.toString(tls.equals("tls")));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        // A server that does not answer must not hold the sender: it tries again later.
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "20000");
        properties.setProperty("mail.smtp.writetimeout", "20000");
        session = Session.getInstance(properties);
    }

    @Override
    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    @Override
    public void send(UUID id, Mail mail) throws Refused {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + id + "@ems>");
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(Date.from(Instant.now()));
            if (mail.unsubscribeUrl().isPresent()) {
                message.setHeader(
                        "List-Unsubscribe", "<" + mail.unsubscribeUrl().get() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(message, username.orElse(null), password.orElse(null));
        } catch (jakarta.mail.SendFailedException refused) {
            // 5xx: this mail will never be taken (no such mailbox, refused content); 4xx: later
            throw new Refused(reason(refused), returnCode(refused) >= 500, refused);
        } catch (jakarta.mail.internet.AddressException bad) {
            throw new Refused("not an address: " + bad.getMessage(), true, bad);
        } catch (MessagingException unreachable) {
            throw new Refused(reason(unreachable), false, unreachable);
        }
    }

    /**
     * The SMTP reply code of a refusal (Angus' exceptions carry it; they are Payara's implementation, not the API, so
     * it is read by name), or 0 when none is known.
     */
    private static int returnCode(MessagingException refused) {
        for (Exception e = refused; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            try {
                return (int) e.getClass().getMethod("getReturnCode").invoke(e);
            } catch (ReflectiveOperationException notAnSmtpReply) {
                // look at the next one
            }
        }
        return 0;
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause;
    }
}
