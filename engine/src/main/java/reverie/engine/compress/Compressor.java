package reverie.engine.compress;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.EtaLong;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeError;
import reverie.dsl.type.TypeVariable;

/**
 * Stitch-style library learning: repeatedly finds the abstraction whose use most shortens a corpus
 * of programs (a top-down {@link Search}), rewrites the corpus with it, and reports what it
 * learned.
 *
 * <p>With {@code beam > 1} it keeps the {@code beam} cheapest corpora after each step (each
 * extended by the {@code beam} best abstractions of its own search) and returns the sequence with
 * the best CR_min, which can beat Stitch's single greedy choice per step.
 */
public final class Compressor {
  private final CompressionConfig config;
  private final Consumer<String> progress;
  private final InventionFilter filter;
  private final String lambdaWord;
  private final List<Program> inputs;
  private final int[] taskOf;
  private final int numTasks;

  /**
   * Program for each input symbol: primitives and existing inventions (learned ones live in each
   * State).
   */
  private final Map<String, Program> symbolPrograms = new HashMap<>();

  private Compressor(
      List<Program> programs,
      int[] taskOf,
      CompressionConfig config,
      String lambdaWord,
      Consumer<String> progress,
      InventionFilter filter) {
    this.inputs = programs;
    this.taskOf = taskOf;
    this.config = config;
    this.lambdaWord = lambdaWord;
    this.progress = progress;
    this.filter = filter;
    int tasks = 0;
    for (int t : taskOf) {
      tasks = Math.max(tasks, t + 1);
    }
    this.numTasks = tasks;
  }

  /**
   * Compresses frontiers: {@code frontiersByTask.get(t)} are the programs of task t (each task
   * counts by its cheapest program). With {@code config.typed()} only abstractions whose body
   * type-checks are kept, and each one's {@link Invented} carries its inferred type.
   */
  public static CompressionResult compress(
      List<List<Program>> frontiersByTask, CompressionConfig config) {
    List<Program> programs = new ArrayList<>();
    List<Integer> tasks = new ArrayList<>();
    for (int t = 0; t < frontiersByTask.size(); t++) {
      for (Program p : frontiersByTask.get(t)) {
        programs.add(p);
        tasks.add(t);
      }
    }
    return compress(programs, tasks, List.of(), config, "lambda", line -> {});
  }

  /**
   * Compresses {@code programs}, program i belonging to task {@code tasks.get(i)} (0, 1, ...).
   * {@code library} lists the existing inventions in the order that names them (Stitch names them
   * {@code dreamcoder_abstraction_i} by increasing printed length); inventions found only in the
   * programs are named after them. {@code lambdaWord} is the lambda keyword of printed programs;
   * {@code progress} receives one line per learned abstraction.
   */
  public static CompressionResult compress(
      List<Program> programs,
      List<Integer> tasks,
      List<Invented> library,
      CompressionConfig config,
      String lambdaWord,
      Consumer<String> progress) {
    return compress(programs, tasks, library, config, lambdaWord, progress, InventionFilter.ANY);
  }

  /**
   * As {@link #compress(List, List, List, CompressionConfig, String, Consumer)}, learning only the
   * (typed) inventions {@code filter} admits; it sees each candidate with the inventions learned
   * before it.
   */
  public static CompressionResult compress(
      List<Program> programs,
      List<Integer> tasks,
      List<Invented> library,
      CompressionConfig config,
      String lambdaWord,
      Consumer<String> progress,
      InventionFilter filter) {
    checkArgument(
        programs.size() == tasks.size(),
        "%s programs but %s task ids",
        programs.size(),
        tasks.size());
    int[] taskOf = tasks.stream().mapToInt(Integer::intValue).toArray();
    for (int t : taskOf) {
      checkArgument(t >= 0, "negative task id %s", t);
    }
    return new Compressor(programs, taskOf, config, lambdaWord, progress, filter).run(library);
  }

  /**
   * A corpus after some steps: the store with the rewritten programs and the abstractions learned.
   */
  private record State(
      NodeStore store,
      int[] roots,
      ImmutableList<LearnedAbstraction> learned,
      long bodiesCost,
      ImmutableMap<String, Program> learnedSymbols) {}

  private CompressionResult run(List<Invented> library) {
    long start = System.nanoTime();
    NodeStore store = new NodeStore(config.costs());
    Map<Invented, String> inventionNames = nameInventions(library);
    int[] roots = new int[inputs.size()];
    Map<Program, Integer> memo = new HashMap<>();
    for (int i = 0; i < roots.length; i++) {
      roots[i] = toNode(inputs.get(i), store, inventionNames, memo);
    }
    Corpus initial = new Corpus(store, roots, taskOf);
    ImmutableList<String> original = print(store, roots);
    State best = new State(store, roots, ImmutableList.of(), 0, ImmutableMap.of());
    List<State> beam = List.of(best);
    Set<String> reserved = new HashSet<>(store.symbols());
    int width =
        config.beam() > 0
            ? config.beam()
            : initial.cost < CompressionConfig.AUTO_BEAM_MAX_COST ? CompressionConfig.AUTO_BEAM : 1;
    for (int iteration = 0; iteration < config.iterations(); iteration++) {
      List<State> next = new ArrayList<>();
      Set<String> seenStates = new HashSet<>();
      long expansions = 0;
      for (State s : beam) {
        Corpus corpus = new Corpus(s.store(), s.roots(), taskOf);
        Search search = new Search(corpus, config, width, acceptor(s));
        List<Candidate> found = search.run();
        expansions += search.expansions();
        for (Candidate c : found) {
          State t = apply(s, corpus, c, abstractionName(iteration, reserved));
          if (t == null) {
            continue; // typed: a rewritten program no longer type-checks
          }
          // different orders of the same abstractions give the same corpus: keep one
          String key =
              t.learned().stream().map(LearnedAbstraction::dreamcoder).sorted().toList().toString();
          if (seenStates.add(key)) {
            next.add(t);
          }
        }
      }
      if (next.isEmpty()) {
        break;
      }
      next.sort(Comparator.comparingLong(this::denominator));
      beam = next.subList(0, Math.min(width, next.size()));
      State lead = beam.get(0);
      if (denominator(lead) <= denominator(best)) {
        best = lead;
      }
      LearnedAbstraction a = lead.learned().get(lead.learned().size() - 1);
      progress.accept(
          String.format(
              "iteration %d: %s utility %d uses %d cr_min %.4f expanded %d  %s",
              iteration,
              a.name(),
              a.utility(),
              a.uses(),
              (double) initial.cost / denominator(lead),
              expansions,
              a.body()));
    }
    Corpus last = new Corpus(best.store(), best.roots(), taskOf);
    ImmutableList<String> rewritten = print(best.store(), best.roots());
    Map<Integer, Program> programMemo = new HashMap<>();
    List<List<Program>> byTask = new ArrayList<>();
    for (int t = 0; t < numTasks; t++) {
      byTask.add(new ArrayList<>());
    }
    ImmutableList.Builder<String> dreamcoder = ImmutableList.builder();
    for (int p = 0; p < best.roots().length; p++) {
      Program program =
          toProgram(best.store(), best.roots()[p], programMemo, best.learnedSymbols());
      byTask.get(taskOf[p]).add(program);
      dreamcoder.add(program.toString());
    }
    ImmutableList<ImmutableList<Program>> rewrittenByTask =
        byTask.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    double seconds = (System.nanoTime() - start) / 1e9;
    return new CompressionResult(
        best.learned(),
        original,
        rewritten,
        dreamcoder.build(),
        rewrittenByTask,
        initial.cost,
        last.cost,
        last.cost == 0 ? 1.0 : (double) initial.cost / last.cost,
        (double) initial.cost / Math.max(1, last.cost + best.bodiesCost()),
        seconds);
  }

  private long denominator(State s) {
    return new Corpus(s.store(), s.roots(), taskOf).cost + s.bodiesCost();
  }

  private static String abstractionName(int iteration, Set<String> reserved) {
    String name = "fn_" + iteration;
    while (reserved.contains(name)) {
      name = name + "_";
    }
    return name;
  }

  private Map<Invented, String> nameInventions(List<Invented> library) {
    Map<Invented, String> names = new LinkedHashMap<>();
    List<Invented> sorted = new ArrayList<>(library);
    sorted.sort(Comparator.comparingInt(i -> i.toString().length()));
    for (Invented i : sorted) {
      names.putIfAbsent(i, "dreamcoder_abstraction_" + names.size());
    }
    return names;
  }

  private int toNode(
      Program p, NodeStore store, Map<Invented, String> names, Map<Program, Integer> memo) {
    Integer known = memo.get(p);
    if (known != null) {
      return known;
    }
    int n;
    if (p instanceof Application a) {
      int f = toNode(a.function(), store, names, memo);
      n = store.app(f, toNode(a.argument(), store, names, memo));
    } else if (p instanceof Abstraction l) {
      n = store.lam(toNode(l.body(), store, names, memo));
    } else if (p instanceof Index i) {
      n = store.var(i.index());
    } else if (p instanceof Primitive prim) {
      symbolPrograms.putIfAbsent(prim.name(), prim);
      n = store.prim(prim.name());
    } else if (p instanceof Invented inv) {
      String name = names.computeIfAbsent(inv, i -> "dreamcoder_abstraction_" + names.size());
      symbolPrograms.putIfAbsent(name, inv);
      n = store.prim(name);
    } else {
      throw new AssertionError(p);
    }
    memo.put(p, n);
    return n;
  }

  private Program toProgram(
      NodeStore store, int n, Map<Integer, Program> memo, Map<String, Program> learned) {
    Program known = memo.get(n);
    if (known != null) {
      return known;
    }
    Program p =
        switch (store.kind(n)) {
          case NodeStore.APP ->
              new Application(
                  toProgram(store, store.left(n), memo, learned),
                  toProgram(store, store.right(n), memo, learned));
          case NodeStore.LAM -> new Abstraction(toProgram(store, store.left(n), memo, learned));
          case NodeStore.VAR -> new Index(store.left(n));
          default -> symbolProgram(store.symbolName(store.left(n)), learned);
        };
    memo.put(n, p);
    return p;
  }

  private Program symbolProgram(String name, Map<String, Program> learned) {
    Program p = learned.get(name);
    if (p == null) {
      p = symbolPrograms.get(name);
    }
    if (p == null) {
      throw new IllegalStateException("no program for symbol " + name);
    }
    return p;
  }

  private ImmutableList<String> print(NodeStore store, int[] roots) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (int r : roots) {
      out.add(store.print(r, lambdaWord));
    }
    return out.build();
  }

  /** The body of a candidate as a program: {@code #i} becomes {@code $(depth + arity - 1 - i)}. */
  private Program bodyProgram(
      NodeStore store, int[] tokens, int arity, Map<String, Program> learned) {
    int[] pos = {0};
    Program body = buildBody(store, tokens, pos, 0, arity, learned);
    return Program.lambdas(arity, body);
  }

  private Program buildBody(
      NodeStore store,
      int[] tokens,
      int[] pos,
      int depth,
      int arity,
      Map<String, Program> learned) {
    int t = tokens[pos[0]++];
    return switch (Pattern.kind(t)) {
      case Pattern.T_APP -> {
        Program f = buildBody(store, tokens, pos, depth, arity, learned);
        yield new Application(f, buildBody(store, tokens, pos, depth, arity, learned));
      }
      case Pattern.T_LAM ->
          new Abstraction(buildBody(store, tokens, pos, depth + 1, arity, learned));
      case Pattern.T_VAR -> new Index(Pattern.payload(t));
      case Pattern.T_PRIM -> symbolProgram(store.symbolName(Pattern.payload(t)), learned);
      default -> new Index(depth + arity - 1 - Pattern.payload(t));
    };
  }

  /** The body in Stitch's syntax with {@code #i} arguments. */
  private String bodyText(NodeStore store, int[] tokens) {
    int[] pos = {0};
    StringBuilder sb = new StringBuilder();
    printBody(store, tokens, pos, sb);
    return sb.toString();
  }

  private void printBody(NodeStore store, int[] tokens, int[] pos, StringBuilder sb) {
    int t = tokens[pos[0]++];
    switch (Pattern.kind(t)) {
      case Pattern.T_APP -> {
        // collect the spine: the head is reached by following function positions
        List<StringBuilder> args = new ArrayList<>();
        int apps = 1;
        while (Pattern.kind(tokens[pos[0]]) == Pattern.T_APP) {
          pos[0]++;
          apps++;
        }
        StringBuilder head = new StringBuilder();
        printBody(store, tokens, pos, head);
        for (int i = 0; i < apps; i++) {
          StringBuilder a = new StringBuilder();
          printBody(store, tokens, pos, a);
          args.add(a);
        }
        sb.append('(').append(head);
        // pre-order gives the innermost application's argument first
        for (StringBuilder a : args) {
          sb.append(' ').append(a);
        }
        sb.append(')');
      }
      case Pattern.T_LAM -> {
        sb.append('(').append(lambdaWord).append(' ');
        printBody(store, tokens, pos, sb);
        sb.append(')');
      }
      case Pattern.T_VAR -> sb.append('$').append(Pattern.payload(t));
      case Pattern.T_PRIM -> sb.append(store.symbolName(Pattern.payload(t)));
      default -> sb.append('#').append(Pattern.payload(t));
    }
  }

  private Predicate<Candidate> acceptor(State s) {
    if (!config.typed()) {
      return null;
    }
    return c -> {
      Program body = bodyProgram(s.store(), c.tokens(), c.arity(), s.learnedSymbols());
      if (onlyRewraps(body)) {
        return false;
      }
      Type type;
      try {
        type = TypeInference.infer(body);
      } catch (TypeError e) {
        return false;
      }
      List<Invented> before = new ArrayList<>();
      for (LearnedAbstraction l : s.learned()) {
        before.add(l.invented());
      }
      return filter.admits(new Invented(body, type), before);
    };
  }

  /**
   * Whether an abstraction body adds nothing but eta-expansion: it eta-reduces to a primitive or an
   * earlier invention (e.g. {@code (lambda (lambda (map $1 $0)))}), or to a pure combinator with no
   * primitive at all (e.g. {@code (lambda (lambda (lambda ($2 $1 $0))))}, the identity). In the
   * typed (loop) setting programs are eta-long, so such an abstraction shortens the corpus by the
   * expansions it saves, which the loop puts back when it eta-expands the rewritten programs.
   */
  static boolean onlyRewraps(Program body) {
    Program reduced = EtaLong.reduce(body);
    return reduced instanceof Primitive
        || reduced instanceof Invented
        || !mentionsAProduction(reduced);
  }

  private static boolean mentionsAProduction(Program p) {
    if (p instanceof Primitive || p instanceof Invented) {
      return true;
    }
    if (p instanceof Abstraction a) {
      return mentionsAProduction(a.body());
    }
    if (p instanceof Application app) {
      return mentionsAProduction(app.function()) || mentionsAProduction(app.argument());
    }
    return false;
  }

  /**
   * Rewrites the corpus of {@code s} with candidate {@code c} named {@code name}; null in the typed
   * setting when a rewritten program does not type-check.
   */
  private State apply(State s, Corpus corpus, Candidate c, String name) {
    NodeStore store = s.store();
    RewriteDp dp = new RewriteDp(corpus);
    dp.run(c.locs(), c.gain(), c.argOrig());
    NodeStore out = new NodeStore(config.costs(), store.symbols());
    int fn = out.prim(name);
    int[] memo = new int[corpus.size];
    Arrays.fill(memo, -1);
    int[] rewritten = new int[s.roots().length];
    for (int p = 0; p < rewritten.length; p++) {
      rewritten[p] = rewrite(corpus, dp, c, fn, out, s.roots()[p], memo);
    }
    // compact: the store also holds unshifted argument copies no program uses
    NodeStore compact = new NodeStore(config.costs(), out.symbols());
    int[] copyMemo = new int[out.size()];
    Arrays.fill(copyMemo, -1);
    int[] roots = new int[rewritten.length];
    for (int p = 0; p < roots.length; p++) {
      roots[p] = compact.copy(out, rewritten[p], copyMemo);
    }
    Corpus after = new Corpus(compact, roots, taskOf);
    if (after.cost != corpus.cost - c.reduction()) {
      throw new IllegalStateException(
          String.format(
              "rewriting with %s changed the cost by %d, not the predicted %d",
              bodyText(store, c.tokens()), corpus.cost - after.cost, c.reduction()));
    }
    int fnNode = compact.find(NodeStore.PRIM, compact.symbol(name), 0);
    long uses = fnNode < 0 ? 0 : after.occurrences[fnNode];
    Program lambda = bodyProgram(store, c.tokens(), c.arity(), s.learnedSymbols());
    Type type = config.typed() ? TypeInference.infer(lambda) : new TypeVariable(0);
    Invented invented = new Invented(lambda, type);
    ImmutableMap<String, Program> symbols =
        ImmutableMap.<String, Program>builder()
            .putAll(s.learnedSymbols())
            .put(name, invented)
            .buildOrThrow();
    LearnedAbstraction learned =
        new LearnedAbstraction(
            name,
            bodyText(store, c.tokens()),
            invented.toString(),
            c.arity(),
            c.utility(),
            uses,
            invented);
    ImmutableList<LearnedAbstraction> all =
        ImmutableList.<LearnedAbstraction>builder().addAll(s.learned()).add(learned).build();
    if (config.typed()) {
      // an argument used at two different instances of a polymorphic type in the original can make
      // the
      // rewritten program ill-typed (the abstraction's parameter is monomorphic): such candidates
      // are skipped
      Map<Integer, Program> programs = new HashMap<>();
      for (int p = 0; p < roots.length; p++) {
        try {
          TypeInference.infer(toProgram(compact, roots[p], programs, symbols));
        } catch (TypeError e) {
          return null;
        }
      }
    }
    return new State(compact, roots, all, s.bodiesCost() + c.bodyCost(), symbols);
  }

  private int rewrite(
      Corpus corpus, RewriteDp dp, Candidate c, int fn, NodeStore out, int n, int[] memo) {
    if (memo[n] >= 0) {
      return memo[n];
    }
    NodeStore in = corpus.store;
    int r;
    int use = dp.useAt(n, c.gain(), c.argOrig());
    if (use >= 0) {
      r = fn;
      for (int j = 0; j < c.arity(); j++) {
        int arg = rewrite(corpus, dp, c, fn, out, c.argOrig()[j][use], memo);
        r = out.app(r, out.shift(arg, -c.argDepth()[j], 0));
      }
    } else {
      r =
          switch (in.kind(n)) {
            case NodeStore.APP -> {
              int f = rewrite(corpus, dp, c, fn, out, in.left(n), memo);
              yield out.app(f, rewrite(corpus, dp, c, fn, out, in.right(n), memo));
            }
            case NodeStore.LAM -> out.lam(rewrite(corpus, dp, c, fn, out, in.left(n), memo));
            case NodeStore.VAR -> out.var(in.left(n));
            default -> out.prim(in.symbolName(in.left(n)));
          };
    }
    memo[n] = r;
    return r;
  }
}
