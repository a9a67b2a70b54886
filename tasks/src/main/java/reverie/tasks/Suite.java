package reverie.tasks;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import reverie.dsl.InputException;

/**
 * A named set of tasks of one domain, with unique task names, in a fixed order.
 *
 * @param ownTraining the names of the tasks the suite itself marks for training (DreamCoder's
 *     official splits of its LOGO and tower tasks, say), or empty when it marks none; {@link
 *     #ownSplit} splits by it
 */
public record Suite(
    String name,
    String domain,
    ImmutableList<Task> tasks,
    Optional<ImmutableSet<String>> ownTraining) {

  /** A suite that marks no training tasks of its own. */
  public Suite(String name, String domain, ImmutableList<Task> tasks) {
    this(name, domain, tasks, Optional.empty());
  }

  public Suite {
    checkArgument(!name.isEmpty(), "empty suite name");
    tasks = ImmutableList.copyOf(tasks);
    ownTraining = ownTraining.map(ImmutableSet::copyOf);
    ImmutableMap.Builder<String, Task> byName = ImmutableMap.builder();
    for (Task t : tasks) {
      byName.put(t.name(), t);
    }
    try {
      byName.buildOrThrow();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "suite '" + name + "' has duplicate task names: " + e.getMessage(), e);
    }
    ImmutableMap<String, Task> known = byName.buildOrThrow();
    ownTraining.ifPresent(
        marked ->
            marked.forEach(
                n ->
                    checkArgument(
                        known.containsKey(n), "suite '%s' marks unknown task %s", name, n)));
  }

  /**
   * The split the suite marks itself: its marked tasks train, the others test, both in the suite's
   * order; empty when it marks none.
   */
  public Optional<Split> ownSplit() {
    return ownTraining.map(
        marked -> {
          ImmutableList.Builder<Task> train = ImmutableList.builder();
          ImmutableList.Builder<Task> test = ImmutableList.builder();
          for (Task t : tasks) {
            (marked.contains(t.name()) ? train : test).add(t);
          }
          return new Split(
              new Suite(name + "-train", domain, train.build()),
              new Suite(name + "-test", domain, test.build()));
        });
  }

  /** The task called {@code taskName}, if there is one. */
  public Optional<Task> find(String taskName) {
    for (Task t : tasks) {
      if (t.name().equals(taskName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The task called {@code taskName}; an {@link InputException} naming the suite otherwise. */
  public Task task(String taskName) {
    return find(taskName)
        .orElseThrow(
            () ->
                new InputException(
                    "no task '"
                        + taskName
                        + "' in suite '"
                        + name
                        + "' ("
                        + tasks.size()
                        + " tasks; 'reverie tasks' lists them)"));
  }

  /** The number of tasks. */
  public int size() {
    return tasks.size();
  }

  /**
   * A train/test split: {@code round(trainFraction * size)} tasks, chosen by a shuffle seeded with
   * {@code seed}, go to training, the others to test; both keep the suite's order. The same suite,
   * fraction and seed give the same split on every machine ({@link Random} is specified exactly).
   */
  public Split split(double trainFraction, long seed) {
    return split(trainFraction, seed, false);
  }

  /**
   * A split as {@link #split}, except that every family with two or more tasks (the name up to
   * {@code " with "}, as DreamCoder's {@code "add-k with k=3"}) has at least one member in
   * training, as the DreamCoder paper's list split does, so that each test task has a relative to
   * learn from; training may then be larger than {@code round(trainFraction * size)}.
   */
  public Split splitKeepingFamilies(double trainFraction, long seed) {
    return split(trainFraction, seed, true);
  }

  /**
   * The family of a task name: the part before {@code " with "} (the whole name when there is
   * none).
   */
  public static String family(String taskName) {
    int with = taskName.indexOf(" with ");
    return with < 0 ? taskName : taskName.substring(0, with);
  }

  private Split split(double trainFraction, long seed, boolean keepFamilies) {
    checkArgument(
        trainFraction >= 0 && trainFraction <= 1,
        "train fraction %s is not in [0, 1]",
        trainFraction);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int trainSize = (int) Math.round(trainFraction * tasks.size());
    boolean[] inTrain = new boolean[tasks.size()];
    int chosen = 0;
    if (keepFamilies) {
      Map<String, Integer> familySizes = new HashMap<>();
      for (Task t : tasks) {
        familySizes.merge(family(t.name()), 1, Integer::sum);
      }
      Set<String> represented = new HashSet<>();
      for (int i : order) {
        String f = family(tasks.get(i).name());
        if (familySizes.get(f) >= 2 && represented.add(f)) {
          inTrain[i] = true;
          chosen++;
        }
      }
    }
    for (int k = 0; k < order.size() && chosen < trainSize; k++) {
      if (!inTrain[order.get(k)]) {
        inTrain[order.get(k)] = true;
        chosen++;
      }
    }
    ImmutableList.Builder<Task> train = ImmutableList.builder();
    ImmutableList.Builder<Task> test = ImmutableList.builder();
    for (int i = 0; i < tasks.size(); i++) {
      (inTrain[i] ? train : test).add(tasks.get(i));
    }
    return new Split(
        new Suite(name + "-train", domain, train.build()),
        new Suite(name + "-test", domain, test.build()));
  }

  /** The two halves of {@link #split}. */
  public record Split(Suite train, Suite test) {}
}
