package reverie.engine.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.InputFiles;

/**
 * The lock that keeps two processes from running in one run directory at once: {@code DIR/.lock},
 * created atomically, holding the owner's process id, host and start time. A second {@code reverie
 * run --resume DIR} is refused with one line naming the holder; a lock whose process is gone (a run
 * killed with SIGKILL) is stale and taken over. {@link #close} releases it (on exit, and from the
 * Ctrl-C hook).
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = ".lock";

  private final Path file;
  private final String owner;
  private boolean released;

  private RunLock(Path file, String owner) {
    this.file = file;
    this.owner = owner;
  }

  /** Takes the lock of run directory {@code dir}; an {@link InputException} when it is held. */
  public static RunLock acquire(Path dir) {
    Path file = dir.resolve(FILE);
    ProcessHandle me = ProcessHandle.current();
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("pid", me.pid());
    o.put("host", host());
    me.info().startInstant().ifPresent(t -> o.put("process_start", t.toString()));
    o.put("locked_at", Instant.now().toString());
    String owner = Json.pretty(o);
    // Two attempts: the second after removing a stale lock (another process may win that race).
    for (int attempt = 0; attempt < 2; attempt++) {
      try (OutputStream out =
          Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(owner.getBytes(StandardCharsets.UTF_8));
        return new RunLock(file, owner);
      } catch (FileAlreadyExistsException held) {
        Optional<String> holder = liveHolder(file);
        if (holder.isPresent()) {
          throw new InputException(
              "run directory "
                  + dir
                  + " is in use by "
                  + holder.get()
                  + "; wait for it to end, or delete "
                  + file
                  + " if that process is gone");
        }
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw InputFiles.problem(file, e);
        }
      } catch (IOException e) {
        throw InputFiles.problem(file, e);
      }
    }
    throw new InputException(
        "run directory " + dir + " is being locked by another process at this moment");
  }

  /**
   * Who holds the lock in {@code file}, or empty when the lock is stale: its process is gone (or
   * another process now has its id), or the file is unreadable garbage from a crash while it was
   * being written. A lock from another host counts as held, since its process cannot be checked.
   */
  static Optional<String> liveHolder(Path file) {
    JsonNode o;
    try {
      o = Json.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException | InputException e) {
      return Optional.empty();
    }
    long pid = o.path("pid").asLong(-1);
    String host = o.path("host").asText("?");
    String who = "process " + pid + " on " + host;
    if (!host.equals(host())) {
      return Optional.of(who);
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return Optional.empty();
    }
    String recorded = o.path("process_start").asText("");
    Optional<Instant> started = process.get().info().startInstant();
    if (!recorded.isEmpty() && started.isPresent() && !started.get().toString().equals(recorded)) {
      return Optional.empty(); // the id was reused by another process
    }
    return Optional.of(who);
  }

  /** Releases the lock (once; later calls do nothing). */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      // Only our own lock: a stale-lock takeover by another process must not be undone.
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(owner)) {
        Files.delete(file);
      }
    } catch (IOException e) {
      // Nothing to do at exit; the next run detects the lock as stale.
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
