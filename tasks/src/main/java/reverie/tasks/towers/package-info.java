/**
 * DreamCoder's block-tower domain: {@link reverie.tasks.towers.TowerDomain} ({@code towers}, the
 * new primitive set) and {@link reverie.tasks.towers.OldTowerDomain} ({@code towers-old}, the old
 * set).
 *
 * <ul>
 *   <li>{@link reverie.tasks.towers.TowerPrimitives}: the primitives of both sets and their
 *       implementations over {@link reverie.tasks.towers.Tower}, the continuation value kept as the
 *       blocks it places relative to the hand.
 *   <li>{@link reverie.tasks.towers.World}: a plan centred, dropped without physics and sorted, the
 *       target of every task; {@link reverie.tasks.towers.TowerLikelihood} compares worlds exactly.
 *   <li>{@link reverie.tasks.towers.TowerValues}: plans and worlds in JSON; {@link
 *       reverie.tasks.towers.TowerPicture}: their pictures.
 *   <li>{@link reverie.tasks.towers.TowerTaskFile}: DreamCoder's {@code tower_tasks.json} layout,
 *       with its training split; {@link reverie.tasks.towers.TowerSuite}: the built-in suite.
 * </ul>
 */
package reverie.tasks.towers;
