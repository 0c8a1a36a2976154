package org.ems.users.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.users.domain.UserTokens;

/** Mailed tokens in {@code users.user_token} (their hashes), in the caller's transaction. */
@ApplicationScoped
public class JdbcUserTokens implements UserTokens {

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public void store(String tokenHash, UUID userId, Purpose purpose, String email, Instant expiresAt) {
        new Sql(db)
                .update(
                        "cannot store a mailed token",
                        "insert into users.user_token (token_hash, user_id, purpose, email, expires_at)"
                                + " values (?, ?, ?, ?, ?)",
                        tokenHash,
                        userId,
                        purpose.column,
                        email,
                        expiresAt);
    }

    @Override
    public Optional<Spent> spend(String tokenHash, Purpose purpose, Instant now) {
        // Deleting returns the row to one caller only: two uses of one link at once spend it once.
        Optional<Spent> spent = new Sql(db)
                .first(
                        "cannot spend a mailed token",
                        "delete from users.user_token where token_hash = ? and purpose = ? returning user_id, email,"
                                + " expires_at > ? as valid",
                        rs -> new Stored(
                                new Spent(Sql.uuid(rs, "user_id"), rs.getString("email")), rs.getBoolean("valid")),
                        tokenHash,
                        purpose.column,
                        now)
                .filter(Stored::valid)
                .map(Stored::spent);
        spent.ifPresent(s -> new Sql(db)
                .update(
                        "cannot spend a user's other tokens",
                        "delete from users.user_token where user_id = ? and purpose = ?",
                        s.userId(),
                        purpose.column));
        return spent;
    }

    private record Stored(Spent spent, boolean valid) {}

    @Override
    public int purgeExpired(Instant now) {
        return new Sql(db)
                .update("cannot delete expired tokens", "delete from users.user_token where expires_at <= ?", now);
    }
}
