package reverie.engine.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationBudget;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.program.Program;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/** A search job survives its serialised form, and runs from it to the same frontiers. */
class JobCodecTest {
  private static final Domain LISTS = Domains.installed().byName("lists");

  private static SearchPlan plan() {
    Task tail = SolverTest.task("tail", "list(int) -> list(int)", "(lambda (cdr $0))", 1);
    Task length = SolverTest.task("length", "list(int) -> int", "(lambda (length $0))", 2);
    Task increment =
        SolverTest.task(
            "increment", "list(int) -> list(int)", "(lambda (map (lambda (+ 1 $0)) $0))", 3);
    Grammar uniform = Grammar.uniform(LISTS.primitives());
    List<Program> library = new java.util.ArrayList<>(LISTS.primitives());
    library.add(Program.parse("#(lambda (map (lambda (+ 1 $0)) $0))", LISTS.resolver()));
    ContextualGrammar withInvention = ContextualGrammar.fromGrammar(Grammar.uniform(library));
    return SearchPlan.of(
        List.of(tail, length, increment),
        t -> t == increment ? withInvention : ContextualGrammar.fromGrammar(uniform),
        "lists",
        new SearchBudget(2, 1, Double.POSITIVE_INFINITY, EvaluationBudget.DEFAULT));
  }

  @Test
  void jobsAndResultsRoundTrip() {
    SearchPlan plan = plan();
    assertEquals(3, plan.jobs().size());
    for (SearchJob job : plan.jobs()) {
      String text = JobCodec.write(job, LISTS);
      assertEquals(job, JobCodec.readJob(text, LISTS));
      JobResult result = JobExecution.run(job, Scorer.of(LISTS), 1);
      assertEquals(
          result,
          JobCodec.resultFromJson(
              reverie.dsl.grammar.GrammarJson.parse(JobCodec.toJson(result).toString(), "result"),
              LISTS));
    }
  }

  @Test
  void aJobReadBackFindsTheSameFirstSolutions() {
    // With one program per task the search stops at the first solution, which the enumeration
    // order alone decides: the same job gives the same frontier wherever it runs.
    for (SearchJob job : plan().jobs()) {
      SearchJob shipped = JobCodec.readJob(JobCodec.write(job, LISTS), LISTS);
      JobResult here = JobExecution.run(job, Scorer.of(LISTS), 1);
      JobResult there = JobExecution.run(shipped, Scorer.of(LISTS), 1);
      assertEquals(here.tasks().get(0).frontier(), there.tasks().get(0).frontier(), job.toString());
      assertTrue(here.tasks().get(0).solved(), job.tasks().get(0).name());
    }
  }

  @Test
  void aJobOfAnotherDomainOrFormatIsRefused() {
    SearchJob job = plan().jobs().get(0);
    String text = JobCodec.write(job, LISTS);
    Domain textDomain = Domains.installed().byName("text");
    InputException other =
        assertThrows(InputException.class, () -> JobCodec.readJob(text, textDomain));
    assertTrue(other.getMessage().contains("domain lists"), other.getMessage());
    InputException format =
        assertThrows(
            InputException.class,
            () -> JobCodec.readJob(text.replace(JobCodec.JOB_FORMAT, "other/9"), LISTS));
    assertTrue(format.getMessage().contains("format"), format.getMessage());
  }
}
