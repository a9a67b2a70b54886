package reverie.engine.enumerate;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.type.Type;
import reverie.tasks.SymmetryRules;

/**
 * Enumerates the programs of a request type under a grammar in DreamCoder's cost windows: all
 * programs with description length in [0, 1.5), then [1.5, 3), and so on, each exactly once with
 * its log-prior.
 *
 * <p>With several threads the search space is split as DreamCoder does: a best-first expansion from
 * the root makes a fringe of about ten partial programs per thread, and in every window the threads
 * take fringe elements in cost order. Every program is a completion of exactly one fringe element,
 * so the set of programs per window does not depend on the thread count; only the order in which
 * sinks see them does.
 */
public final class ProgramEnumeration {
  /** DreamCoder's window width in nats. */
  public static final double WINDOW = 1.5;

  private static final int FRINGE_PER_THREAD = 10;

  private final CompiledGrammar grammar;
  private final FastType request;
  private final CompiledSymmetries symmetries;

  /** Enumeration of {@code request} under a contextual grammar, every program. */
  public ProgramEnumeration(ContextualGrammar grammar, Type request) {
    this(grammar, request, SymmetryRules.NONE);
  }

  /**
   * Enumeration of {@code request} under a contextual grammar, without the programs in which one of
   * {@code symmetries} applies; the others come each once with the grammar's log-prior, as without
   * rules.
   */
  public ProgramEnumeration(ContextualGrammar grammar, Type request, SymmetryRules symmetries) {
    this.grammar = CompiledGrammar.of(grammar);
    this.request = this.grammar.names.fromType(request);
    this.symmetries = CompiledSymmetries.of(this.grammar, symmetries);
  }

  /** Enumeration of {@code request} under a unigram grammar (the same weights in every context). */
  public ProgramEnumeration(Grammar grammar, Type request) {
    this(CompiledGrammar.contextual(grammar), request);
  }

  /** As {@link #ProgramEnumeration(ContextualGrammar, Type, SymmetryRules)}, unigram. */
  public ProgramEnumeration(Grammar grammar, Type request, SymmetryRules symmetries) {
    this(CompiledGrammar.contextual(grammar), request, symmetries);
  }

  CompiledGrammar grammar() {
    return grammar;
  }

  /**
   * What a run did: the programs emitted, and the search's work behind them (holes expanded, and
   * heads or finished arguments a symmetry rule refused, in all and by the rule's text for the
   * rules that refused any, most first).
   */
  public record Outcome(
      long programs,
      double natsReached,
      boolean exhausted,
      double workerCpuSeconds,
      long expansions,
      long refused,
      ImmutableMap<String, Long> refusedByRule) {}

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  // CPU time of the worker threads of the current run, in nanoseconds.
  private final java.util.concurrent.atomic.AtomicLong workerCpu =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * Enumerates windows from 0 until {@code maxNats} (exclusive; infinity for no bound), until the
   * sink of a worker returns false or {@code stop} answers true, or until no program is left.
   *
   * @param sinks makes one sink per worker thread (called once per worker, index 0..threads-1)
   */
  public Outcome run(
      int threads, double maxNats, IntFunction<ProgramSink> sinks, BooleanSupplier stop) {
    checkArgument(threads >= 1, "threads must be at least 1, not %s", threads);
    checkArgument(maxNats > 0, "max nats must be positive, not %s", maxNats);
    Enumerator[] workers = new Enumerator[threads];
    ProgramSink[] workerSinks = new ProgramSink[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Enumerator(grammar, symmetries);
      workerSinks[i] = sinks.apply(i);
    }
    List<PartialProgram> fringe =
        threads == 1
            ? List.of(PartialProgram.root(grammar, request))
            : fringe(workers[0], FRINGE_PER_THREAD * threads);
    workerCpu.set(0);
    AtomicBoolean stopped = new AtomicBoolean();
    BooleanSupplier halt = () -> stopped.get() || stop.getAsBoolean();
    ExecutorService pool =
        threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemon());
    try {
      double lo = 0;
      while (lo < maxNats) {
        double hi = Math.min(lo + WINDOW, maxNats);
        runWindow(fringe, lo, hi, workers, workerSinks, halt, stopped, pool);
        if (stopped.get() || stop.getAsBoolean()) {
          return outcome(workers, lo, false);
        }
        boolean pruned = false;
        for (Enumerator w : workers) {
          pruned |= w.takePruned();
        }
        lo = hi;
        if (!pruned) {
          return outcome(workers, lo, true);
        }
      }
      return outcome(workers, maxNats, false);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private Outcome outcome(Enumerator[] workers, double natsReached, boolean exhausted) {
    long programs = 0;
    long expansions = 0;
    long refused = 0;
    Map<String, Long> byText = new HashMap<>();
    for (Enumerator w : workers) {
      programs += w.emitted;
      expansions += w.expansions;
      for (int r = 0; r < w.refusedByRule.length; r++) {
        refused += w.refusedByRule[r];
        if (w.refusedByRule[r] > 0) {
          byText.merge(symmetries.ruleText(r), w.refusedByRule[r], Long::sum);
        }
      }
    }
    ImmutableMap.Builder<String, Long> rules = ImmutableMap.builder();
    byText.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEachOrdered(rules::put);
    return new Outcome(
        programs,
        natsReached,
        exhausted,
        workerCpu.get() / 1e9,
        expansions,
        refused,
        rules.buildOrThrow());
  }

  private void runWindow(
      List<PartialProgram> fringe,
      double lo,
      double hi,
      Enumerator[] workers,
      ProgramSink[] sinks,
      BooleanSupplier halt,
      AtomicBoolean stopped,
      ExecutorService pool) {
    AtomicInteger nextItem = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 1; w < workers.length; w++) {
      int worker = w;
      futures.add(
          pool.submit(
              () ->
                  drain(fringe, nextItem, lo, hi, workers[worker], sinks[worker], halt, stopped)));
    }
    drain(fringe, nextItem, lo, hi, workers[0], sinks[0], halt, stopped);
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped.set(true);
      } catch (ExecutionException e) {
        stopped.set(true);
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  private void drain(
      List<PartialProgram> fringe,
      AtomicInteger nextItem,
      double lo,
      double hi,
      Enumerator worker,
      ProgramSink sink,
      BooleanSupplier halt,
      AtomicBoolean stopped) {
    long start = CPU.getCurrentThreadCpuTime();
    try {
      for (int i = nextItem.getAndIncrement(); i < fringe.size(); i = nextItem.getAndIncrement()) {
        if (halt.getAsBoolean() || !worker.run(fringe.get(i), lo, hi, sink, halt)) {
          stopped.set(true);
          return;
        }
      }
    } finally {
      workerCpu.addAndGet(CPU.getCurrentThreadCpuTime() - start);
    }
  }

  /**
   * Best-first expansion from the root until there are {@code target} partial programs (or none to
   * expand).
   */
  List<PartialProgram> fringe(Enumerator expander, int target) {
    // Ties are broken by creation order so that the fringe, and hence the split, is deterministic.
    record Item(PartialProgram partial, long order) {}
    PriorityQueue<Item> open =
        new PriorityQueue<>(
            Comparator.comparingDouble((Item i) -> i.partial().cost)
                .thenComparingLong(Item::order));
    List<Item> complete = new ArrayList<>();
    long order = 0;
    open.add(new Item(PartialProgram.root(grammar, request), order++));
    while (!open.isEmpty() && open.size() + complete.size() < target) {
      Item item = open.poll();
      for (PartialProgram child : expander.children(item.partial())) {
        Item c = new Item(child, order++);
        if (child.isComplete()) {
          complete.add(c);
        } else {
          open.add(c);
        }
      }
    }
    List<Item> all = new ArrayList<>(open);
    all.addAll(complete);
    all.sort(
        Comparator.comparingDouble((Item i) -> i.partial().cost).thenComparingLong(Item::order));
    List<PartialProgram> out = new ArrayList<>();
    for (Item i : all) {
      out.add(i.partial());
    }
    return out;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "enumerate-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
