package org.ledgerport.connector.file.internal;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;

/**
 * The folder import files are written to. A file appears in it whole or not at all, and one writer at a time
 * numbers and writes, whether the other writer is a second session in this workstation or another workstation
 * sharing the folder.
 */
final class ExportFolder {

    /** What a writer does while it holds the folder. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /** Our own files that are not export files: the lock, the number sequence and temporary files. */
    static final String OWN_PREFIX = ".ledgerport-";
    static final String TEMPORARY_SUFFIX = ".tmp";
    private static final String LOCK_FILE = OWN_PREFIX + "lock";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final Path path;
    private final Lock localLock;

    /**
     * @param localLock held with the file lock: a file lock belongs to the whole JVM, so it cannot keep two
     *                  sessions of this workstation apart
     */
    ExportFolder(Path path, Lock localLock) {
        this.path = path;
        this.localLock = localLock;
    }

    Path path() {
        return path;
    }

    /**
     * Runs the work while no other writer holds the folder, after clearing away what a writer that crashed left
     * half done.
     */
    <T> T exclusively(Work<T> work) throws IOException {
        localLock.lock();
        try (FileChannel lockFile = FileChannel.open(path.resolve(LOCK_FILE), CREATE, WRITE)) {
            lockFile.lock(); // released when the channel closes
            removeTemporaryFiles();
            return work.run();
        } finally {
            localLock.unlock();
        }
    }

    /**
     * Writes a file whole or not at all: into a temporary file, forced to disk, then renamed to its name in one
     * step. A crash leaves at most a temporary file, which the next writer removes.
     */
    void writeAtomically(String name, byte[] content, boolean replace) throws IOException {
        Path temporary = path.resolve(OWN_PREFIX + UUID.randomUUID() + TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, CREATE_NEW, WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (replace) {
                Files.move(temporary, path.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temporary, path.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        forceFolder();
    }

    /**
     * A name no file in the folder has: the stem, the time and the batch's first invoice number, with a counter
     * when that is taken. Only unique while the folder is held, which is when files are written.
     */
    String freeName(String stem, String firstNumber, String extension) {
        String base = stem + "-" + FILE_TIME.format(LocalDateTime.now()) + "-"
                + firstNumber.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base + extension;
        for (int counter = 2; Files.exists(path.resolve(name)); counter++) {
            name = base + "-" + counter + extension;
        }
        return name;
    }

    /** The export files with the stem and extension, oldest first (their names start with the time). */
    List<Path> exportFiles(String stem, String extension) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().startsWith(stem + "-"))
                    .filter(f -> f.getFileName().toString().endsWith(extension)).filter(Files::isRegularFile)
                    .sorted().toList();
        }
    }

    /** Creates a file in the folder and removes it again: the one sure test that the folder takes new files. */
    void probeWritable() throws IOException {
        Path probe = path.resolve(OWN_PREFIX + UUID.randomUUID() + TEMPORARY_SUFFIX);
        Files.newByteChannel(probe, CREATE_NEW, WRITE).close();
        Files.delete(probe);
    }

    /** What went wrong with a file, in words that do not assume the reader knows Java's exception names. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "there is no " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "access to " + e.getMessage() + " was denied";
        }
        if (e instanceof NotDirectoryException) {
            return e.getMessage() + " is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void removeTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.filter(ExportFolder::isTemporary).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(OWN_PREFIX) && name.endsWith(TEMPORARY_SUFFIX);
    }

    /**
     * Makes the rename itself durable on POSIX file systems, where a directory has to be forced like a file.
     * Windows cannot open a directory this way; NTFS journals the rename itself, so there is nothing to add.
     */
    private void forceFolder() {
        try (FileChannel folder = FileChannel.open(path, READ)) {
            folder.force(true);
        } catch (IOException e) {
            // See above: nothing more can be done, and the file is complete under its name either way.
        }
    }
}
