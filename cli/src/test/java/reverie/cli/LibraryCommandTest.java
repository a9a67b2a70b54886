package reverie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Invented;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.loop.Checkpoint;
import reverie.engine.loop.CheckpointStore;
import reverie.engine.loop.DreamPhase;
import reverie.engine.loop.IterationMetrics;
import reverie.engine.loop.RunConfig;
import reverie.engine.loop.RunTasks;
import reverie.tasks.Task;

class LibraryCommandTest {

  @TempDir Path tmp;
  Path run;

  /**
   * A checkpoint of a run on the built-in lists suite whose library has two inventions, one using
   * the other.
   */
  @BeforeEach
  void writeCheckpoint() {
    RunConfig config =
        new RunConfig(
            Optional.of("lists"), Optional.empty(), 0.5, 0, 1, 0, 1, 1, 1, 1, 0, false, true, 1, 0);
    RunTasks tasks = RunTasks.of(config, reverie.tasks.Domains.installed());
    PrimitiveResolver r = tasks.resolver();
    Invented mapAdd = (Invented) Program.parse("#(lambda (lambda (map (lambda (+ $0 $2)) $0)))", r);
    Invented mapInc =
        (Invented)
            Program.parse("#(lambda (#(lambda (lambda (map (lambda (+ $0 $2)) $0))) 1 $0))", r);
    Grammar grammar =
        Grammar.uniform(
            ImmutableList.<Program>builder()
                .addAll(tasks.domain().primitives())
                .add(mapAdd, mapInc)
                .build());
    Task add1 = tasks.suite().task("add-k with k=1");
    Frontier f =
        new Frontier(
            add1.name(),
            add1.request(),
            ImmutableList.of(
                new FrontierEntry(Program.parse("(lambda (" + mapInc + " $0))", r), -5, 0)));
    run = tmp.resolve("run");
    CheckpointStore store = CheckpointStore.create(run, config);
    store.write(
        new Checkpoint<Void>(
            0,
            config,
            grammar,
            tasks.split().train(),
            tasks.split().test(),
            ImmutableMap.of(add1.name(), f),
            ImmutableMap.of(),
            Optional.empty(),
            ImmutableList.of(new IterationMetrics(0, 1, 102, 0, 102, 2, 2, 5, 0, 0, 0, 0, 1))),
        DreamPhase.none());
  }

  @Test
  void textListsEachInventionWithTypeUsesAndAnExample() {
    CliRun r = CliRun.of("library", run.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("2 inventions, depth 2"), r.out());
    assertTrue(r.out().contains("f1 = (lambda (f0 1 $0))"), r.out());
    assertTrue(r.out().contains("type list(int) -> list(int), arity 1"), r.out());
    assertTrue(r.out().contains("used by 1 frontier programs in 1 tasks: add-k with k=1"), r.out());
    assertTrue(r.out().contains("e.g. (f1 $0) with $0 = "), r.out());
  }

  @Test
  void jsonAndDot() throws IOException {
    CliRun r = CliRun.of("library", run.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(2, json.get("library_size").intValue());
    assertEquals(2, json.get("library_depth").intValue());
    assertEquals(1, json.get("inventions").get(1).get("uses").intValue());
    CliRun dot = CliRun.of("library", run.toString(), "--dot");
    assertTrue(dot.out().contains("f1 -> f0;"), dot.out());
  }

  @Test
  void anAbsentIterationIsBadInput() {
    CliRun r = CliRun.of("library", run.toString(), "--iteration", "4");
    assertEquals(3, r.exitCode());
    assertTrue(r.err().contains("no checkpoint of iteration 4"), r.err());
  }
}
