package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reverie.tasks.lists.ListSuite;

/**
 * Hand-written solutions for families of DreamCoder's list tasks ({@code list_tasks.json}), each
 * checked on every example of every task of its family through {@link CheckReport#check}, the code
 * path of {@code reverie check}. Skipped when {@code ../shared} is absent.
 */
class DreamCoderSolutionsTest {
  private static final Pattern PARAMETERS =
      Pattern.compile("(.*?)(?: with k=(\\d+)(?: and n=(\\d+))?)?");

  /**
   * Programs by family; {@code K}/{@code N} are the task's parameters, {@code K1} is {@code k - 1}.
   */
  private static final Map<String, String> SOLUTIONS = new LinkedHashMap<>();

  static {
    String appendFold = "(lambda (lambda (cons $1 $0)))";
    SOLUTIONS.put("add-k", "(lambda (map (lambda (+ $0 K)) $0))");
    SOLUTIONS.put("append-k", "(lambda (fold $0 (cons K empty) " + appendFold + "))");
    SOLUTIONS.put("prepend-k", "(lambda (cons K $0))");
    SOLUTIONS.put(
        "append-index-k", "(lambda (fold $0 (cons (index K1 $0) empty) " + appendFold + "))");
    SOLUTIONS.put("prepend-index-k", "(lambda (cons (index K1 $0) $0))");
    SOLUTIONS.put(
        "remove-index-k",
        "(lambda (map (lambda (index (if (gt? K1 $0) $0 (+ $0 1)) $1)) (range (- (length $0)"
            + " 1))))");
    SOLUTIONS.put("replace-all-with-index-k", "(lambda (map (lambda (index K1 $1)) $0))");
    SOLUTIONS.put("bool-identify-geq-k", "(lambda (map (lambda (gt? (+ $0 1) K)) $0))");
    SOLUTIONS.put("bool-identify-k", "(lambda (map (lambda (eq? $0 K)) $0))");
    SOLUTIONS.put("bool-identify-is-mod-k", "(lambda (map (lambda (eq? (mod $0 K) 0)) $0))");
    SOLUTIONS.put("bool-identify-is-prime", "(lambda (map (lambda (is-prime $0)) $0))");
    SOLUTIONS.put("caesar-cipher-k-modulo-n", "(lambda (map (lambda (mod (+ $0 K) N)) $0))");
    SOLUTIONS.put("count-k", "(lambda (fold $0 0 (lambda (lambda (if (eq? $1 K) (+ $0 1) $0)))))");
    SOLUTIONS.put(
        "has-k", "(lambda (gt? (fold $0 0 (lambda (lambda (if (eq? $1 K) (+ $0 1) $0)))) 0))");
    SOLUTIONS.put(
        "count-head-in-tail",
        "(lambda (fold (cdr $0) 0 (lambda (lambda (if (eq? $1 (car $2)) (+ $0 1) $0)))))");
    SOLUTIONS.put(
        "has-head-in-tail",
        "(lambda (gt? (fold (cdr $0) 0 (lambda (lambda (if (eq? $1 (car $2)) (+ $0 1) $0)))) 0))");
    SOLUTIONS.put("drop-k", "(lambda DROP)");
    SOLUTIONS.put("take-k", "(lambda (map (lambda (index $0 $1)) (range K)))");
    SOLUTIONS.put("slice-k-n", "(lambda (map (lambda (index (+ $0 K1) $1)) (range N)))");
    SOLUTIONS.put("index-k", "(lambda (index K1 $0))");
    SOLUTIONS.put("index-head", "(lambda (index (car $0) $0))");
    SOLUTIONS.put("head", "(lambda (car $0))");
    SOLUTIONS.put("tail", "(lambda (cdr $0))");
    SOLUTIONS.put("last", "(lambda (index (- (length $0) 1) $0))");
    SOLUTIONS.put("pop", "(lambda (map (lambda (index $0 $1)) (range (- (length $0) 1))))");
    SOLUTIONS.put("len", "(lambda (length $0))");
    SOLUTIONS.put("empty", "(lambda (empty? $0))");
    SOLUTIONS.put("sum", "(lambda (fold $0 0 (lambda (lambda (+ $1 $0)))))");
    SOLUTIONS.put("product", "(lambda (fold $0 1 (lambda (lambda (* $1 $0)))))");
    SOLUTIONS.put(
        "max", "(lambda (fold (cdr $0) (car $0) (lambda (lambda (if (gt? $1 $0) $1 $0)))))");
    SOLUTIONS.put(
        "min", "(lambda (fold (cdr $0) (car $0) (lambda (lambda (if (gt? $1 $0) $0 $1)))))");
    SOLUTIONS.put(
        "evens",
        "(lambda (fold $0 empty (lambda (lambda (if (eq? (mod $1 (+ 1 1)) 0) (cons $1 $0) $0)))))");
    SOLUTIONS.put(
        "odds",
        "(lambda (fold $0 empty (lambda (lambda (if (eq? (mod $1 (+ 1 1)) 1) (cons $1 $0) $0)))))");
    SOLUTIONS.put(
        "keep-mod-k",
        "(lambda (fold $0 empty (lambda (lambda (if (eq? (mod $1 K) 0) (cons $1 $0) $0)))))");
    SOLUTIONS.put(
        "remove-mod-k",
        "(lambda (fold $0 empty (lambda (lambda (if (eq? (mod $1 K) 0) $0 (cons $1 $0))))))");
    SOLUTIONS.put(
        "keep-mod-head",
        "(lambda (fold (cdr $0) empty (lambda (lambda (if (eq? (mod $1 (car $2)) 0) (cons $1 $0)"
            + " $0)))))");
    SOLUTIONS.put(
        "remove-mod-head",
        "(lambda (fold (cdr $0) empty (lambda (lambda (if (eq? (mod $1 (car $2)) 0) $0 (cons $1"
            + " $0))))))");
    String all = "(lambda (fold $0 (eq? 0 0) (lambda (lambda (if P $0 (eq? 0 1))))))";
    SOLUTIONS.put("is-evens", all.replace("P", "(eq? (mod $1 (+ 1 1)) 0)"));
    SOLUTIONS.put("is-odds", all.replace("P", "(eq? (mod $1 (+ 1 1)) 1)"));
    SOLUTIONS.put("is-primes", all.replace("P", "(is-prime $1)"));
    SOLUTIONS.put("is-squares", all.replace("P", "(is-square $1)"));
    SOLUTIONS.put("is-mod-k", all.replace("P", "(eq? (mod $1 K) 0)"));
    SOLUTIONS.put("modulo-k", "(lambda (map (lambda (mod $0 K)) $0))");
    SOLUTIONS.put("mult-k", "(lambda (map (lambda (* $0 K)) $0))");
    SOLUTIONS.put("pow-k", "(lambda (map (lambda POW) $0))");
    SOLUTIONS.put("dup", "(lambda (fold $0 empty (lambda (lambda (cons $1 (cons $1 $0))))))");
    SOLUTIONS.put("range", "(lambda (range $0))");
    SOLUTIONS.put(
        "reverse",
        "(lambda (map (lambda (index (- (- (length $1) 1) $0) $1)) (range (length $0))))");
    SOLUTIONS.put(
        "rotate-k",
        "(lambda (map (lambda (index (mod (- $0 K) (length $1)) $1)) (range (length $0))))");
    SOLUTIONS.put("repeat", "(lambda (map (lambda (car (cdr $1))) (range (car $0))))");
    SOLUTIONS.put("repeat-k", "(lambda REPEAT)");
    SOLUTIONS.put(
        "repeat-many",
        "(lambda (fold (range (car $0)) empty (lambda (lambda (fold (cdr $2) $0 "
            + appendFold
            + ")))))");
  }

  @Test
  void handWrittenSolutionsPassEveryExampleOfTheirFamilies() {
    Suite suite = Suites.load(SharedData.dreamCoderLists());
    Map<String, Integer> solvedTasks = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (Task task : suite.tasks()) {
      Matcher m = PARAMETERS.matcher(task.name());
      assertTrue(m.matches(), task.name());
      String family = m.group(1);
      String template = SOLUTIONS.get(family);
      if (template == null) {
        continue;
      }
      int k = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      int n = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      String program = instantiate(template, k, n);
      CheckReport report =
          Scorer.of(Domains.installed().byName(task.domain())).check(task, program);
      if (report.passed()) {
        solvedTasks.merge(family, 1, Integer::sum);
      } else {
        failures.add(
            task.name() + ": " + program + " fails example " + report.firstFailure().orElseThrow());
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(SOLUTIONS.keySet(), solvedTasks.keySet());
    assertTrue(solvedTasks.size() >= 25, "families solved: " + solvedTasks.size());
    assertTrue(
        solvedTasks.values().stream().mapToInt(Integer::intValue).sum() >= 150,
        solvedTasks.toString());
  }

  private static String instantiate(String template, int k, int n) {
    IntFunction<String> num = ListSuite::num;
    return template
        .replace("DROP", nest("cdr", k, "$0"))
        .replace("POW", power(k))
        .replace("REPEAT", repeat(k))
        .replace("K1", num.apply(Math.max(0, k - 1)))
        .replace("K", num.apply(k))
        .replace("N", num.apply(n));
  }

  private static String nest(String function, int times, String argument) {
    String s = argument;
    for (int i = 0; i < times; i++) {
      s = "(" + function + " " + s + ")";
    }
    return s;
  }

  /** {@code $0} multiplied by itself {@code k} times ({@code 1} for k = 0). */
  private static String power(int k) {
    String s = k == 0 ? "1" : "$0";
    for (int i = 1; i < k; i++) {
      s = "(* $0 " + s + ")";
    }
    return s;
  }

  /** The input list concatenated {@code k} times ({@code empty} for k = 0). */
  private static String repeat(int k) {
    String s = "empty";
    for (int i = 0; i < k; i++) {
      s = "(fold $0 " + s + " (lambda (lambda (cons $1 $0))))";
    }
    return s;
  }
}
