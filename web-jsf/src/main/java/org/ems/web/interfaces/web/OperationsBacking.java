package org.ems.web.interfaces.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.ems.contracts.messaging.Destinations;
import org.ems.monitoring.application.QueueDepths;
import org.ems.users.application.MailStatus;
import org.ems.users.domain.MailOutbox;
import org.ems.web.infrastructure.messaging.DeadLetters;
import org.ems.web.infrastructure.messaging.DeadLetters.DeadLetter;

/**
 * The console's operations page: is EMS ready (the same checks as {@code /health/ready}), how fast readings are
 * stored (sampled each time the page polls, a sparkline of the last minutes), duplicates, and the dead-letter queue:
 * how many, and the newest with their reason and body, so a meter sending garbage shows at once; and mail: how many
 * wait, and the newest that failed, with the mail server's reason.
 */
@Named
@ViewScoped
public class OperationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int SAMPLES = 60;
    static final int DEAD_LETTERS_SHOWN = 10;
    private static final int BODY_SHOWN = 300;

    @Inject
    @Readiness
    @Any
    transient Instance<HealthCheck> readiness;

    @Inject
    transient MetricRegistry metrics;

    @Inject
    transient DeadLetters deadLetterQueue;

    @Inject
    transient QueueDepths queues;

    @Inject
    transient MailStatus mail;

    private final Deque<Double> rates = new ArrayDeque<>();
    private long lastStored = -1;
    private long lastSampleMillis;
    private List<DeadLetter> deadLetters = List.of();
    private int deadLetterCount;

    /** Each poll: a sample of the storing rate and a fresh look at the dead letters. */
    public void sample() {
        long stored = counter("ems.readings.stored");
        long now = System.currentTimeMillis();
        if (lastStored >= 0 && now > lastSampleMillis) {
            rates.addLast((stored - lastStored) * 1000.0 / (now - lastSampleMillis));
            while (rates.size() > SAMPLES) {
                rates.removeFirst();
            }
        }
        lastStored = stored;
        lastSampleMillis = now;
        browseDeadLetters();
    }

    private long counter(String name) {
        return metrics.counter(name).getCount();
    }

    /**
     * The count from the broker's own counter; the newest few by browsing only recent windows (the last 10 s, then a
     * minute, an hour, a day, then all), at most {@value #DEAD_LETTERS_SHOWN} messages read per window: a flood of
     * dead letters costs the page no more than that.
     */
    private void browseDeadLetters() {
        deadLetterCount = (int) Math.min(
                Integer.MAX_VALUE, queues.waiting(Destinations.READINGS_DLQ).orElse(0));
        List<DeadLetter> found = List.of();
        Instant now = Instant.now();
        try {
            for (long window : RECENT_WINDOWS) {
                found = deadLetterQueue.browse(
                        window == Long.MAX_VALUE ? null : now.minusMillis(window), DEAD_LETTERS_SHOWN, BODY_SHOWN);
                if (found.size() >= Math.min(DEAD_LETTERS_SHOWN, deadLetterCount)) {
                    break;
                }
            }
        } catch (JMSException | JMSRuntimeException unavailable) {
            found = List.of(); // the broker is away: the health line says so
        }
        deadLetters = found.stream()
                .sorted(Comparator.comparing(DeadLetter::at).reversed())
                .toList();
    }

    /** How far back {@link #browseDeadLetters} looks, widening until it finds enough. */
    private static final long[] RECENT_WINDOWS = {10_000, 60_000, 3_600_000, 86_400_000, Long.MAX_VALUE};

    /** The readiness checks by name, UP or DOWN. */
    public List<HealthCheckResponse> getHealth() {
        List<HealthCheckResponse> checks = new ArrayList<>();
        readiness.forEach(check -> checks.add(check.call()));
        checks.sort(Comparator.comparing(HealthCheckResponse::getName));
        return checks;
    }

    /** The storing rate over the last samples as a Chart.js line (a sparkline). */
    public String getRateChart() {
        var data = jakarta.json.Json.createArrayBuilder();
        var labels = jakarta.json.Json.createArrayBuilder();
        for (double rate : rates) {
            data.add(Math.round(rate));
            labels.add("");
        }
        return jakarta.json.Json.createObjectBuilder()
                .add("type", "line")
                .add(
                        "data",
                        jakarta.json.Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        jakarta.json.Json.createArrayBuilder()
                                                .add(jakarta.json.Json.createObjectBuilder()
                                                        .add("label", PageMessages.text("operations.rate"))
                                                        .add("data", data)
                                                        .add("borderColor", "#1e88e5")
                                                        .add("pointRadius", 0))))
                .add(
                        "options",
                        jakarta.json.Json.createObjectBuilder()
                                .add("animation", false)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        jakarta.json.Json.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        jakarta.json.Json.createObjectBuilder()
                                                                .add("beginAtZero", true))))
                .build()
                .toString();
    }

    public long getRate() {
        return rates.isEmpty() ? 0 : Math.round(rates.getLast());
    }

    public long getStored() {
        return counter("ems.readings.stored");
    }

    public long getDuplicates() {
        return counter("ems.readings.duplicates");
    }

    public int getDeadLetterCount() {
        return deadLetterCount;
    }

    public List<DeadLetter> getDeadLetters() {
        return Collections.unmodifiableList(deadLetters);
    }

    public MailStatus getMail() {
        return mail;
    }

    /** The newest failed mails. */
    public List<MailOutbox.Failure> getFailedMails() {
        return mail.failures(DEAD_LETTERS_SHOWN);
    }
}
