package reverie.engine.enumerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Program;

/**
 * One thread's depth-first search: enumerates the completions of a partial program whose description length
 * (-log prior, nats) lies in a window [lo, hi), each exactly once.
 *
 * <p>The state is an agenda of holes (a stack, filled left to right so that later arguments see the types
 * the earlier ones imply, as in DreamCoder) and the heads chosen so far in preorder. Choosing a candidate
 * binds type variables through the {@link Unifier}'s trail and is undone on backtracking; nothing is copied
 * per candidate. Costs are accumulated along the path in one fixed order, so the leaf test {@code lo <= cost}
 * and the pruning test {@code cost >= hi} agree exactly between windows: every program falls in one window.
 */
final class Enumerator {
  private static final int POLL_INTERVAL = 1 << 12;

  private final CompiledGrammar grammar;
  private final CandidateCache cache;
  private final Program[] variablesByIndex = new Program[64];
  private Unifier unifier = new Unifier(0);

  private FastType[] holeType = new FastType[64];
  private Env[] holeEnv = new Env[64];
  private int[] holeContext = new int[64];
  private int holes;

  private int[] heads = new int[64];
  private int[] arities = new int[64];
  private int nodes;

  private int[][] maps = new int[64][];
  private int depth;

  private double lo;
  private double hi;
  private ProgramSink sink;
  private BooleanSupplier stop;
  private boolean stopped;
  private int pollCountdown;
  private int buildPosition;

  /** Programs emitted since construction. */
  long emitted;
  /** Holes expanded since construction. */
  long expansions;
  // Whether some branch was cut by the window's upper bound since the last takePruned(); when a whole
  // window cuts nothing, the (finite) program space is exhausted.
  private boolean pruned;

  Enumerator(CompiledGrammar grammar) {
    this.grammar = grammar;
    this.cache = new CandidateCache(grammar);
    for (int i = 0; i < variablesByIndex.length; i++) {
      variablesByIndex[i] = new Index(i);
    }
  }

  boolean takePruned() {
    boolean p = pruned;
    pruned = false;
    return p;
  }

  int cachedTables() {
    return cache.size();
  }

  /**
   * Emits every completion of {@code start} with cost in [lo, hi) to {@code sink}; returns false when the
   * sink or {@code stop} asked to stop.
   */
  boolean run(PartialProgram start, double lo, double hi, ProgramSink sink, BooleanSupplier stop) {
    this.lo = lo;
    this.hi = hi;
    this.sink = sink;
    this.stop = stop;
    this.stopped = false;
    this.pollCountdown = POLL_INTERVAL;
    load(start);
    if (start.cost < hi) {
      search(start.cost);
    } else {
      pruned = true;
    }
    return !stopped;
  }

  /** The children of a partial program: its first hole filled in every possible way (all costs). */
  List<PartialProgram> children(PartialProgram p) {
    load(p);
    List<PartialProgram> out = new ArrayList<>();
    int h = --holes;
    FastType request = unifier.shallow(holeType[h]);
    Env env = holeEnv[h];
    int context = holeContext[h];
    if (request.isArrow()) {
      pushNode(Candidate.LAMBDA, 0);
      setHole(h, request.arguments[1], new Env(request.arguments[0], env), context);
      holes = h + 1;
      out.add(snapshot(p.cost));
      return out;
    }
    CandidateTable table = cache.lookup(context, request, env, unifier);
    int[] map = map(0, table);
    for (Candidate c : table.candidates) {
      long mark = unifier.mark();
      apply(c, map, table.keyVariables, h, env);
      out.add(snapshot(p.cost + c.cost));
      nodes--;
      holes = h;
      unifier.undo(mark);
    }
    return out;
  }

  private void load(PartialProgram p) {
    unifier = new Unifier(p.variableBound);
    holes = 0;
    nodes = 0;
    depth = 0;
    for (int i = 0; i < p.heads.length; i++) {
      pushNode(p.heads[i], p.arities[i]);
    }
    for (int i = 0; i < p.holeTypes.length; i++) {
      ensureHoles(holes + 1);
      setHole(holes++, p.holeTypes[i], p.holeEnvs[i], p.holeContexts[i]);
    }
  }

  private PartialProgram snapshot(double cost) {
    FastType[] types = new FastType[holes];
    Env[] envs = new Env[holes];
    for (int i = 0; i < holes; i++) {
      types[i] = unifier.resolve(holeType[i]);
      envs[i] = resolve(holeEnv[i]);
    }
    return new PartialProgram(
        Arrays.copyOf(heads, nodes),
        Arrays.copyOf(arities, nodes),
        types,
        envs,
        Arrays.copyOf(holeContext, holes),
        cost,
        unifier.nextVariable());
  }

  private Env resolve(Env e) {
    return e == null ? null : new Env(unifier.resolve(e.type), resolve(e.next));
  }

  private void search(double cost) {
    if (holes == 0) {
      if (cost >= lo) {
        emit(cost);
      }
      return;
    }
    if (--pollCountdown == 0) {
      pollCountdown = POLL_INTERVAL;
      if (stop.getAsBoolean()) {
        stopped = true;
        return;
      }
    }
    expansions++;
    int h = --holes;
    FastType original = holeType[h];
    FastType request = unifier.shallow(original);
    Env env = holeEnv[h];
    int context = holeContext[h];
    if (request.isArrow()) {
      // Eta-long: an arrow-typed hole is always a lambda; it costs nothing.
      pushNode(Candidate.LAMBDA, 0);
      setHole(h, request.arguments[1], new Env(request.arguments[0], env), context);
      holes = h + 1;
      search(cost);
      nodes--;
    } else {
      CandidateTable table = cache.lookup(context, request, env, unifier);
      int[] map = map(depth, table);
      int m = table.keyVariables;
      depth++;
      for (Candidate c : table.candidates) {
        double next = cost + c.cost;
        if (next >= hi) {
          pruned = true;
          break; // candidates are sorted by cost and costs only grow along a path
        }
        long mark = unifier.mark();
        apply(c, map, m, h, env);
        search(next);
        nodes--;
        holes = h;
        unifier.undo(mark);
        if (stopped) {
          break;
        }
      }
      depth--;
    }
    setHole(h, original, env, context);
    holes = h + 1;
  }

  /** The frame's variable map: key variables first (copied from the cache), room for fresh ones after. */
  private int[] map(int level, CandidateTable table) {
    if (level >= maps.length) {
      maps = Arrays.copyOf(maps, maps.length * 2);
    }
    int need = table.keyVariables + table.maxFresh;
    int[] map = maps[level];
    if (map == null || map.length < need) {
      map = new int[Math.max(need, 16)];
      maps[level] = map;
    }
    System.arraycopy(cache.keyVariables, 0, map, 0, table.keyVariables);
    return map;
  }

  /** Applies a candidate at hole {@code h}: binds key variables, records the head, pushes argument holes. */
  private void apply(Candidate c, int[] map, int m, int h, Env env) {
    if (c.fresh > 0) {
      int base = unifier.allocate(c.fresh);
      for (int r = 0; r < c.fresh; r++) {
        map[m + r] = base + r;
      }
    }
    for (int k = 0; k < c.boundKeys.length; k++) {
      unifier.bindUnchecked(map[c.boundKeys[k]], c.boundTo[k].rename(map));
    }
    pushNode(c.head, c.arguments.length);
    int n = c.arguments.length;
    ensureHoles(h + n);
    // Pushed in reverse so that the first argument is on top of the stack and is filled first.
    for (int i = n - 1, slot = h; i >= 0; i--, slot++) {
      setHole(slot, c.arguments[i].rename(map), env, c.argumentContexts[i]);
    }
    holes = h + n;
  }

  private void emit(double cost) {
    emitted++;
    buildPosition = 0;
    Program p = build();
    if (!sink.accept(p, -cost)) {
      stopped = true;
    }
  }

  private Program build() {
    int i = buildPosition++;
    int head = heads[i];
    if (head == Candidate.LAMBDA) {
      return new Abstraction(build());
    }
    Program p = head >= 0 ? grammar.programs[head] : variable(-head - 1);
    for (int a = arities[i]; a > 0; a--) {
      p = new Application(p, build());
    }
    return p;
  }

  private Program variable(int index) {
    return index < variablesByIndex.length ? variablesByIndex[index] : new Index(index);
  }

  private void pushNode(int head, int arity) {
    if (nodes == heads.length) {
      heads = Arrays.copyOf(heads, nodes * 2);
      arities = Arrays.copyOf(arities, nodes * 2);
    }
    heads[nodes] = head;
    arities[nodes] = arity;
    nodes++;
  }

  private void setHole(int i, FastType type, Env env, int context) {
    holeType[i] = type;
    holeEnv[i] = env;
    holeContext[i] = context;
  }

  private void ensureHoles(int n) {
    if (n > holeType.length) {
      int size = Math.max(n, holeType.length * 2);
      holeType = Arrays.copyOf(holeType, size);
      holeEnv = Arrays.copyOf(holeEnv, size);
      holeContext = Arrays.copyOf(holeContext, size);
    }
  }
}
