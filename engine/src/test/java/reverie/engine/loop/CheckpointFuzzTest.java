package reverie.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reverie.dsl.InputException;
import reverie.engine.FuzzContract;

/**
 * Coverage-guided fuzzing of the checkpoint reader: a real checkpoint (two iterations of the fake
 * loop) with one of its files replaced by the input, and the manifest's checksum updated so that
 * the reader gets past verification to the file's content. The first byte of the input picks the
 * file, the rest is its content. Every input loads or is refused with an {@link InputException}
 * naming the run directory.
 */
class CheckpointFuzzTest {
  private static final List<String> FILES =
      List.of(
          CheckpointStore.CONFIG,
          CheckpointStore.TASKS,
          CheckpointStore.GRAMMAR,
          CheckpointStore.FRONTIERS,
          CheckpointStore.TEST_FRONTIERS,
          CheckpointStore.ITERATION_METRICS,
          CheckpointStore.MANIFEST);
  private static final int ITERATION = 1;
  private static CheckpointStore store;
  private static Map<String, byte[]> pristine;

  private static synchronized void setUp() throws IOException {
    if (store != null) {
      return;
    }
    Path shm = Path.of("/dev/shm");
    Path dir =
        Files.createTempDirectory(
            Files.isDirectory(shm) && Files.isWritable(shm)
                ? shm
                : Path.of(System.getProperty("java.io.tmpdir")),
            "checkpoint-fuzz");
    dir.toFile().deleteOnExit();
    store = CheckpointStore.create(dir.resolve("run"), FakePhases.config(ITERATION));
    FakePhases.loop(store, FakePhases.split(6, 3), new FakePhases.Wake(4), new StopSignal())
        .drawCurve(false)
        .run();
    pristine = new LinkedHashMap<>();
    for (String f : FILES) {
      pristine.put(f, Files.readAllBytes(store.folder(ITERATION).resolve(f)));
    }
    // -Dreverie.fuzz.seeds=DIR writes the seed inputs (each file of the checkpoint, unchanged).
    String seeds = System.getProperty("reverie.fuzz.seeds");
    if (seeds != null) {
      Files.createDirectories(Path.of(seeds));
      for (int i = 0; i < FILES.size(); i++) {
        byte[] content = pristine.get(FILES.get(i));
        byte[] seed = new byte[content.length + 1];
        seed[0] = (byte) i;
        System.arraycopy(content, 0, seed, 1, content.length);
        Files.write(Path.of(seeds, "seed-" + FILES.get(i)), seed);
      }
    }
  }

  @FuzzTest(maxDuration = "10m")
  void load(byte[] input) throws IOException {
    setUp();
    String name = FILES.get(input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % FILES.size());
    byte[] content =
        input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length);
    Path folder = store.folder(ITERATION);
    try {
      Files.write(folder.resolve(name), content);
      if (!name.equals(CheckpointStore.MANIFEST)) {
        ObjectNode manifest =
            (ObjectNode)
                Json.parse(
                    new String(
                        pristine.get(CheckpointStore.MANIFEST),
                        java.nio.charset.StandardCharsets.UTF_8),
                    "manifest");
        ((ObjectNode) manifest.get("files")).put(name, AtomicFiles.sha256(folder.resolve(name)));
        Files.writeString(folder.resolve(CheckpointStore.MANIFEST), Json.pretty(manifest));
      }
      try {
        Checkpoint<Integer> c = store.load(ITERATION, FakePhases.RESOLVER, new FakePhases.Dream());
        assertEquals(ITERATION, c.iteration());
      } catch (InputException e) {
        // "checkpoint DIR/iteration-001: ..." or "DIR/iteration-001/grammar.json: ...".
        String message = e.getMessage();
        FuzzContract.rejected(
            e,
            message.startsWith("checkpoint ")
                ? "checkpoint " + store.directory()
                : store.directory().toString(),
            FuzzContract.text(content));
      }
    } catch (UncheckedIOException e) {
      throw new AssertionError("I/O failure while fuzzing: " + e, e);
    } finally {
      for (Map.Entry<String, byte[]> e : pristine.entrySet()) {
        Files.write(folder.resolve(e.getKey()), e.getValue());
      }
    }
  }
}
