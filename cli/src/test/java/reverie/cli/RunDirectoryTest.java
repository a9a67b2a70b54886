package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.engine.loop.AtomicFiles;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.RunLock;
import reverie.engine.loop.RunTasks;

/**
 * Run directories stand alone (#18): a failed start leaves nothing behind, a run keeps its own copy
 * of its task file, a checkpoint must name the run's tasks, and one process at a time runs in a
 * directory.
 */
class RunDirectoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path tinySuite() throws IOException {
    Path file = tmp.resolve("tiny.json");
    Files.writeString(file, RunFixture.tinySuite());
    return file;
  }

  private static CliRun run(Path file, Path out, String iterations) {
    return CliRun.of(
        "run",
        "--file",
        file.toString(),
        "--iterations",
        iterations,
        "--timeout",
        "0.3",
        "--threads",
        "1",
        "--recognition-steps",
        "20",
        "--out",
        out.toString());
  }

  @Test
  void aFailedStartCanBeRetriedWithTheSameOut() throws IOException {
    Path out = tmp.resolve("run");
    Path duplicate = tmp.resolve("dup.json");
    Files.writeString(duplicate, RunFixture.tinySuite().replace("\"add 1 #2\"", "\"add 1 #1\""));
    Path empty = Files.createDirectories(tmp.resolve("empty-out"));
    for (Path bad : List.of(tmp.resolve("missing.json"), duplicate, tmp)) {
      for (Path target : List.of(out, empty)) {
        CliRun r = run(bad, target, "0");
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("reverie: " + bad), r.err());
        assertFalse(Files.exists(out), "a failed start created " + out);
        try (Stream<Path> left = Files.list(empty)) {
          assertEquals(List.of(), left.toList());
        }
      }
    }
    CliRun retried = run(tinySuite(), out, "0");
    assertEquals(0, retried.exitCode(), retried.err());
    assertTrue(Files.isDirectory(out.resolve("iteration-000")));
  }

  @Test
  void aRunKeepsItsOwnCopyOfTheTaskFile() throws IOException {
    Path file = tinySuite();
    Path out = tmp.resolve("run");
    assertEquals(0, run(file, out, "1").exitCode());
    JsonNode source = JSON.readTree(out.resolve(RunTasks.SOURCE).toFile());
    Path copy = out.resolve(source.get("copy").asText());
    assertEquals(out.resolve("tasks").resolve("tiny.json"), copy);
    assertEquals(Files.readString(file), Files.readString(copy));
    assertEquals(AtomicFiles.sha256(file), source.get("sha256").asText());
    assertEquals(file.toString(), source.get("file").asText());
    assertFalse(Files.exists(out.resolve(RunLock.FILE)), "the lock is released on exit");

    // Moved: every command answers from the copy, with a warning.
    Path moved = tmp.resolve("elsewhere.json");
    Files.move(file, moved);
    String gone =
        "reverie: warning: the task file "
            + file
            + " this run started from is gone; using the"
            + " run's copy "
            + copy;
    for (String[] command :
        List.of(
            new String[] {"library", out.toString()},
            new String[] {"solve", "--checkpoint", out.toString(), "--timeout", "0.2"},
            new String[] {"embed", out.toString(), "--out", tmp.resolve("e.npy").toString()},
            new String[] {"dream", "--checkpoint", out.toString(), "-n", "2"},
            new String[] {"export", out.toString(), "--fmt", "stitch"})) {
      CliRun r = CliRun.of(command);
      assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.err());
      assertTrue(r.err().contains(gone), String.join(" ", command) + ": " + r.err());
    }

    // Edited (a task renamed): the run's own tasks are solved, with a warning.
    Files.writeString(file, Files.readString(moved).replace("\"add 3 #6\"", "\"renamed #6\""));
    CliRun solve =
        CliRun.of(
            "solve",
            "--checkpoint",
            out.toString(),
            "--split",
            "all",
            "--timeout",
            "0.2",
            "--json");
    assertEquals(0, solve.exitCode(), solve.err());
    assertTrue(
        solve.err().contains("the task file " + file + " has changed since this run started (or"),
        solve.err());
    List<String> names = new ArrayList<>();
    JSON.readTree(solve.out()).get("tasks").forEach(t -> names.add(t.get("name").asText()));
    assertTrue(names.contains("add 3 #6"), names.toString());
    assertFalse(names.contains("renamed #6"), names.toString());

    // The copy itself is checked.
    Files.writeString(copy, Files.readString(copy) + " ");
    CliRun corrupt = CliRun.of("library", out.toString());
    assertEquals(3, corrupt.exitCode());
    assertEquals(
        "reverie: "
            + copy
            + ": the run's copy of its task file is corrupt (SHA-256 does not match"
            + " source.json)",
        corrupt.err().strip());
  }

  @Test
  void aRunDirectoryWithoutACopyStillOpensFromTheOriginal() throws IOException {
    Path file = tinySuite();
    Path out = tmp.resolve("run");
    assertEquals(0, run(file, out, "0").exitCode());
    // As runs made before copies existed.
    Files.delete(out.resolve(RunTasks.SOURCE));
    try (Stream<Path> copies = Files.walk(out.resolve("tasks"))) {
      copies.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    CliRun lib = CliRun.of("library", out.toString());
    assertEquals(0, lib.exitCode(), lib.err());
    assertEquals("", lib.err());
  }

  @Test
  void aBuiltInSuiteRecordsItsNameAndDomain() throws IOException {
    Path out = tmp.resolve("run");
    CliRun r =
        CliRun.of(
            "run",
            "--suite",
            "text",
            "--iterations",
            "0",
            "--timeout",
            "0.05",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode source = JSON.readTree(out.resolve(RunTasks.SOURCE).toFile());
    assertEquals("text", source.get("suite").asText());
    assertEquals("text", source.get("domain").asText());
    assertFalse(Files.exists(out.resolve("tasks")));
  }

  @Test
  void aCheckpointNamingATaskTheRunLacksIsRefused() throws IOException {
    Path out = tmp.resolve("run");
    assertEquals(0, run(tinySuite(), out, "1").exitCode());
    Path folder = out.resolve("iteration-001");
    Path tasksFile = folder.resolve(CheckpointStore.TASKS);
    ObjectNode tasks = (ObjectNode) JSON.readTree(tasksFile.toFile());
    ((ArrayNode) tasks.get("test")).add("no such task");
    Files.writeString(tasksFile, JSON.writeValueAsString(tasks));
    ObjectNode manifest = (ObjectNode) JSON.readTree(folder.resolve("manifest.json").toFile());
    ((ObjectNode) manifest.get("files")).put(CheckpointStore.TASKS, AtomicFiles.sha256(tasksFile));
    Files.writeString(folder.resolve("manifest.json"), JSON.writeValueAsString(manifest));
    String refusal =
        "reverie: checkpoint "
            + folder
            + " names the task 'no such task', which the run's tasks"
            + " (tiny, 6 tasks) do not have";
    for (String[] command :
        List.of(
            new String[] {"library", out.toString()},
            new String[] {"solve", "--checkpoint", out.toString(), "--timeout", "0.2"},
            new String[] {"embed", out.toString(), "--out", tmp.resolve("e.npy").toString()},
            new String[] {"export", out.toString(), "--fmt", "stitch"})) {
      CliRun r = CliRun.of(command);
      assertEquals(3, r.exitCode(), String.join(" ", command) + ": " + r.err());
      assertEquals(refusal, r.err().strip(), String.join(" ", command));
    }
  }

  @Test
  void oneProcessAtATimeRunsInADirectory() throws IOException, InterruptedException {
    Path out = tmp.resolve("run");
    assertEquals(0, run(tinySuite(), out, "0").exitCode());
    Path lock = out.resolve(RunLock.FILE);
    try (RunLock held = RunLock.acquire(out)) {
      assertTrue(Files.exists(lock));
      CliRun second = CliRun.of("run", "--resume", out.toString(), "--iterations", "0");
      assertEquals(3, second.exitCode(), second.err());
      assertEquals(1, second.err().strip().lines().count(), second.err());
      assertTrue(
          second
              .err()
              .startsWith(
                  "reverie: run directory "
                      + out
                      + " is in use by process "
                      + ProcessHandle.current().pid()
                      + " on "),
          second.err());
    }
    assertFalse(Files.exists(lock), "released");

    // A lock left by a process that is gone (killed with SIGKILL) is stale and taken over.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(
        lock,
        "{\"pid\": "
            + gone.pid()
            + ", \"host\": \""
            + java.net.InetAddress.getLocalHost().getHostName()
            + "\"}");
    CliRun resumed = CliRun.of("run", "--resume", out.toString(), "--iterations", "0");
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertFalse(Files.exists(lock), "released after the takeover");
    // Garbage in the lock (a crash while it was written) is stale too.
    Files.writeString(lock, "{\"pid\": ");
    assertEquals(0, CliRun.of("run", "--resume", out.toString()).exitCode());
  }

  @Test
  void aRunStartingWhereAnotherHasJustStartedChangesNothing() throws IOException {
    // Another process has made the directory and taken its lock, and writes nothing yet.
    Path out = tmp.resolve("run");
    Files.createDirectories(out);
    try (RunLock other = RunLock.acquire(out)) {
      CliRun second = run(tinySuite(), out, "0");
      assertEquals(3, second.exitCode(), second.err());
      assertTrue(second.err().contains(" is in use by process "), second.err());
      try (Stream<Path> left = Files.list(out)) {
        assertEquals(List.of(out.resolve(RunLock.FILE)), left.toList());
      }
    }
  }

  @Test
  void libraryOfAFileAndCompressOfADirectorySayWhatTheyAre() throws IOException {
    Path file = tinySuite();
    CliRun lib = CliRun.of("library", file.toString());
    assertEquals(3, lib.exitCode());
    assertEquals("reverie: " + file + ": is a file, not a run directory", lib.err().strip());
    CliRun compress = CliRun.of("compress", tmp.toString());
    assertEquals(3, compress.exitCode());
    assertEquals("reverie: " + tmp + ": is a directory, not a file", compress.err().strip());
  }
}
