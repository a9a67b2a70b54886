package reverie.dsl.grammar;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import reverie.dsl.program.Program;

/**
 * DreamCoder's contextual (bigram) grammar: a separate {@link Grammar} for the root ("no parent"), for the
 * arguments of a variable, and for each argument index of each production of the library.
 */
public record ContextualGrammar(
    Grammar noParent,
    Grammar variableParent,
    ImmutableMap<Program, ImmutableList<Grammar>> library) {

  public ContextualGrammar {
    library = ImmutableMap.copyOf(library);
  }
}
