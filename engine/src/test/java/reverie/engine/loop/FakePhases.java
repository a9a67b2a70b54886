package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import reverie.dsl.InputException;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;

/**
 * Fast, deterministic test doubles of the loop's phases over a tiny arithmetic language: task
 * {@code addN} asks for {@code (lambda (+ $0 N))} written with {@code inc}; wake solves it when its
 * program is short enough under the current library, abstraction invents {@code inc} applied twice
 * (then four times), and the "model" is a counter of dream calls.
 */
final class FakePhases {
  static final Type INT = Type.of("int");
  static final Primitive INC = new Primitive("inc", Type.arrow(INT, INT));
  static final Primitive ZERO = new Primitive("0", INT);
  static final PrimitiveResolver RESOLVER = PrimitiveResolver.of(List.of(INC, ZERO));
  static final Grammar BASE = Grammar.uniform(List.of(INC, ZERO));
  static final Type REQUEST = Type.arrow(INT, INT);

  static WakeSleepLoop.Split split(int train, int test) {
    List<String> tr = new ArrayList<>();
    List<String> te = new ArrayList<>();
    for (int i = 1; i <= train; i++) {
      tr.add("add" + i);
    }
    for (int i = 1; i <= test; i++) {
      te.add("add" + (i + 100));
    }
    return new WakeSleepLoop.Split(ImmutableList.copyOf(tr), ImmutableList.copyOf(te));
  }

  /**
   * The shortest program for {@code add n} under a library whose inventions apply inc 2, 4, ...
   * times.
   */
  static Program solution(int n, Grammar grammar) {
    List<Invented> blocks = new ArrayList<>();
    for (Production p : grammar.productions()) {
      if (p.program() instanceof Invented i) {
        blocks.add(i);
      }
    }
    Program body = new reverie.dsl.program.Index(0);
    int left = n;
    for (int b = blocks.size() - 1; b >= 0; b--) {
      int size = 2 << b;
      while (left >= size) {
        body = Program.apply(blocks.get(b), body);
        left -= size;
      }
    }
    for (; left > 0; left--) {
      body = Program.apply(INC, body);
    }
    return new reverie.dsl.program.Abstraction(body);
  }

  static int target(String task) {
    return Integer.parseInt(task.substring(3)) % 100;
  }

  /** Solves a task when its shortest program has at most {@code maxSize} nodes. */
  static final class Wake implements WakePhase<Integer> {
    final int maxSize;
    final List<Integer> iterations = new ArrayList<>();

    /** The prior each call was given, in call order. */
    final List<ContextualGrammar> priors = new ArrayList<>();

    IntConsumer onCall = i -> {};

    Wake(int maxSize) {
      this.maxSize = maxSize;
    }

    @Override
    public Result solve(
        ImmutableList<String> tasks,
        Grammar grammar,
        ContextualGrammar prior,
        Optional<Integer> model,
        PhaseContext context) {
      iterations.add(context.iteration());
      priors.add(prior);
      onCall.accept(context.iteration());
      Map<String, Frontier> out = new LinkedHashMap<>();
      context.progress().start("wake", tasks.size());
      int done = 0;
      for (String t : tasks) {
        Program p = solution(target(t), grammar);
        // A trained model lets the search go one node further.
        int budget = maxSize + model.orElse(0);
        out.put(
            t,
            p.size() <= budget
                ? new Frontier(t, REQUEST, ImmutableList.of(new FrontierEntry(p, -p.size(), 0.0)))
                : Frontier.empty(t, REQUEST));
        context.progress().step(++done, t);
      }
      context.progress().finish(tasks.size() + " tasks");
      return new Result(ImmutableMap.copyOf(out), 1000L * tasks.size());
    }
  }

  /**
   * Adds the next block invention (inc applied 2, 4, 8, ... times) and rewrites every frontier with
   * it.
   */
  static final class Abstraction implements AbstractionPhase {
    @Override
    public Result learn(
        Grammar grammar, ImmutableMap<String, Frontier> frontiers, PhaseContext context) {
      List<Production> productions = new ArrayList<>(grammar.productions());
      List<Invented> blocks = new ArrayList<>();
      for (Production p : productions) {
        if (p.program() instanceof Invented i) {
          blocks.add(i);
        }
      }
      Program twice = blocks.isEmpty() ? INC : blocks.get(blocks.size() - 1);
      Program body =
          new reverie.dsl.program.Abstraction(
              Program.apply(twice, Program.apply(twice, new reverie.dsl.program.Index(0))));
      productions.add(Production.of(new Invented(body, REQUEST), 0.0));
      Grammar next = new Grammar(grammar.logVariable(), ImmutableList.copyOf(productions));
      Map<String, Frontier> rewritten = new LinkedHashMap<>();
      frontiers.forEach(
          (t, f) -> {
            Program p = solution(target(t), next);
            rewritten.put(
                t,
                new Frontier(
                    t, f.request(), ImmutableList.of(new FrontierEntry(p, -p.size(), 0.0))));
          });
      return new Result(next, ImmutableMap.copyOf(rewritten));
    }
  }

  /** The model counts the dream phases it has been through and is saved as that number. */
  static final class Dream implements DreamPhase<Integer> {
    @Override
    public Optional<Integer> dream(
        Grammar grammar,
        ImmutableMap<String, Frontier> frontiers,
        Optional<Integer> previous,
        PhaseContext context) {
      return Optional.of(previous.orElse(0) + 1);
    }

    @Override
    public void save(Integer model, Path file) {
      try {
        Files.writeString(file.resolve("model.txt"), model.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Integer load(Path file, Grammar grammar) {
      try {
        return Integer.parseInt(Files.readString(file.resolve("model.txt")).trim());
      } catch (IOException | NumberFormatException e) {
        throw new InputException(file + ": not a model");
      }
    }
  }

  static RunConfig config(int iterations) {
    return new RunConfig(
        Optional.of("fake"),
        Optional.empty(),
        0.5,
        iterations,
        1.0,
        0,
        3,
        2,
        1.0,
        1.0,
        10,
        true,
        true,
        1,
        7);
  }

  static WakeSleepLoop<Integer> loop(
      CheckpointStore store, WakeSleepLoop.Split split, Wake wake, StopSignal stop) {
    return new WakeSleepLoop<>(
            store,
            split,
            BASE,
            RESOLVER,
            wake,
            new Abstraction(),
            new Dream(),
            ProgressListener.SILENT,
            stop)
        .drawCurve(false);
  }

  private FakePhases() {}
}
