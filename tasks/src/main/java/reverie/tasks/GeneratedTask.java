package reverie.tasks;

/**
 * A task of a built-in suite with the family it belongs to and a reference solution in the domain's
 * DSL, so that tests can show every generated example is solvable.
 */
public record GeneratedTask(Task task, String family, String referenceProgram) {}
