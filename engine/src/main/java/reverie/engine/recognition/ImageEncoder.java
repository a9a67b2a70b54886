package reverie.engine.recognition;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A small convolutional network over each example's picture: two blocks of [k x k convolution (same
 * padding), ReLU, 2 x 2 max-pool], flattened, and averaged over examples. On a 28 x 28 LOGO target
 * with 8 and 16 channels the output has 16 x 7 x 7 features; a forward pass costs about 280,000
 * multiply-adds, which keeps 5,000 training steps of 8 tasks within a minute or so.
 *
 * <p>DreamCoder's LOGO network has six such blocks of 64 channels over 128 x 128 pictures; the
 * targets here are the 28 x 28 images the tasks are matched at, for which two blocks already reach
 * a 7 x 7 grid.
 */
final class ImageEncoder implements ExampleEncoder {
  private final int inputChannels;
  private final int height;
  private final int width;
  private final int channels1;
  private final int channels2;
  private final int kernel;
  private final int h1;
  private final int w1;
  private final int h2;
  private final int w2;
  private final int weights1;
  private final int bias1;
  private final int weights2;
  private final int bias2;

  ImageEncoder(
      ParameterLayout layout,
      int inputChannels,
      int height,
      int width,
      int channels1,
      int channels2,
      int kernel) {
    checkArgument(kernel % 2 == 1, "convolution width must be odd, got %s", kernel);
    checkArgument(height >= 4 && width >= 4, "pictures of %sx%s are too small", height, width);
    this.inputChannels = inputChannels;
    this.height = height;
    this.width = width;
    this.channels1 = channels1;
    this.channels2 = channels2;
    this.kernel = kernel;
    this.h1 = height / 2;
    this.w1 = width / 2;
    this.h2 = h1 / 2;
    this.w2 = w1 / 2;
    // He's uniform bound, suited to ReLU layers.
    this.weights1 =
        layout.allocate(
            "encoder.conv1.weight",
            channels1 * inputChannels * kernel * kernel,
            Math.sqrt(6.0 / (inputChannels * kernel * kernel)));
    this.bias1 = layout.allocate("encoder.conv1.bias", channels1, 0);
    this.weights2 =
        layout.allocate(
            "encoder.conv2.weight",
            channels2 * channels1 * kernel * kernel,
            Math.sqrt(6.0 / (channels1 * kernel * kernel)));
    this.bias2 = layout.allocate("encoder.conv2.bias", channels2, 0);
  }

  @Override
  public int outputSize() {
    return channels2 * h2 * w2;
  }

  /** The pictures' intensities per example. */
  private record Example(
      float[] input, double[] relu1, double[] pooled1, int[] from1, double[] relu2, int[] from2) {}

  private record ImageTrace(double[] output, Example[] examples) implements Trace {}

  @Override
  public Object prepare(double[] p, List<EncodedTask> tasks, Parallel parallel) {
    return null;
  }

  @Override
  public double[] newAccumulator() {
    return new double[0];
  }

  @Override
  public void finish(double[] p, Object prepared, double[] accumulator, double[] grad) {}

  @Override
  public Trace forward(double[] p, Object prepared, EncodedTask task) {
    float[][] images = task.images();
    checkArgument(images.length > 0, "a task without pictures");
    double[] output = new double[outputSize()];
    Example[] examples = new Example[images.length];
    for (int e = 0; e < images.length; e++) {
      float[] x = images[e];
      checkArgument(
          x.length == inputChannels * height * width,
          "a picture of %s intensities, expected %s",
          x.length,
          inputChannels * height * width);
      double[] in = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        in[i] = x[i];
      }
      double[] relu1 = new double[channels1 * height * width];
      convolve(p, weights1, bias1, in, inputChannels, channels1, height, width, relu1);
      relu(relu1);
      double[] pooled1 = new double[channels1 * h1 * w1];
      int[] from1 = new int[pooled1.length];
      pool(relu1, channels1, height, width, pooled1, from1);
      double[] relu2 = new double[channels2 * h1 * w1];
      convolve(p, weights2, bias2, pooled1, channels1, channels2, h1, w1, relu2);
      relu(relu2);
      double[] pooled2 = new double[outputSize()];
      int[] from2 = new int[pooled2.length];
      pool(relu2, channels2, h1, w1, pooled2, from2);
      for (int i = 0; i < output.length; i++) {
        output[i] += pooled2[i] / images.length;
      }
      examples[e] = new Example(x, relu1, pooled1, from1, relu2, from2);
    }
    return new ImageTrace(output, examples);
  }

  @Override
  public void backward(
      double[] p,
      Object prepared,
      Trace trace,
      double[] dOutput,
      double[] grad,
      double[] accumulator) {
    Example[] examples = ((ImageTrace) trace).examples();
    for (Example ex : examples) {
      // Through the second pool and ReLU (the max-pool passes the gradient to its arg-max).
      double[] dRelu2 = new double[ex.relu2().length];
      for (int i = 0; i < dOutput.length; i++) {
        int at = ex.from2()[i];
        if (ex.relu2()[at] > 0) {
          dRelu2[at] += dOutput[i] / examples.length;
        }
      }
      double[] dPooled1 = new double[ex.pooled1().length];
      convolveBackward(
          p, weights2, bias2, ex.pooled1(), channels1, channels2, h1, w1, dRelu2, grad, dPooled1);
      double[] dRelu1 = new double[ex.relu1().length];
      for (int i = 0; i < dPooled1.length; i++) {
        int at = ex.from1()[i];
        if (ex.relu1()[at] > 0) {
          dRelu1[at] += dPooled1[i];
        }
      }
      double[] in = new double[ex.input().length];
      for (int i = 0; i < in.length; i++) {
        in[i] = ex.input()[i];
      }
      convolveBackward(
          p, weights1, bias1, in, inputChannels, channels1, height, width, dRelu1, grad, null);
    }
  }

  /**
   * {@code out[o][y][x] = b[o] + sum over i, dy, dx of w[o][i][dy][dx] in[i][y + dy - r][x + dx -
   * r]}, zero outside the picture; arranged so the innermost loop runs along a row.
   */
  private void convolve(
      double[] p,
      int weights,
      int bias,
      double[] in,
      int cin,
      int cout,
      int h,
      int w,
      double[] out) {
    int r = kernel / 2;
    for (int o = 0; o < cout; o++) {
      int plane = o * h * w;
      double b = p[bias + o];
      for (int i = plane; i < plane + h * w; i++) {
        out[i] = b;
      }
      for (int c = 0; c < cin; c++) {
        for (int dy = 0; dy < kernel; dy++) {
          for (int dx = 0; dx < kernel; dx++) {
            double k = p[weights + ((o * cin + c) * kernel + dy) * kernel + dx];
            int y0 = Math.max(0, r - dy);
            int y1 = Math.min(h, h + r - dy);
            int x0 = Math.max(0, r - dx);
            int x1 = Math.min(w, w + r - dx);
            for (int y = y0; y < y1; y++) {
              int src = (c * h + y + dy - r) * w + dx - r;
              int dst = plane + y * w;
              for (int x = x0; x < x1; x++) {
                out[dst + x] += k * in[src + x];
              }
            }
          }
        }
      }
    }
  }

  /** Adds the weight and bias gradients for {@code dOut}; and the input's into {@code dIn}. */
  private void convolveBackward(
      double[] p,
      int weights,
      int bias,
      double[] in,
      int cin,
      int cout,
      int h,
      int w,
      double[] dOut,
      double[] grad,
      double[] dIn) {
    int r = kernel / 2;
    for (int o = 0; o < cout; o++) {
      int plane = o * h * w;
      double db = 0;
      for (int i = plane; i < plane + h * w; i++) {
        db += dOut[i];
      }
      if (db == 0 && allZero(dOut, plane, plane + h * w)) {
        continue;
      }
      grad[bias + o] += db;
      for (int c = 0; c < cin; c++) {
        for (int dy = 0; dy < kernel; dy++) {
          for (int dx = 0; dx < kernel; dx++) {
            int at = weights + ((o * cin + c) * kernel + dy) * kernel + dx;
            double k = p[at];
            double dk = 0;
            int y0 = Math.max(0, r - dy);
            int y1 = Math.min(h, h + r - dy);
            int x0 = Math.max(0, r - dx);
            int x1 = Math.min(w, w + r - dx);
            for (int y = y0; y < y1; y++) {
              int src = (c * h + y + dy - r) * w + dx - r;
              int dst = plane + y * w;
              for (int x = x0; x < x1; x++) {
                dk += dOut[dst + x] * in[src + x];
              }
              if (dIn != null) {
                for (int x = x0; x < x1; x++) {
                  dIn[src + x] += k * dOut[dst + x];
                }
              }
            }
            grad[at] += dk;
          }
        }
      }
    }
  }

  private static boolean allZero(double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static void relu(double[] a) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0) {
        a[i] = 0;
      }
    }
  }

  /** 2 x 2 max-pool (an odd last row or column is dropped); records each maximum's position. */
  private static void pool(double[] in, int channels, int h, int w, double[] out, int[] from) {
    int ph = h / 2;
    int pw = w / 2;
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < ph; y++) {
        for (int x = 0; x < pw; x++) {
          int best = (c * h + 2 * y) * w + 2 * x;
          for (int k = 1; k < 4; k++) {
            int at = (c * h + 2 * y + k / 2) * w + 2 * x + k % 2;
            if (in[at] > in[best]) {
              best = at;
            }
          }
          int o = (c * ph + y) * pw + x;
          out[o] = in[best];
          from[o] = best;
        }
      }
    }
  }
}
