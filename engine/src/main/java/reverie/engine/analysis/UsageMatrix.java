package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import reverie.dsl.InputException;
import reverie.dsl.ParseException;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.PrimitiveResolver;
import reverie.dsl.program.Program;

/**
 * The program side of the comparison: how often each atom of the library (invention or primitive)
 * occurs in each solved task's best program, and which invention is built from which.
 *
 * <p>An invention used inside another invention's body is recorded in {@link #builtFrom}, not
 * counted as a use: the count matrix holds the task's own code only, as an SAE's code holds only
 * the task's own features.
 *
 * @param counts {@code counts[task][atom]}
 * @param builtFrom invention name -> names of the inventions its body uses directly
 * @param solutionBits per task, the description length in bits of its solution under the refit
 *     grammar, when the caller knows it (else empty)
 */
public record UsageMatrix(
    ImmutableList<String> tasks,
    ImmutableList<Atom> atoms,
    int[][] counts,
    ImmutableSetMultimap<String, String> builtFrom,
    Optional<double[]> solutionBits) {

  /** A column: an invention (with its DreamCoder form {@code #(lambda ...)}) or a primitive. */
  public record Atom(String name, boolean invention, String dreamcoder, int bodySize) {}

  /** A solved task and its best program. */
  public record Solution(String task, Program program) {}

  /** The name of the usage CSV's optional column of solution description lengths. */
  public static final String BITS_COLUMN = "solution_bits";

  public UsageMatrix {
    checkArgument(
        counts.length == tasks.size(), "%s rows for %s tasks", counts.length, tasks.size());
    for (int[] row : counts) {
      checkArgument(
          row.length == atoms.size(), "row of %s counts for %s atoms", row.length, atoms.size());
    }
    solutionBits.ifPresent(b -> checkArgument(b.length == tasks.size(), "solution bits per task"));
  }

  /**
   * The usage matrix of the best programs, inventions named {@code inv0, inv1, ...} by first
   * appearance.
   */
  public static UsageMatrix fromSolutions(List<Solution> solutions) {
    return fromSolutions(solutions, List.of(), Optional.empty());
  }

  /**
   * The usage matrix of the best programs; {@code library} fixes the order (and so the names {@code
   * inv<i>}) of inventions, others found in programs follow; {@code solutionBits} maps task names
   * to the description length of their solution in bits under the refit grammar.
   */
  public static UsageMatrix fromSolutions(
      List<Solution> solutions,
      List<Invented> library,
      Optional<Map<String, Double>> solutionBits) {
    Map<Invented, Integer> inventions = new LinkedHashMap<>();
    ImmutableSetMultimap.Builder<Invented, Invented> parts = ImmutableSetMultimap.builder();
    for (Invented i : library) {
      register(i, inventions, parts);
    }
    List<Map<Program, Integer>> perTask = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Solution s : solutions) {
      checkArgument(seen.add(s.task()), "task %s has two solutions", s.task());
      Map<Program, Integer> c = new LinkedHashMap<>();
      countLeaves(s.program(), c);
      for (Program p : c.keySet()) {
        if (p instanceof Invented i) {
          register(i, inventions, parts);
        }
      }
      perTask.add(c);
    }
    TreeMap<String, Primitive> primitives = new TreeMap<>();
    for (Map<Program, Integer> c : perTask) {
      for (Program p : c.keySet()) {
        if (p instanceof Primitive q) {
          primitives.put(q.name(), q);
        }
      }
    }
    ImmutableList.Builder<Atom> atoms = ImmutableList.builder();
    Map<Program, Integer> column = new LinkedHashMap<>();
    Map<Invented, String> names = new LinkedHashMap<>();
    for (Invented i : inventions.keySet()) {
      String name = "inv" + column.size();
      names.put(i, name);
      column.put(i, column.size());
      atoms.add(new Atom(name, true, i.toString(), i.body().size()));
    }
    for (Primitive p : primitives.values()) {
      column.put(p, column.size());
      atoms.add(new Atom(p.name(), false, p.name(), 1));
    }
    int[][] counts = new int[solutions.size()][column.size()];
    for (int t = 0; t < solutions.size(); t++) {
      for (Map.Entry<Program, Integer> e : perTask.get(t).entrySet()) {
        counts[t][column.get(e.getKey())] += e.getValue();
      }
    }
    ImmutableSetMultimap.Builder<String, String> builtFrom = ImmutableSetMultimap.builder();
    parts.build().forEach((whole, part) -> builtFrom.put(names.get(whole), names.get(part)));
    Optional<double[]> bits =
        solutionBits.map(
            m -> {
              double[] b = new double[solutions.size()];
              for (int t = 0; t < b.length; t++) {
                Double v = m.get(solutions.get(t).task());
                checkArgument(
                    v != null, "no description length for task %s", solutions.get(t).task());
                b[t] = v;
              }
              return b;
            });
    return new UsageMatrix(
        solutions.stream().map(Solution::task).collect(ImmutableList.toImmutableList()),
        atoms.build(),
        counts,
        builtFrom.build(),
        bits);
  }

  /** Adds {@code i} and, first, the inventions its body is built from (so parts precede wholes). */
  private static void register(
      Invented i,
      Map<Invented, Integer> inventions,
      ImmutableSetMultimap.Builder<Invented, Invented> parts) {
    if (inventions.containsKey(i)) {
      return;
    }
    Map<Program, Integer> inBody = new LinkedHashMap<>();
    countLeaves(i.body(), inBody);
    for (Program p : inBody.keySet()) {
      if (p instanceof Invented part) {
        register(part, inventions, parts);
        parts.put(i, part);
      }
    }
    inventions.put(i, inventions.size());
  }

  /** Counts primitives and inventions in {@code p}, not looking inside invention bodies. */
  private static void countLeaves(Program p, Map<Program, Integer> counts) {
    if (p instanceof Application a) {
      countLeaves(a.function(), counts);
      countLeaves(a.argument(), counts);
    } else if (p instanceof Abstraction a) {
      countLeaves(a.body(), counts);
    } else if (p instanceof Invented || p instanceof Primitive) {
      counts.merge(p, 1, Integer::sum);
    } else if (!(p instanceof Index)) {
      throw new AssertionError(p);
    }
  }

  public int taskCount() {
    return tasks.size();
  }

  /** Indices of the invention columns, in order. */
  public int[] inventionColumns() {
    return java.util.stream.IntStream.range(0, atoms.size())
        .filter(a -> atoms.get(a).invention())
        .toArray();
  }

  /** The column of the atom called {@code name}. */
  public int column(String name) {
    for (int a = 0; a < atoms.size(); a++) {
      if (atoms.get(a).name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no atom " + name);
  }

  /** Number of tasks whose count for {@code column} is positive. */
  public int support(int column) {
    int n = 0;
    for (int[] row : counts) {
      if (row[column] > 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Reads the usage CSV: a header {@code task,ATOM,ATOM,...[,solution_bits]} where an invention
   * column is {@code #(lambda ...)} or {@code name=#(lambda ...)} and any other column a primitive
   * name, then one row per solved task with non-negative integer counts (and, optionally, the
   * solution's description length in bits). The hierarchy is read off the invention forms: {@code
   * #(...)} nested in a form is a part.
   */
  public static UsageMatrix readCsv(Path file) {
    List<String> lines = new ArrayList<>(ActivationFiles.lines(file));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new InputException(file + ": empty usage file");
    }
    List<String> header = Csv.split(lines.get(0), file + ":1");
    if (header.size() < 2 || !header.get(0).equalsIgnoreCase("task")) {
      throw new InputException(
          file + ":1: the header must be task,ATOM,... (got '" + lines.get(0) + "')");
    }
    boolean hasBits = header.get(header.size() - 1).equals(BITS_COLUMN);
    int width = header.size() - 1 - (hasBits ? 1 : 0);
    List<Atom> atoms = new ArrayList<>();
    Map<Invented, String> inventionNames = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (int c = 0; c < width; c++) {
      String cell = header.get(c + 1);
      int hash = cell.indexOf("#(");
      String name;
      Atom atom;
      if (hash >= 0) {
        if (hash > 0 && !cell.substring(0, hash).endsWith("=")) {
          throw new InputException(
              file + ":1: column " + (c + 2) + " '" + cell + "' should be #(...) or name=#(...)");
        }
        String form = cell.substring(hash);
        name = hash == 0 ? "inv" + inventionNames.size() : cell.substring(0, hash - 1).strip();
        Program p;
        try {
          p = Program.parse(form, PrimitiveResolver.untyped());
        } catch (ParseException | IllegalArgumentException e) {
          // The parser checks names and closedness with checkArgument as well as ParseException.
          throw new InputException(file + ":1: column " + (c + 2) + ": " + e.getMessage());
        }
        if (!(p instanceof Invented i)) {
          throw new InputException(
              file + ":1: column " + (c + 2) + " '" + form + "' is not one invention");
        }
        inventionNames.put(i, name);
        atom = new Atom(name, true, i.toString(), i.body().size());
      } else {
        name = cell;
        atom = new Atom(name, false, name, 1);
      }
      if (name.isEmpty() || !names.add(name)) {
        throw new InputException(
            file + ":1: column " + (c + 2) + " has an empty or repeated name '" + name + "'");
      }
      atoms.add(atom);
    }
    ImmutableSetMultimap.Builder<String, String> builtFrom = ImmutableSetMultimap.builder();
    for (Map.Entry<Invented, String> e : inventionNames.entrySet()) {
      Map<Program, Integer> inBody = new LinkedHashMap<>();
      countLeaves(e.getKey().body(), inBody);
      for (Program p : inBody.keySet()) {
        if (p instanceof Invented part && inventionNames.containsKey(part)) {
          builtFrom.put(e.getValue(), inventionNames.get(part));
        }
      }
    }
    List<String> tasks = new ArrayList<>();
    Set<String> seenTasks = new HashSet<>();
    int[][] counts = new int[lines.size() - 1][width];
    double[] bits = new double[lines.size() - 1];
    for (int r = 1; r < lines.size(); r++) {
      String where = file + ":" + (r + 1);
      List<String> f = Csv.split(lines.get(r), where);
      if (f.size() != header.size()) {
        throw new InputException(
            where + ": " + f.size() + " fields, the header has " + header.size());
      }
      if (f.get(0).isEmpty() || !seenTasks.add(f.get(0))) {
        throw new InputException(where + ": empty or repeated task name '" + f.get(0) + "'");
      }
      tasks.add(f.get(0));
      for (int c = 0; c < width; c++) {
        try {
          counts[r - 1][c] = Integer.parseInt(f.get(c + 1));
        } catch (NumberFormatException e) {
          counts[r - 1][c] = -1;
        }
        if (counts[r - 1][c] < 0) {
          throw new InputException(
              where
                  + ": count '"
                  + f.get(c + 1)
                  + "' for "
                  + atoms.get(c).name()
                  + " is not a non-negative integer");
        }
      }
      if (hasBits) {
        try {
          bits[r - 1] = Double.parseDouble(f.get(f.size() - 1));
        } catch (NumberFormatException e) {
          bits[r - 1] = Double.NaN;
        }
        if (!Double.isFinite(bits[r - 1]) || bits[r - 1] < 0) {
          throw new InputException(
              where
                  + ": "
                  + BITS_COLUMN
                  + " '"
                  + f.get(f.size() - 1)
                  + "' is not a non-negative number");
        }
      }
    }
    return new UsageMatrix(
        ImmutableList.copyOf(tasks),
        ImmutableList.copyOf(atoms),
        counts,
        builtFrom.build(),
        hasBits ? Optional.of(bits) : Optional.empty());
  }

  /** Writes the format {@link #readCsv} reads. */
  public void writeCsv(Path file) {
    StringBuilder s = new StringBuilder("task");
    for (Atom a : atoms) {
      s.append(',').append(Csv.quote(a.invention() ? a.name() + "=" + a.dreamcoder() : a.name()));
    }
    if (solutionBits.isPresent()) {
      s.append(',').append(BITS_COLUMN);
    }
    s.append('\n');
    for (int t = 0; t < tasks.size(); t++) {
      s.append(Csv.quote(tasks.get(t)));
      for (int c : counts[t]) {
        s.append(',').append(c);
      }
      if (solutionBits.isPresent()) {
        s.append(',').append(solutionBits.get()[t]);
      }
      s.append('\n');
    }
    ActivationFiles.writeString(file, s.toString());
  }
}
