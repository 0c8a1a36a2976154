package org.ems.simulator.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ems.simulator.client.EmsClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./ems bench mail}: how many mails a minute the sender hands to an SMTP server that takes every mail. The
 * mails are queued straight into the outbox (as a burst of notifications would queue them), then it times until
 * {@code ems_mails_sent_total} counts them all.
 */
@Command(
        name = "ems bench mail",
        mixinStandardHelpOptions = true,
        description = "Benchmark of the mail sender: mails a minute handed to an SMTP server.")
public final class MailBench implements Callable<Integer> {

    @Mixin
    BenchTarget target;

    @Option(
            names = "--smtp",
            required = true,
            description = "host:port of an SMTP server that takes every mail, without TLS or sign-in")
    String smtp;

    @Option(names = "--mails", defaultValue = "1000", description = "mails to send (default: ${DEFAULT-VALUE})")
    int mails;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MailBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String[] server = smtp.split(":", 2);
        target.settings.putAll(Map.of(
                "EMS_MAIL_HOST",
                server[0],
                "EMS_MAIL_PORT",
                server[1],
                "EMS_MAIL_TLS",
                "none",
                "EMS_MAIL_FROM",
                "bench@example.com"));
        try (BenchTarget started = target) {
            started.start();
            EmsClient ems = new EmsClient(started.ems);
            long start = System.nanoTime();
            try (Connection db = started.database();
                    PreparedStatement queue = db.prepareStatement(
                            "insert into users.mail_outbox (id, cause, recipient, subject, text_body, html_body,"
                                    + " next_attempt_at, created_at) select gen_random_uuid(), 'bench:' || g,"
                                    + " 'reader' || g || '@example.com', 'Bench mail ' || g, 'A mail of the benchmark.',"
                                    + " '<p>A mail of the benchmark.</p>', now(), now() from generate_series(1, ?) g")) {
                queue.setInt(1, mails);
                queue.executeUpdate();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (ems.counter("ems_mails_sent_total") < mails && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long sent = ems.counter("ems_mails_sent_total");
            System.out.printf(
                    "%,d of %,d mails handed to %s in %.1f s: %,.0f mails a minute (one instance, one SMTP connection a"
                            + " mail)%n",
                    sent, mails, smtp, seconds, sent / seconds * 60);
            return sent == mails ? 0 : 1;
        }
    }
}
