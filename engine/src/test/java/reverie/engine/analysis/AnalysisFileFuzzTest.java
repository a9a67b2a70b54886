package reverie.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import reverie.dsl.InputException;
import reverie.engine.FuzzContract;

/**
 * Coverage-guided fuzzing of the readers of other tools' files: npy, safetensors, and SAE folders
 * in SAELens' and sparsify's layouts (run on a zero input once read). Each input is read, or
 * refused with an {@link InputException} naming the file or folder; never another exception, an
 * allocation the file's size does not justify, or a hang.
 *
 * <p>An SAE folder's input is framed as two big-endian bytes giving the length of {@code cfg.json},
 * that file, and the weights file.
 */
class AnalysisFileFuzzTest {
  private static Path dir;

  private static synchronized Path scratch() throws IOException {
    if (dir == null) {
      Path shm = Path.of("/dev/shm");
      dir =
          Files.createTempDirectory(
              Files.isDirectory(shm) && Files.isWritable(shm)
                  ? shm
                  : Path.of(System.getProperty("java.io.tmpdir")),
              "analysis-fuzz");
      dir.toFile().deleteOnExit();
    }
    return dir;
  }

  @FuzzTest(maxDuration = "10m")
  void npy(byte[] input) {
    try {
      Tensor t = Npy.parse(input, "x.npy");
      assertEquals(
          Arrays.stream(t.shape()).asLongStream().reduce(1, (a, b) -> a * b), t.data().length);
    } catch (InputException e) {
      FuzzContract.rejected(e, "x.npy: ", FuzzContract.text(input));
    }
  }

  @FuzzTest(maxDuration = "10m")
  void safetensors(byte[] input) {
    try {
      Safetensors.Contents c = Safetensors.parse(input, "x.safetensors");
      for (Tensor t : c.tensors().values()) {
        assertEquals(
            Arrays.stream(t.shape()).asLongStream().reduce(1, (a, b) -> a * b), t.data().length);
      }
    } catch (InputException e) {
      FuzzContract.rejected(e, "x.safetensors: ", FuzzContract.text(input));
    }
  }

  @FuzzTest(maxDuration = "10m")
  void saeLens(byte[] input) throws IOException {
    saeFolder(input, SaeFolder.SAELENS_WEIGHTS);
  }

  @FuzzTest(maxDuration = "10m")
  void sparsify(byte[] input) throws IOException {
    saeFolder(input, SaeFolder.SPARSIFY_WEIGHTS);
  }

  private static void saeFolder(byte[] input, String weightsName) throws IOException {
    Path folder = scratch().resolve(weightsName.replace('.', '-'));
    Files.createDirectories(folder);
    int length = input.length < 2 ? 0 : ByteBuffer.wrap(input).getShort() & 0xffff;
    int start = Math.min(input.length, 2);
    int end = Math.min(input.length, start + length);
    Files.write(folder.resolve(SaeFolder.CONFIG), Arrays.copyOfRange(input, start, end));
    Files.write(folder.resolve(weightsName), Arrays.copyOfRange(input, end, input.length));
    try {
      SparseAutoencoder sae = SaeFolder.read(folder);
      float[] code = sae.encode(new float[sae.dIn()]);
      assertEquals(sae.dSae(), code.length);
    } catch (InputException e) {
      FuzzContract.rejected(e, folder.toString(), FuzzContract.text(input));
    }
  }
}
