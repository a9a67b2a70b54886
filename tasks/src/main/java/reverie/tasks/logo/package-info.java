/**
 * DreamCoder's LOGO turtle-graphics domain.
 *
 * <ul>
 *   <li>{@link reverie.tasks.logo.LogoDomain}: the primitives, their meaning, the JSON codec,
 *       likelihood, pictures and the recognition featurizer.
 *   <li>{@code Turtle}: a continuation as a list of commands, run into a {@code Drawing}; {@code
 *       Rasteriser} renders drawings into {@code GreyImage}s (28 x 28 for matching) and coloured
 *       pictures.
 *   <li>{@code LogoTaskFile} reads DreamCoder's {@code logo_tasks.json}; {@code LogoSuite}
 *       generates the built-in {@code logo} suite.
 * </ul>
 */
package reverie.tasks.logo;
