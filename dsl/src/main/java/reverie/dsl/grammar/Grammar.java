package reverie.dsl.grammar;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import reverie.dsl.program.Program;

/**
 * A probabilistic grammar over a library: a log-weight per production plus one shared by the variables in
 * scope. Under DreamCoder's semantics, each hole normalises over the productions and variables whose type
 * unifies with the hole's type.
 */
public record Grammar(double logVariable, ImmutableList<Production> productions) {

  public Grammar {
    productions = ImmutableList.copyOf(productions);
  }

  /** Every production and the variables with log-weight 0. */
  public static Grammar uniform(Collection<? extends Program> library) {
    ImmutableList.Builder<Production> b = ImmutableList.builder();
    for (Program p : library) {
      b.add(Production.of(p, 0.0));
    }
    return new Grammar(0.0, b.build());
  }
}
