package reverie.tasks;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import reverie.dsl.type.Type;

/**
 * A task to solve: a name, the request type every solution must have, the examples it must
 * reproduce and the name of the domain whose primitives may be used (and whose values the examples
 * are). The examples' inputs are the request's arguments, left to right; a {@link Scorer} decides
 * whether a program solves it.
 */
public record Task(String name, Type request, ImmutableList<Example> examples, String domain) {

  public Task {
    checkArgument(!name.isEmpty(), "empty task name");
    checkArgument(!examples.isEmpty(), "task '%s' has no examples", name);
    checkArgument(
        !request.isPolymorphic(), "task '%s' has a polymorphic request type %s", name, request);
    examples = ImmutableList.copyOf(examples);
    int arity = request.functionArguments().size();
    for (Example e : examples) {
      checkArgument(
          e.inputs().size() == arity,
          "task '%s': an example has %s inputs, its type takes %s",
          name,
          e.inputs().size(),
          arity);
    }
  }

  /** The number of arguments a solution takes. */
  public int arity() {
    return request.functionArguments().size();
  }

  /** The types of the arguments, left to right. */
  public ImmutableList<Type> inputTypes() {
    return ImmutableList.copyOf(request.functionArguments());
  }

  /** The type of the output. */
  public Type outputType() {
    return request.finalResult();
  }
}
