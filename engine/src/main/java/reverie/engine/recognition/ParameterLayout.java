package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where each layer's parameters live in one flat {@code double[]}: a whole network is one vector,
 * so Adam, gradient reduction and saving are loops over a single array.
 */
final class ParameterLayout {

  /** One named block of parameters and how it is initialised. */
  record Block(String name, int offset, int size, double initScale) {}

  private final List<Block> blocks = new ArrayList<>();
  private int size;
  private boolean frozen;

  /**
   * Reserves {@code count} parameters drawn uniformly from [-scale, scale] (0 means
   * zero-initialised).
   */
  int allocate(String name, int count, double initScale) {
    checkState(!frozen, "layout already frozen");
    checkArgument(count >= 0, "negative block size %s", count);
    int offset = size;
    blocks.add(new Block(name, offset, count, initScale));
    size += count;
    return offset;
  }

  int size() {
    frozen = true;
    return size;
  }

  ImmutableList<Block> blocks() {
    return ImmutableList.copyOf(blocks);
  }

  /** Fresh parameters: Glorot-style uniform blocks, biases at zero. */
  double[] initialise(SplittableRandom random) {
    double[] p = new double[size()];
    for (Block b : blocks) {
      if (b.initScale() == 0) {
        continue;
      }
      for (int i = b.offset(); i < b.offset() + b.size(); i++) {
        p[i] = (2 * random.nextDouble() - 1) * b.initScale();
      }
    }
    return p;
  }

  /** Glorot's uniform bound for a layer with these fan-in and fan-out. */
  static double glorot(int fanIn, int fanOut) {
    return Math.sqrt(6.0 / (fanIn + fanOut));
  }
}
