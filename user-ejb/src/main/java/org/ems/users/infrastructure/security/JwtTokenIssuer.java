package org.ems.users.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.access.Caller;
import org.ems.users.application.TokenIssuer;

/** The RS256 JWTs of EMS, signed with the key pair of the installation (nimbus-jose-jwt). */
@ApplicationScoped
public class JwtTokenIssuer implements TokenIssuer {

    @Inject
    @ConfigProperty(name = "ems.jwt.private-key.location")
    String privateKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "ems")
    String issuer;

    @Inject
    @ConfigProperty(name = "ems.jwt.lifetime", defaultValue = "PT15M")
    Duration lifetime;

    private RSASSASigner signer;
    private RSASSAVerifier verifier;

    @PostConstruct
    void loadKey() {
        try {
            String pem = Files.readString(Path.of(privateKeyLocation));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            signer = new RSASSASigner(key);
            RSAPrivateCrtKey full = (RSAPrivateCrtKey) key;
            verifier = new RSASSAVerifier((RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(full.getModulus(), full.getPublicExponent())));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "cannot read the JWT signing key " + privateKeyLocation + " (a PKCS#8 PEM RSA private key)", e);
        }
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Override
    public Token issue(Use use, Caller user, UUID sessionId, Instant issued, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.userId().toString())
                .claim("upn", user.username())
                .claim("groups", List.of(user.role()))
                .audience(use.audience())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .jwtID(sessionId.toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType(use.type()))
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new Token(jwt.serialize(), expires);
    }

    @Override
    public Optional<UUID> signInOf(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (jwt.getHeader().getType() == null
                    || !Use.SIGN_IN.type().equals(jwt.getHeader().getType().getType())
                    || !claims.getAudience().equals(List.of(Use.SIGN_IN.audience()))
                    || !jwt.verify(verifier)
                    || !issuer.equals(claims.getIssuer())
                    || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(now)
                    || claims.getJWTID() == null) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(claims.getJWTID()));
        } catch (java.text.ParseException | JOSEException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
