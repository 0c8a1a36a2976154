package org.ems.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code $EMS_HOME} directory: data of the embedded services, generated secrets, and the lock that keeps a second
 * EMS from starting on the same data.
 */
public final class InstallationHome implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private InstallationHome(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the installation for this process.
     *
     * @throws AlreadyRunningException when another EMS holds it
     */
    public static InstallationHome open(Path root) throws IOException {
        Files.createDirectories(root);
        // Secrets, keys, data and logs inside: no other local user may even list it (older homes are tightened too).
        Files.setPosixFilePermissions(root, OWNER_ONLY_DIRECTORY);
        Path lockFile = root.resolve("ems.lock");
        FileChannel channel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldByThisProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
            channel.close();
            throw new AlreadyRunningException("EMS is already running on " + root
                    + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + ". Stop it first, or give this one another EMS_HOME and ports.");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(
                Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        return new InstallationHome(root, channel, lock);
    }

    public Path root() {
        return root;
    }

    /** A directory of the home, owner-only like the home itself. */
    public Path directory(String name) throws IOException {
        Path directory = Files.createDirectories(root.resolve(name));
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        return directory;
    }

    /** A secret generated on first use and kept in {@code secrets.properties} (owner-only) from then on. */
    public synchronized String secret(String name) throws IOException {
        Path file = root.resolve("secrets.properties");
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        }
        String value = secrets.getProperty(name);
        if (value == null) {
            value = randomPassword();
            secrets.setProperty(name, value);
            writePrivate(file, secrets, "EMS generated secrets: keep this file private");
        }
        return value;
    }

    /** The secrets a home holds, read without taking the home (while its EMS runs, say). */
    static Properties storedSecrets(Path root) throws IOException {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return secrets;
    }

    /** Deletes {@code tree} and all below it; with {@code keepRoot} only what it holds. Nothing if it is not there. */
    static void deleteTree(Path tree, boolean keepRoot) throws IOException {
        if (Files.exists(tree)) {
            try (var paths = Files.walk(tree)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!keepRoot || !path.equals(tree)) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    public static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes properties readable by the owner only: they hold passwords. */
    public static void writePrivate(Path file, Properties properties, String comment) throws IOException {
        writePrivate(file, out -> properties.store(out, comment));
    }

    /** Writes a text readable by the owner only. */
    static void writePrivate(Path file, String text) throws IOException {
        writePrivate(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writePrivate(Path file, Content content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, OWNER_ONLY_FILE);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.writeTo(out);
        }
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }

    /** Another EMS process holds this installation. */
    public static class AlreadyRunningException extends IOException {
        private static final long serialVersionUID = 1L;

        AlreadyRunningException(String message) {
            super(message);
        }
    }
}
