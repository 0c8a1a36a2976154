package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The key store EMS serves HTTPS and the broker's TLS acceptor with, and the trust store its clients (the application's
 * broker connection, meters, the launcher's readiness probe) verify them with: the server certificate alone.
 *
 * @param keyStore PKCS12 key store with the server's key and certificate chain
 * @param keyStorePassword its password (also the key's)
 * @param alias the key entry to serve
 * @param trustStore PKCS12 trust store holding the server's certificate, written under {@code $EMS_HOME/tls}
 * @param trustStorePassword its password
 */
public record TlsMaterial(
        Path keyStore, String keyStorePassword, String alias, Path trustStore, String trustStorePassword) {

    private static final String TYPE = "PKCS12";

    /** TLS material when {@code EMS_TLS=on} or a key store is given; empty when TLS is off. */
    public static Optional<TlsMaterial> ensure(EmsSettings settings, InstallationHome home) throws IOException {
        if (!settings.tls()) {
            return Optional.empty();
        }
        Path dir = home.directory("tls");
        Path keyStore;
        String password;
        if (settings.tlsKeyStore().isPresent()) {
            keyStore = settings.tlsKeyStore().get().toAbsolutePath();
            password = settings.tlsKeyStorePassword()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "EMS_TLS_KEYSTORE needs its password in EMS_TLS_KEYSTORE_PASSWORD"));
        } else {
            keyStore = dir.resolve("keystore.p12");
            password = home.secret("tls.keystore.password");
            if (!Files.exists(keyStore)) {
                generateSelfSigned(keyStore, password, settings.bindAddress());
            }
        }
        KeyStore keys = load(keyStore, password);
        String alias = keyAlias(keys, keyStore);
        Path trustStore = dir.resolve("truststore.p12");
        String trustPassword = home.secret("tls.truststore.password");
        writeTrustStore(trustStore, trustPassword, keys, alias);
        return Optional.of(new TlsMaterial(keyStore, password, alias, trustStore, trustPassword));
    }

    /** A client context that trusts exactly the certificate of the home's EMS (its trust store), from outside it. */
    static SSLContext trusting(Path root) throws IOException {
        String password = InstallationHome.storedSecrets(root).getProperty("tls.truststore.password");
        return new TlsMaterial(null, null, null, root.resolve("tls").resolve("truststore.p12"), password)
                .clientContext();
    }

    /** A client context that trusts exactly the server certificate. */
    public SSLContext clientContext() throws IOException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, trustStorePassword));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** Artemis transport options of the broker's TLS acceptor. */
    public List<String> acceptorOptions() {
        return List.of(
                "sslEnabled=true",
                "keyStorePath=" + keyStore,
                "keyStorePassword=" + keyStorePassword,
                "keyStoreType=" + TYPE,
                "enabledProtocols=TLSv1.2,TLSv1.3");
    }

    /**
     * Artemis transport options of a client (connector or URL) that verifies the broker against the trust store. The
     * trust store pins the one server certificate, so the host name is not checked as well: a key store the user gives
     * for their public host name then also serves connections to 127.0.0.1.
     */
    public List<String> connectorOptions() {
        return List.of(
                "sslEnabled=true",
                "trustStorePath=" + trustStore,
                "trustStorePassword=" + trustStorePassword,
                "trustStoreType=" + TYPE);
    }

    private static void generateSelfSigned(Path keyStore, String password, String bindAddress) throws IOException {
        String names = "dns:localhost,ip:127.0.0.1"
                + (bindAddress.matches("[0-9.:a-fA-F]+") && !bindAddress.equals("127.0.0.1")
                        ? ",ip:" + bindAddress
                        : "");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "ems",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "825",
                "-dname",
                "CN=EMS local (self-signed)",
                "-ext",
                "SAN=" + names,
                "-storetype",
                TYPE,
                "-keystore",
                keyStore.toString(),
                "-storepass:env",
                "EMS_TLS_PASSWORD"));
        ProcessBuilder keytool = new ProcessBuilder(command).redirectErrorStream(true);
        keytool.environment().put("EMS_TLS_PASSWORD", password); // not on the command line, where ps shows it
        try {
            Process process = keytool.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not create " + keyStore + ": " + output.trim());
            }
            Files.setPosixFilePermissions(keyStore, PosixFilePermissions.fromString("rw-------"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating " + keyStore, e);
        }
    }

    private static KeyStore load(Path file, String password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(in, password.toCharArray());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "cannot open the PKCS12 key store " + file + " with the given password: " + e.getMessage());
        }
    }

    private static String keyAlias(KeyStore store, Path file) throws IOException {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new IllegalArgumentException(
                        "the key store " + file + " must hold exactly one private key, not " + keys.size());
            }
            return keys.get(0);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void writeTrustStore(Path file, String password, KeyStore keys, String alias) throws IOException {
        try {
            Certificate certificate = keys.getCertificate(alias);
            KeyStore trust = KeyStore.getInstance(TYPE);
            trust.load(null, null);
            trust.setCertificateEntry("ems", certificate);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                trust.store(out, password.toCharArray());
            }
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the trust store " + file + ": " + e.getMessage(), e);
        }
    }
}
