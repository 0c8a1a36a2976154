package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.ems.contracts.access.Rejected;
import org.ems.users.domain.Mail;
import org.ems.users.domain.MailOutbox;
import org.ems.users.domain.User;
import org.ems.users.domain.UserTokens;

/**
 * Single-use links: mailing one (a new token, its hash kept for {@code valid}, the mail queued in the same
 * transaction) and spending one.
 */
@ApplicationScoped
public class MailedLinks {

    @Inject
    UserTokens tokens;

    @Inject
    MailOutbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void mail(
            User user, UserTokens.Purpose purpose, String email, Duration valid, Function<String, Mail> mailWithToken) {
        Instant now = Instant.now();
        String token = UserTokens.newToken();
        String hash = UserTokens.hash(token);
        tokens.store(hash, user.id(), purpose, email, now.plus(valid));
        outbox.queue(UUID.randomUUID(), purpose.column + ":" + hash, user.id(), mailWithToken.apply(token), now);
    }

    /** Spends a link's token: what it was for; a used, expired or unknown one is refused (400). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserTokens.Spent spend(String token, UserTokens.Purpose purpose) {
        return tokens.spend(UserTokens.hash(token == null ? "" : token), purpose, Instant.now())
                .orElseThrow(() -> Rejected.invalid("token", "this link is not valid: used, expired or never sent"));
    }
}
