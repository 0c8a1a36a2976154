package org.ems.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair EMS signs (private) and verifies (public) its JWTs with: the PEM files named by
 * {@code ems.jwt.private-key} / {@code ems.jwt.public-key}, or else a pair generated once into {@code $EMS_HOME/jwt}.
 */
public record JwtKeys(Path privateKey, Path publicKey) {

    /** The given pair (PEM files), or the home's generated one when neither is given. */
    public static JwtKeys ensure(InstallationHome home, Optional<String> privatePem, Optional<String> publicPem)
            throws IOException {
        if (privatePem.isPresent() != publicPem.isPresent()) {
            throw new IllegalArgumentException("set both " + SettingSources.named("EMS_JWT_PRIVATE_KEY") + " and "
                    + SettingSources.named("EMS_JWT_PUBLIC_KEY") + ", or neither");
        }
        if (privatePem.isPresent()) {
            JwtKeys given = new JwtKeys(
                    Path.of(privatePem.get()).toAbsolutePath(),
                    Path.of(publicPem.get()).toAbsolutePath());
            for (Path file : new Path[] {given.privateKey, given.publicKey}) {
                if (!Files.isReadable(file)) {
                    throw new IllegalArgumentException("JWT key file " + file + " is not readable");
                }
            }
            return given;
        }
        Path dir = home.directory("jwt");
        JwtKeys generated = new JwtKeys(dir.resolve("private.pem"), dir.resolve("public.pem"));
        if (!Files.exists(generated.privateKey) || !Files.exists(generated.publicKey)) {
            generated.generate();
        }
        return generated;
    }

    private void generate() throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey, InstallationHome.OWNER_ONLY_FILE);
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
