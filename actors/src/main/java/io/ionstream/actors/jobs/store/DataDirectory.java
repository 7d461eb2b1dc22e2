package io.ionstream.actors.jobs.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's data directory ({@code ionstream.data-dir}, default {@code ~/.ionstream}):
 * {@code jobs/<id>/} (see {@link JobFiles}), {@code structures/<id>/}, {@code potentials/<id>/}.
 * One server at a time: opening takes an exclusive lock on {@code server.lock}, and a second
 * server on the same directory is refused with a message saying so.
 */
public final class DataDirectory implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("[a-z]+-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static DataDirectory open(Path root) throws IOException {
        Path r = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(r.resolve("jobs"));
            Files.createDirectories(r.resolve("structures"));
            Files.createDirectories(r.resolve("potentials"));
        } catch (IOException e) {
            throw new IOException("cannot create the data directory " + r + ": " + e.getMessage(), e);
        }
        FileChannel ch = FileChannel.open(r.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null; // held by another server in this JVM
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw new IOException("another ionstream server is using the data directory " + r
                + " (choose another with --data-dir or ionstream.data-dir)");
        }
        return new DataDirectory(r, ch, l);
    }

    public Path root() { return root; }
    public Path jobsDir() { return root.resolve("jobs"); }
    public Path structuresDir() { return root.resolve("structures"); }
    public Path potentialsDir() { return root.resolve("potentials"); }

    /** True for strings shaped like the ids this directory hands out (checked before any path is built). */
    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    /** A fresh id with the given prefix ("job", "str", "pot") whose folder does not exist yet. */
    public String newId(String prefix, Path parent) {
        while (true) {
            byte[] b = new byte[6];
            RANDOM.nextBytes(b);
            String id = prefix + "-" + HexFormat.of().formatHex(b);
            if (!Files.exists(parent.resolve(id))) return id;
        }
    }

    public JobFiles job(String id) {
        if (!isId(id)) throw new IllegalArgumentException("not a job id: " + id);
        return new JobFiles(jobsDir().resolve(id));
    }

    /** Every job folder (in no particular order). */
    public List<JobFiles> jobs() throws IOException {
        List<JobFiles> out = new ArrayList<>();
        try (var s = Files.list(jobsDir())) {
            s.filter(Files::isDirectory).filter(p -> isId(p.getFileName().toString())).forEach(p -> out.add(new JobFiles(p)));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
