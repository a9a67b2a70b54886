package reverie.engine.compress;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import reverie.dsl.InputException;
import reverie.dsl.eval.Budget;
import reverie.dsl.eval.CompiledProgram;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.eval.FunctionValue;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;
import reverie.dsl.type.TypeContext;
import reverie.tasks.Domain;
import reverie.tasks.Example;
import reverie.tasks.SampledValues;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * Finds out whether two functions (primitives, inventions, any closed programs) compute the same
 * thing, by running them on the same inputs: values of each argument type taken from the tasks'
 * examples (inputs, outputs and their elements), random values of the domain ({@link
 * SampledValues}), and for function-typed arguments small programs sampled from the base grammar.
 * Type variables are instantiated with a ground type that has values.
 *
 * <p>It is a test, not a proof: two functions "agree" when every input tuple tried gives both the
 * same output (or fails in both), and enough tuples succeed. Deterministic for a seed.
 */
public final class FunctionProbe {
  /** Input tuples tried per comparison. */
  static final int TUPLES = 40;

  /** Tuples on which a function must succeed before agreement means anything. */
  static final int MIN_SUCCESSES = 6;

  private static final int VALUES_PER_TYPE = 60;
  private static final int SAMPLED_FUNCTIONS = 12;

  private final Scorer scorer;
  private final Domain domain;
  private final Grammar grammar;
  private final long seed;
  // Values seen in the tasks, by ground type, in the tasks' order.
  private final Map<Type, List<Object>> pool = new LinkedHashMap<>();
  private final Map<Type, List<Object>> valuesCache = new HashMap<>();

  private FunctionProbe(Scorer scorer, Grammar grammar, long seed) {
    this.scorer = scorer;
    this.domain = scorer.domain();
    this.grammar = grammar;
    this.seed = seed;
  }

  /** A probe with the values of {@code tasks}; {@code grammar} samples function-typed arguments. */
  public static FunctionProbe of(
      Scorer scorer, Collection<Task> tasks, Grammar grammar, long seed) {
    FunctionProbe probe = new FunctionProbe(scorer, grammar, seed);
    for (Task t : tasks) {
      List<Type> inputTypes = t.inputTypes();
      for (Example e : t.examples()) {
        for (int i = 0; i < inputTypes.size(); i++) {
          probe.add(inputTypes.get(i), e.inputs().get(i));
        }
        probe.add(t.outputType(), e.output());
      }
    }
    return probe;
  }

  private void add(Type type, Object value) {
    if (type.isPolymorphic() || type.isArrow()) {
      return;
    }
    List<Object> values = pool.computeIfAbsent(type, k -> new ArrayList<>());
    if (values.size() < 4 * VALUES_PER_TYPE && !values.contains(value)) {
      values.add(value);
    }
    // The elements of a list are values of the element type.
    if (type instanceof TypeConstructor c
        && c.arguments().size() == 1
        && value instanceof List<?> list) {
      for (Object element : list) {
        add(c.arguments().get(0), element);
      }
    }
  }

  /** How two functions compare on the inputs tried. */
  public enum Verdict {
    /** Same output, or failure in both, on every tuple; enough tuples succeed. */
    AGREE,
    /** Wherever the first succeeds the second gives the same output (it may succeed more). */
    REFINES,
    /** They differ somewhere, or too few tuples succeed to tell, or no inputs could be made. */
    UNKNOWN_OR_DIFFERENT
  }

  /**
   * Compares {@code f} of type {@code fType} with {@code g} of type {@code gType}, the arguments of
   * {@code g} taken in the order {@code permutation} ({@code g} receives f's argument {@code
   * permutation[i]} as its i-th); both must take as many arguments.
   */
  public Verdict compare(Program f, Type fType, Program g, Type gType, int[] permutation) {
    List<Type> fArgs = fType.functionArguments();
    if (gType.functionArguments().size() != fArgs.size() || permutation.length != fArgs.size()) {
      return Verdict.UNKNOWN_OR_DIFFERENT;
    }
    for (Type ground : groundTypes()) {
      Type fGround = fType.mapVariables(id -> ground);
      Optional<Type> gGround = instantiateAs(gType, fGround, permutation);
      if (gGround.isEmpty()) {
        continue;
      }
      Optional<Verdict> v = compareGround(f, fGround, g, permutation);
      if (v.isPresent()) {
        return v.get();
      }
      if (!fType.isPolymorphic()) {
        break;
      }
    }
    return Verdict.UNKNOWN_OR_DIFFERENT;
  }

  /**
   * The first permutation of {@code g}'s arguments (identity first) under which {@code f} agrees
   * with or refines {@code g}; empty when none does.
   */
  public Optional<int[]> redundantWith(Program f, Type fType, Program g, Type gType) {
    int n = fType.functionArguments().size();
    if (n != gType.functionArguments().size() || n > 4) {
      return Optional.empty();
    }
    for (int[] p : permutations(n)) {
      if (compare(f, fType, g, gType, p) != Verdict.UNKNOWN_OR_DIFFERENT) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code f} and {@code g} agree on every input tried (both fail, or give the same
   * output), under some permutation of g's arguments: a description of how, or empty.
   */
  public Optional<String> agreement(Program f, Type fType, Program g, Type gType) {
    int n = fType.functionArguments().size();
    if (n != gType.functionArguments().size() || n > 4) {
      return Optional.empty();
    }
    for (int[] p : permutations(n)) {
      if (compare(f, fType, g, gType, p) == Verdict.AGREE) {
        boolean identity = true;
        for (int i = 0; i < n; i++) {
          identity &= p[i] == i;
        }
        return Optional.of(
            "on every input tried"
                + (identity ? "" : ", its arguments in the order " + Arrays.toString(p)));
      }
    }
    return Optional.empty();
  }

  // g's type, instantiated so that g applied to f's arguments in the permuted order has f's type.
  private static Optional<Type> instantiateAs(Type gType, Type fGround, int[] permutation) {
    List<Type> fArgs = fGround.functionArguments();
    Type[] wanted = new Type[fArgs.size()];
    for (int i = 0; i < wanted.length; i++) {
      wanted[i] = fArgs.get(permutation[i]);
    }
    Type target = fGround.finalResult();
    for (int i = wanted.length - 1; i >= 0; i--) {
      target = Type.arrow(wanted[i], target);
    }
    TypeContext context = new TypeContext();
    Type instance = context.instantiate(gType);
    if (!context.tryUnify(instance, target)) {
      return Optional.empty();
    }
    return Optional.of(context.resolve(instance));
  }

  private Optional<Verdict> compareGround(Program f, Type fGround, Program g, int[] permutation) {
    List<Type> argTypes = fGround.functionArguments();
    List<List<Object>> tuples = tuples(argTypes);
    if (tuples.isEmpty()) {
      return Optional.empty();
    }
    CompiledProgram cf;
    CompiledProgram cg;
    try {
      cf = scorer.compile(f);
      cg = scorer.compile(g);
    } catch (InputException e) {
      return Optional.empty();
    }
    Budget meter = scorer.meter();
    int successes = 0;
    boolean agree = true;
    for (List<Object> tuple : tuples) {
      List<Object> permuted = new ArrayList<>(tuple.size());
      for (int i = 0; i < tuple.size(); i++) {
        permuted.add(tuple.get(permutation[i]));
      }
      Object a = run(cf, tuple, meter);
      Object b = run(cg, permuted, meter);
      if (a == FAILED) {
        agree &= b == FAILED;
        continue;
      }
      if (a instanceof FunctionValue || b == FAILED || !a.equals(b)) {
        return Optional.of(Verdict.UNKNOWN_OR_DIFFERENT);
      }
      successes++;
    }
    // A constant has one input tuple (none); otherwise enough successes are needed.
    if (successes < (argTypes.isEmpty() ? 1 : MIN_SUCCESSES)) {
      return Optional.empty(); // too little evidence with this instantiation
    }
    return Optional.of(agree ? Verdict.AGREE : Verdict.REFINES);
  }

  private static final Object FAILED = new Object();

  private static Object run(CompiledProgram p, List<Object> inputs, Budget meter) {
    try {
      return p.run(inputs, meter);
    } catch (EvaluationException | ClassCastException | IllegalArgumentException e) {
      return FAILED;
    }
  }

  /** The ground types with values, the most plentiful first: candidates for type variables. */
  private List<Type> groundTypes() {
    List<Type> types = new ArrayList<>();
    for (Map.Entry<Type, List<Object>> e : pool.entrySet()) {
      if (e.getKey() instanceof TypeConstructor c && c.arguments().isEmpty()) {
        types.add(e.getKey());
      }
    }
    types.sort((a, b) -> pool.get(b).size() - pool.get(a).size());
    for (Type t : domain.baseTypes()) {
      if (!t.isPolymorphic() && !types.contains(t)) {
        types.add(t);
      }
    }
    return types;
  }

  /** Input tuples for argument types; empty when some type has no values. */
  List<List<Object>> tuples(List<Type> argTypes) {
    List<List<Object>> columns = new ArrayList<>();
    for (Type t : argTypes) {
      List<Object> values = values(t);
      if (values.isEmpty()) {
        return List.of();
      }
      columns.add(values);
    }
    Random random = new Random(seed ^ argTypes.hashCode());
    Set<List<Object>> out = new LinkedHashSet<>();
    for (int attempt = 0; attempt < 4 * TUPLES && out.size() < TUPLES; attempt++) {
      List<Object> tuple = new ArrayList<>();
      for (List<Object> column : columns) {
        tuple.add(column.get(random.nextInt(column.size())));
      }
      out.add(tuple);
    }
    return ImmutableList.copyOf(out);
  }

  /** Values of a ground type: from the tasks, then sampled; functions sampled from the grammar. */
  private List<Object> values(Type t) {
    return valuesCache.computeIfAbsent(t, this::makeValues);
  }

  private List<Object> makeValues(Type t) {
    Random random = new Random(seed ^ t.toString().hashCode());
    List<Object> out = new ArrayList<>();
    if (t.isArrow()) {
      Set<Program> seen = new LinkedHashSet<>();
      for (int i = 0; i < 20 * SAMPLED_FUNCTIONS && seen.size() < SAMPLED_FUNCTIONS; i++) {
        grammar.sample(t, random, 4).ifPresent(seen::add);
      }
      for (Program p : seen) {
        try {
          out.add(scorer.compile(p).run(List.of(), scorer.meter()));
        } catch (EvaluationException | InputException e) {
          // a sampled function that cannot even be built is no input
        }
      }
      return out;
    }
    List<Object> known = pool.getOrDefault(t, List.of());
    for (int i = 0; i < known.size() && out.size() < VALUES_PER_TYPE / 2; i++) {
      out.add(known.get(i * Math.max(1, known.size() / (VALUES_PER_TYPE / 2)) % known.size()));
    }
    for (int i = 0; i < 2 * VALUES_PER_TYPE && out.size() < VALUES_PER_TYPE; i++) {
      SampledValues.sample(domain, t, random).ifPresent(out::add);
    }
    return out;
  }

  private static List<int[]> permutations(int n) {
    List<int[]> out = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, out);
    return out;
  }

  private static void permute(int[] current, boolean[] used, int i, List<int[]> out) {
    if (i == current.length) {
      out.add(current.clone());
      return;
    }
    for (int v = 0; v < current.length; v++) {
      if (!used[v]) {
        used[v] = true;
        current[i] = v;
        permute(current, used, i + 1, out);
        used[v] = false;
      }
    }
  }
}
