/**
 * What is to be solved: tasks, suites, the files they come from, and the domains whose primitives
 * solve them.
 *
 * <ul>
 *   <li>A {@link reverie.tasks.Domain} is the whole contract of a family of tasks: primitives and
 *       their implementations, base types, the JSON codec of its values, its {@link
 *       reverie.tasks.Likelihood}, its built-in suites, its recognition {@link
 *       reverie.tasks.Featurizer}, and optionally task files of its own layout and pictures.
 *       Domains are plugins found by {@link reverie.tasks.Domains}; nothing outside a domain's
 *       package names it.
 *   <li>A {@link reverie.tasks.Task} has a name, a request type, {@link reverie.tasks.Example}s and
 *       a domain; a {@link reverie.tasks.Scorer} (the domain's likelihood and one evaluation
 *       budget) is the one definition of whether a program solves it, and {@link
 *       reverie.tasks.CheckReport} reports every example, as {@code reverie check} prints it.
 *   <li>A {@link reverie.tasks.Suite} is a named list of tasks of one domain, with seeded
 *       train/test splits or a split of its own.
 *   <li>{@link reverie.tasks.Suites} gives the domains' built-in suites ({@link
 *       reverie.tasks.BuiltInSuite}, generated with {@link reverie.tasks.SuiteBuilder}) and loads
 *       task files of any known layout; bad files fail with a {@link
 *       reverie.tasks.TaskFormatException} naming file, task and example.
 * </ul>
 */
package reverie.tasks;
