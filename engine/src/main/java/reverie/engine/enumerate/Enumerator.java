package reverie.engine.enumerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Program;

/**
 * One thread's depth-first search: enumerates the completions of a partial program whose
 * description length (-log prior, nats) lies in a window [lo, hi), each exactly once.
 *
 * <p>The state is an agenda of holes (a stack, filled left to right so that later arguments see the
 * types the earlier ones imply, as in DreamCoder) and the heads chosen so far in preorder. Choosing
 * a candidate binds type variables through the {@link Unifier}'s trail and is undone on
 * backtracking; nothing is copied per candidate. Costs are accumulated along the path in one fixed
 * order, so the leaf test {@code lo <= cost} and the pruning test {@code cost >= hi} agree exactly
 * between windows: every program falls in one window.
 */
final class Enumerator {
  private static final int POLL_INTERVAL = 1 << 12;

  // Lists of finished subtrees (see Completions): at most this many subtrees in one list (a hole
  // with more is searched), and this many in all the lists of one thread. A stored subtree costs
  // about a hundred bytes (its root's Application and Code, and its places in the arrays): at most
  // 200 MB per thread, and a fortieth of the heap.
  private static final int COMPLETIONS_LIMIT = 1 << 13;
  private static final long COMPLETIONS_STORED =
      Math.min(1 << 21, Runtime.getRuntime().maxMemory() / 4096);
  // A list is not built again for a budget within this many nats of one whose build overflowed.
  private static final double OVERFLOW_MARGIN = 1.0;

  private final CompiledGrammar grammar;
  private final CandidateCache cache;
  private final CompiledSymmetries symmetries;
  private final CompiledSymmetries.Matcher matcher = new CompiledSymmetries.Matcher();
  private Unifier unifier = new Unifier(0);

  private FastType[] holeType = new FastType[64];
  private Env[] holeEnv = new Env[64];
  private int[] holeContext = new int[64];
  // holeBound[i] = sum of the minimum costs of holes 0..i-1: what the holes below i must still cost
  // at least.
  private double[] holeBound = new double[65];
  // holeLb[i]: lower bound on the cost of completing hole i.
  private double[] holeLb = new double[64];
  // holeOwner[i]: the candidate whose argument holeArgument[i] hole i is, when that argument's
  // table is the same wherever the candidate is used (see apply); null otherwise.
  private Candidate[] holeOwner = new Candidate[64];
  private int[] holeArgument = new int[64];
  private int holes;

  // The program built so far: a persistent stack of unfinished applications and lambdas. Finished
  // subtrees
  // are built once, when their last hole is filled, and shared by every completion of the holes
  // after them.
  private Frame top;
  private Program completed;
  private Code completedCode;
  // Non-null when the sink wants code: then every finished subtree is also compiled once.
  private CodeBuilder codes;
  private CodeSink codeSink;

  private int[][] maps = new int[64][];
  private int depth;

  private double lo;
  private double hi;
  private ProgramSink sink;
  private BooleanSupplier stop;
  private boolean stopped;
  private int pollCountdown;

  /** Programs emitted since construction. */
  long emitted;

  /** Holes expanded since construction. */
  long expansions;

  // Whether some branch was cut by the window's upper bound since the last takePruned(); when a
  // whole
  // window cuts nothing, the (finite) program space is exhausted.
  private boolean pruned;

  /**
   * Programs or branches refused by a symmetry rule since construction, by the rule that refused,
   * numbered as in the domain's rule set.
   */
  final long[] refusedByRule;

  Enumerator(CompiledGrammar grammar) {
    this(grammar, CompiledSymmetries.NONE);
  }

  Enumerator(CompiledGrammar grammar, CompiledSymmetries symmetries) {
    this(grammar, symmetries, COMPLETIONS_LIMIT);
  }

  /**
   * An enumerator whose lists of finished subtrees hold at most {@code listLimit} each (0: none,
   * every hole is searched); the programs and their order do not depend on it.
   */
  Enumerator(CompiledGrammar grammar, CompiledSymmetries symmetries, int listLimit) {
    this(
        grammar,
        new CandidateCache(grammar, symmetries),
        symmetries,
        new long[symmetries.ruleCount()],
        new long[1],
        listLimit);
  }

  private Enumerator(
      CompiledGrammar grammar,
      CandidateCache cache,
      CompiledSymmetries symmetries,
      long[] refusedByRule,
      long[] stored,
      int listLimit) {
    this.grammar = grammar;
    this.cache = cache;
    this.symmetries = symmetries;
    this.refusedByRule = refusedByRule;
    this.stored = stored;
    this.listLimit = listLimit;
  }

  // The enumerator that builds this one's lists: it shares the cache (so the tables, and the lists
  // they hold) and the counts of refusals; one level deeper per build inside a build.
  private Enumerator child;
  // Subtrees held by the lists of this thread (one counter for the whole chain of children).
  private final long[] stored;
  private final int listLimit;
  // While building a list: where its subtrees go, and the refused heads at its hole.
  private Completions.Builder collecting;
  private CompiledSymmetries.Refusal rootRefusal;
  // Whether the last build stopped because its list passed listLimit.
  private boolean overflowed;
  // The largest cost-plus-bound compared with hi since the last build began (see Completions).
  private double maxChecked;
  // The head of `completed` (as valueHead in finish).
  private int completedHead;

  boolean takePruned() {
    boolean p = pruned;
    pruned = false;
    return p;
  }

  int cachedTables() {
    return cache.size();
  }

  /**
   * Emits every completion of {@code start} with cost in [lo, hi) to {@code sink}; returns false
   * when the sink or {@code stop} asked to stop.
   */
  boolean run(PartialProgram start, double lo, double hi, ProgramSink sink, BooleanSupplier stop) {
    this.lo = lo;
    this.hi = hi;
    this.sink = sink;
    this.stop = stop;
    this.stopped = false;
    this.pollCountdown = POLL_INTERVAL;
    this.codeSink = sink instanceof CodeSink c ? c : null;
    this.codes = codeSink == null ? null : codeSink.codeBuilder();
    load(start);
    if (start.cost + holeBound[holes] < hi) {
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
    Frame saved = top;
    if (request.isArrow()) {
      top = Frame.lambda(saved);
      setHole(h, request.arguments[1], new Env(request.arguments[0], env), context, holeLb[h]);
      holes = h + 1;
      out.add(snapshot(p.cost));
      return out;
    }
    CandidateTable table = cache.lookup(context, request, env, unifier);
    CompiledSymmetries.Refusal refusal = refusalAt(saved);
    int[] map = map(0, table);
    for (Candidate c : table.candidates) {
      if (refusal != null && refusal.refuses(c.head)) {
        continue;
      }
      long mark = unifier.mark();
      if (apply(c, map, table.keyVariables, h, env)) {
        out.add(snapshot(p.cost + c.cost));
      }
      top = saved;
      holes = h;
      unifier.undo(mark);
    }
    return out;
  }

  private void load(PartialProgram p) {
    unifier = new Unifier(p.variableBound);
    holes = 0;
    depth = 0;
    top = codes == null ? p.frame : withCode(p.frame);
    completed = p.completed;
    completedCode = p.completed == null || codes == null ? null : codes.compile(p.completed);
    for (int i = 0; i < p.holeTypes.length; i++) {
      ensureHoles(holes + 1);
      setHole(
          holes++,
          p.holeTypes[i],
          p.holeEnvs[i],
          p.holeContexts[i],
          p.holeBounds == null
              ? cache.holeLowerBound(p.holeTypes[i], p.holeContexts[i])
              : p.holeBounds[i]);
    }
  }

  /**
   * A fringe element's frames with the code of their heads and finished arguments (compiled once
   * per load).
   */
  private Frame withCode(Frame f) {
    if (f == null) {
      return null;
    }
    Frame parent = withCode(f.parent);
    if (f.partial == null) {
      return Frame.lambda(parent);
    }
    java.util.List<Program> done = f.partial.applicationArguments();
    Code head = codes.compile(f.partial.applicationHead());
    // The chain of earlier frames carries only the finished arguments' code.
    Frame chain = null;
    for (Program argument : done) {
      chain = new Frame(null, 0, null, f.headId, f.arity, head, codes.compile(argument), chain);
    }
    return new Frame(
        f.partial,
        f.remaining,
        parent,
        f.headId,
        f.arity,
        head,
        chain == null ? null : chain.argument,
        chain == null ? null : chain.earlier);
  }

  private PartialProgram snapshot(double cost) {
    FastType[] types = new FastType[holes];
    Env[] envs = new Env[holes];
    for (int i = 0; i < holes; i++) {
      types[i] = unifier.resolve(holeType[i]);
      envs[i] = resolve(holeEnv[i]);
    }
    return new PartialProgram(
        top,
        holes == 0 ? completed : null,
        types,
        envs,
        Arrays.copyOf(holeContext, holes),
        Arrays.copyOf(holeLb, holes),
        cost,
        unifier.nextVariable());
  }

  private Env resolve(Env e) {
    return e == null ? null : new Env(unifier.resolve(e.type), resolve(e.next));
  }

  private void search(double cost) {
    if (holes == 0) {
      if (cost >= lo) {
        emit(completed, cost);
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
    double lb = holeLb[h];
    Candidate owner = holeOwner[h];
    int argument = holeArgument[h];
    Frame saved = top;
    if (request.isArrow()) {
      // Eta-long: an arrow-typed hole is always a lambda; it costs nothing.
      top = Frame.lambda(saved);
      setHole(h, request.arguments[1], new Env(request.arguments[0], env), context, lb);
      setOwner(h, owner, argument);
      holes = h + 1;
      search(cost);
      top = saved;
    } else {
      CandidateTable table = owner == null ? null : owner.argumentTables[argument];
      int[] map;
      if (table != null) {
        map = mapFromParent(depth, table, owner.argumentKeySources[argument]);
      } else {
        table = cache.lookup(context, request, env, unifier);
        map = map(depth, table);
        if (owner != null) {
          remember(owner, argument, table);
        }
      }
      CompiledSymmetries.Refusal refusal = refusalAt(saved);
      int m = table.keyVariables;
      double below = holeBound[h];
      Completions list =
          m == 0 && listLimit > 0 && saved != null && ownsItsRules(saved)
              ? completions(table, refusal, request, env, context, lb, hi - cost - below)
              : null;
      if (list != null) {
        walk(list, h, cost, below, saved);
      } else if (!stopped) {
        depth++;
        double checked = Double.NEGATIVE_INFINITY;
        for (Candidate c : table.candidates) {
          double next = cost + c.cost;
          checked = next + below + c.argumentsBound;
          if (checked >= hi) {
            pruned = true;
            // Candidates are sorted by cost + argumentsBound, and costs only grow along a path.
            break;
          }
          if (refusal != null) {
            int rule = refusal.rule(c.head);
            if (rule >= 0) {
              refusedByRule[rule]++;
              continue;
            }
          }
          if (h == 0 && next < lo && c.arguments.length == 0) {
            // A leaf in the last hole completes a program, and one cheaper than the window was
            // emitted in an earlier window: nothing to build or check.
            continue;
          }
          long mark = unifier.mark();
          if (apply(c, map, m, h, env)) {
            search(next);
          }
          top = saved;
          holes = h;
          unifier.undo(mark);
          if (stopped) {
            break;
          }
        }
        if (checked > maxChecked) {
          maxChecked = checked;
        }
        depth--;
      }
    }
    setHole(h, original, env, context, lb);
    setOwner(h, owner, argument);
    holes = h + 1;
  }

  /**
   * Remembers the table of a candidate's argument where it cannot change (see {@link #apply}). For
   * a first argument whose table has key variables, also where each of them sits in the parent's
   * variable map: the first argument is searched right after its candidate is applied, so its key
   * and the places of its variables follow from the parent's key and the candidate alone.
   */
  private void remember(Candidate owner, int argument, CandidateTable table) {
    if (table.keyVariables == 0) {
      owner.argumentTables[argument] = table;
      return;
    }
    int[] parent = maps[depth - 1];
    int used = owner.mapSize;
    int[] sources = new int[table.keyVariables];
    for (int j = 0; j < sources.length; j++) {
      int live = cache.keyVariables[j];
      int at = -1;
      for (int i = 0; i < used; i++) {
        if (parent[i] == live) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        return; // not a variable of the parent's map: look the table up every time
      }
      sources[j] = at;
    }
    owner.argumentKeySources[argument] = sources;
    owner.argumentTables[argument] = table;
  }

  /** As {@link #map}, with the key variables taken from the parent's map at {@code sources}. */
  private int[] mapFromParent(int level, CandidateTable table, int[] sources) {
    int[] map = ensureMap(level, table);
    if (sources != null) {
      int[] parent = maps[level - 1];
      for (int j = 0; j < sources.length; j++) {
        map[j] = parent[sources[j]];
      }
    }
    return map;
  }

  /**
   * The frame's variable map: key variables first (copied from the cache), room for fresh ones
   * after.
   */
  private int[] map(int level, CandidateTable table) {
    int[] map = ensureMap(level, table);
    System.arraycopy(cache.keyVariables, 0, map, 0, table.keyVariables);
    return map;
  }

  private int[] ensureMap(int level, CandidateTable table) {
    if (level >= maps.length) {
      maps = Arrays.copyOf(maps, maps.length * 2);
    }
    int need = table.keyVariables + table.maxFresh;
    int[] map = maps[level];
    if (map == null || map.length < need) {
      map = new int[Math.max(need, 16)];
      maps[level] = map;
    }
    return map;
  }

  /**
   * The heads a symmetry rule refuses at the hole below frame {@code f}: found from the nearest
   * application above it, the argument being filled and the lambdas in between.
   */
  private CompiledSymmetries.Refusal refusalAt(Frame f) {
    if (symmetries.isEmpty()) {
      return null;
    }
    int lambdas = 0;
    while (f != null && f.partial == null) {
      lambdas++;
      f = f.parent;
    }
    return f == null ? rootRefusal : symmetries.refusal(f.headId, f.arity - f.remaining, lambdas);
  }

  /**
   * Whether no rule decided inside the hole below frame {@code f} climbs above it, so that what its
   * subtrees are refused depends on them alone.
   */
  private boolean ownsItsRules(Frame f) {
    if (symmetries.isEmpty()) {
      return true;
    }
    while (f != null && f.partial == null) {
      f = f.parent;
    }
    return f == null || !symmetries.reachedFromBelow(f.headId, f.arity - f.remaining);
  }

  /**
   * The list of finished subtrees of a hole with a ground key, with every one cheaper than {@code
   * need}: the one remembered by its table, or one built now; null where the hole is to be searched
   * (its list would be too long, or the thread holds too many) or when the build was stopped.
   */
  private Completions completions(
      CandidateTable table,
      CompiledSymmetries.Refusal refusal,
      FastType request,
      Env env,
      int context,
      double lb,
      double need) {
    int slot = refusal == null ? 0 : refusal.id;
    Completions known = table.completions(slot);
    if (known != null && known.codes != codes) {
      known = null; // built with other code (or none): built again
    }
    // need is hi - cost - below, exact on the cost grid; the margin covers an hi off the grid.
    double wanted = need + 1e-9;
    if (known != null) {
      if (known.budget >= wanted) {
        return known;
      }
      if (wanted > known.overflowAt - OVERFLOW_MARGIN) {
        return null;
      }
    }
    if (stored[0] >= COMPLETIONS_STORED) {
      return null;
    }
    // Built for this budget only: a wider list (for the next window, say) costs more to walk than
    // building again saves.
    if (child == null) {
      child = new Enumerator(grammar, cache, symmetries, refusedByRule, stored, listLimit);
    }
    long before = child.expansions;
    // The key is ground once resolved; the child has its own variables.
    Completions built =
        child.collect(
            unifier.resolve(request), resolve(env), context, lb, refusal, wanted, codes, stop);
    expansions += child.expansions - before;
    if (built == null) {
      if (child.overflowed) {
        Completions marked =
            known == null ? Completions.overflowed(codes, wanted) : known.overflowedAt(wanted);
        replace(table, slot, marked);
      } else {
        stopped = true;
      }
      return null;
    }
    replace(table, slot, built);
    return built;
  }

  /**
   * Stores a table's list, counting what it holds instead of what it replaces (which a build inside
   * the build may have stored meanwhile, for the same hole deeper down).
   */
  private void replace(CandidateTable table, int slot, Completions list) {
    Completions replaced = table.completions(slot);
    stored[0] += list.size - (replaced == null ? 0 : replaced.size);
    table.setCompletions(slot, list);
  }

  /**
   * Builds the list of a hole with a ground key (see {@link #completions}): searches it alone, with
   * {@code refusal} refusing heads at its root, collecting every subtree cheaper than {@code
   * budget}; null if it has more than {@code listLimit} or {@code stop} answered true.
   */
  private Completions collect(
      FastType request,
      Env env,
      int context,
      double lb,
      CompiledSymmetries.Refusal refusal,
      double budget,
      CodeBuilder codes,
      BooleanSupplier stop) {
    this.lo = 0;
    this.hi = budget;
    this.sink = null;
    this.codeSink = null;
    this.codes = codes;
    this.stop = stop;
    this.stopped = false;
    this.overflowed = false;
    this.pollCountdown = POLL_INTERVAL;
    this.rootRefusal = refusal;
    this.maxChecked = Double.NEGATIVE_INFINITY;
    this.collecting = new Completions.Builder(codes, budget, listLimit);
    unifier = new Unifier(0);
    holes = 0;
    depth = 0;
    top = null;
    completed = null;
    completedCode = null;
    setHole(0, request, env, context, lb);
    holes = 1;
    search(0);
    Completions.Builder list = collecting;
    collecting = null;
    rootRefusal = null;
    return stopped ? null : list.build(maxChecked);
  }

  /**
   * Fills hole {@code h} with each subtree of {@code list} in turn, as the search of the hole
   * would: the same subtrees, in the same order, at the same costs, cut by the same bound.
   */
  private void walk(Completions list, int h, double cost, double below, Frame saved) {
    double reach = cost + list.maxChecked + below;
    if (reach >= hi) {
      pruned = true;
    }
    if (reach > maxChecked) {
      maxChecked = reach;
    }
    boolean last = h == 0;
    int[] positions = list.cheaperThan(hi - cost - below);
    int n = positions == null ? list.size : positions.length;
    for (int k = 0; k < n; k++) {
      int i = positions == null ? k : positions[k];
      double next = cost + list.costs[i];
      if (next + below >= hi || (last && next < lo)) {
        continue;
      }
      boolean admitted =
          codes == null
              ? finish(list.programs[i], list.heads[i])
              : finishWithCode(list.programs[i], list.heads[i], list.code[i]);
      if (admitted) {
        search(next);
      }
      top = saved;
      holes = h;
      if (stopped) {
        return;
      }
    }
  }

  /**
   * Applies a candidate at hole {@code h}: binds key variables, records the head, pushes argument
   * holes. Returns false when the subtree it finishes makes a shape a symmetry rule refuses (the
   * caller undoes as usual).
   */
  private boolean apply(Candidate c, int[] map, int m, int h, Env env) {
    if (c.fresh > 0) {
      int base = unifier.allocate(c.fresh);
      for (int r = 0; r < c.fresh; r++) {
        map[m + r] = base + r;
      }
    }
    for (int k = 0; k < c.boundKeys.length; k++) {
      unifier.bindUnchecked(map[c.boundKeys[k]], c.boundTo[k].rename(map, unifier));
    }
    int n = c.arguments.length;
    if (n == 0) {
      // A leaf: nothing to push, and the subtrees it completes are checked.
      return codes == null
          ? finish(c.program, c.head)
          : finishWithCode(c.program, c.head, codes.head(c.head));
    }
    if (codes == null) {
      top = new Frame(c.program, n, top, c.head, n);
    } else {
      top = new Frame(c.program, n, top, c.head, n, codes.head(c.head), null, null);
    }
    ensureHoles(h + n);
    // Pushed in reverse so that the first argument is on top of the stack and is filled first.
    // Under a table whose key has no type variables (m == 0) the environment is ground, so a
    // ground argument's hole (and the body of its lambdas) always has the same table: the
    // candidate remembers it and the hole skips the cache's key encoding and probe. So does the
    // first argument under any key: it is searched next, when only this candidate's bindings have
    // been made since the key was read (its key variables come from this level's map).
    for (int i = n - 1, slot = h; i >= 0; i--, slot++) {
      FastType type = c.arguments[i];
      setHole(slot, type.rename(map, unifier), env, c.argumentContexts[i], c.argumentBounds[i]);
      setOwner(slot, (m == 0 && type.ground) || i == 0 ? c : null, i);
    }
    holes = h + n;
    return true;
  }

  private void emit(Program p, double cost) {
    if (collecting != null) {
      if (!collecting.add(p, completedCode, completedHead, cost)) {
        overflowed = true;
        stopped = true;
      }
      return;
    }
    emitted++;
    boolean go =
        codeSink != null ? codeSink.accept(p, completedCode, -cost) : sink.accept(p, -cost);
    if (!go) {
      stopped = true;
    }
  }

  /** Like {@link #finish}, also compiling each finished node once. */
  private boolean finishWithCode(Program value, int valueHead, Code code) {
    Frame f = top;
    while (f != null) {
      if (f.partial == null) {
        value = new Abstraction(value);
        valueHead = Candidate.LAMBDA;
        code = codes.lambda(code);
        f = f.parent;
        continue;
      }
      if (!admissible(f, value, valueHead)) {
        return false;
      }
      Program applied = new Application(f.partial, value);
      if (f.remaining > 1) {
        top = new Frame(applied, f.remaining - 1, f.parent, f.headId, f.arity, f.head, code, f);
        return true;
      }
      value = applied;
      valueHead = f.headId;
      code =
          switch (f.arity) {
            case 1 -> codes.apply(f.head, code);
            case 2 -> codes.apply(f.head, f.argument, code);
            default -> codes.apply(f.head, f.argumentsThen(code));
          };
      f = f.parent;
    }
    top = null;
    completed = value;
    completedCode = code;
    completedHead = valueHead;
    return true;
  }

  /**
   * A subtree is finished: wraps it into the unfinished frames above it as far as they finish too.
   * Returns false, leaving {@code top} as it was, when an argument it completes decides a symmetry
   * rule that applies.
   */
  private boolean finish(Program value, int valueHead) {
    Frame f = top;
    while (f != null) {
      if (f.partial == null) {
        value = new Abstraction(value);
        valueHead = Candidate.LAMBDA;
        f = f.parent;
        continue;
      }
      if (!admissible(f, value, valueHead)) {
        return false;
      }
      Program applied = new Application(f.partial, value);
      if (f.remaining > 1) {
        top = new Frame(applied, f.remaining - 1, f.parent, f.headId, f.arity);
        return true;
      }
      value = applied;
      valueHead = f.headId;
      f = f.parent;
    }
    top = null;
    completed = value;
    completedHead = valueHead;
    return true;
  }

  /**
   * Whether no rule decided by argument {@code value} (whose head is {@code valueHead}, as in
   * {@link CompiledSymmetries.Deferred#valueHead}) of frame {@code f} applies.
   */
  private boolean admissible(Frame f, Program value, int valueHead) {
    CompiledSymmetries.Deferred[] rules =
        symmetries.deferred(f.headId, f.arity - f.remaining, valueHead);
    if (rules == null) {
      return true;
    }
    for (CompiledSymmetries.Deferred d : rules) {
      if (matcher.applies(d, f, value)) {
        refusedByRule[d.number]++;
        return false;
      }
    }
    return true;
  }

  private void setOwner(int i, Candidate owner, int argument) {
    holeOwner[i] = owner;
    holeArgument[i] = argument;
  }

  private void setHole(int i, FastType type, Env env, int context, double lowerBound) {
    holeOwner[i] = null;
    holeType[i] = type;
    holeEnv[i] = env;
    holeContext[i] = context;
    holeLb[i] = lowerBound;
    holeBound[i + 1] = holeBound[i] + lowerBound;
  }

  private void ensureHoles(int n) {
    if (n > holeType.length) {
      int size = Math.max(n, holeType.length * 2);
      holeType = Arrays.copyOf(holeType, size);
      holeEnv = Arrays.copyOf(holeEnv, size);
      holeContext = Arrays.copyOf(holeContext, size);
      holeBound = Arrays.copyOf(holeBound, size + 1);
      holeLb = Arrays.copyOf(holeLb, size);
      holeOwner = Arrays.copyOf(holeOwner, size);
      holeArgument = Arrays.copyOf(holeArgument, size);
    }
  }
}
