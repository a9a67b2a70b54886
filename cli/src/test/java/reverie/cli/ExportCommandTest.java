package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.loop.Checkpoint;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.DreamPhase;
import reverie.engine.loop.IterationMetrics;
import reverie.engine.loop.RunConfig;

class ExportCommandTest {

  @TempDir Path tmp;
  Path run;

  /**
   * A run directory with one hand-made checkpoint: a library with one invention used by one task (a
   * task of the run's suite: a checkpoint naming another is refused).
   */
  @BeforeEach
  void writeCheckpoint() {
    Type intT = Type.of("int");
    Primitive inc = new Primitive("inc", Type.arrow(intT, intT));
    PrimitiveResolver resolver = PrimitiveResolver.of(List.of(inc));
    Invented twice = (Invented) Program.parse("#(lambda (inc (inc $0)))", resolver);
    Grammar grammar =
        new Grammar(0, ImmutableList.of(Production.of(inc, 0), Production.of(twice, -1)));
    Program solution = Program.parse("(lambda (#(lambda (inc (inc $0))) (inc $0)))", resolver);
    Frontier f =
        new Frontier(
            "add-k with k=3",
            Type.arrow(intT, intT),
            ImmutableList.of(new FrontierEntry(solution, -3, 0)));
    RunConfig config =
        new RunConfig(
            Optional.of("lists"), Optional.empty(), 0.5, 0, 1, 0, 1, 1, 1, 1, 0, false, true, 1, 0);
    run = tmp.resolve("run");
    CheckpointStore store = CheckpointStore.create(run, config);
    IterationMetrics m = new IterationMetrics(0, 1, 1, 0, 0, 1, 1, 3, 0, 0, 0, 0, 10);
    store.write(
        new Checkpoint<Void>(
            0,
            config,
            grammar,
            ImmutableList.of("add-k with k=3"),
            ImmutableList.of(),
            ImmutableMap.of("add-k with k=3", f),
            ImmutableMap.of(),
            Optional.empty(),
            ImmutableList.of(m)),
        DreamPhase.none());
  }

  @Test
  void stitchInlinesInventions() {
    CliRun r = CliRun.of("export", run.toString(), "--fmt", "stitch");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"(lam (inc (inc (inc $0))))\""), r.out());
  }

  @Test
  void dreamcoderIsTheCompressorInput() throws IOException {
    CliRun r = CliRun.of("export", run.toString(), "--fmt", "dreamcoder");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"DSL\""), r.out());
    assertTrue(r.out().contains("#(lambda (inc (inc $0)))"), r.out());
    assertTrue(r.out().contains("\"logPrior\""), r.out());
    // DreamCoder reads a request as a type object, not as a string.
    assertTrue(r.out().contains("\"constructor\" : \"->\""), r.out());
    assertEquals(
        Files.readString(run.resolve("iteration-000").resolve(CheckpointStore.FRONTIERS)), r.out());
  }

  @Test
  void aFlippedByteExitsWith3AndOneLine() throws IOException {
    Path grammar = run.resolve("iteration-000").resolve(CheckpointStore.GRAMMAR);
    byte[] bytes = Files.readAllBytes(grammar);
    bytes[10] ^= 0x20;
    Files.write(grammar, bytes);
    CliRun r = CliRun.of("export", run.toString(), "--fmt", "stitch");
    assertEquals(3, r.exitCode());
    assertTrue(r.err().startsWith("reverie: checkpoint "), r.err());
    assertTrue(r.err().contains("grammar.json is corrupt"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aMissingRunDirectoryExitsWith3() {
    CliRun r = CliRun.of("export", tmp.resolve("nothing").toString(), "--fmt", "stitch");
    assertEquals(3, r.exitCode());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertEquals(2, CliRun.of("export", run.toString(), "--fmt", "png").exitCode());
  }
}
