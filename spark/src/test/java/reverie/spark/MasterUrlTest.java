package reverie.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reverie.dsl.InputException;

/** Master URLs, the executors' version report, spark-submit's master, and their errors. */
class MasterUrlTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"local;1", "local[2];1", "local[*];1", "local[4,3];3", "local[*,2];2"})
  void localMastersAndTheirTries(String url, int tries) {
    MasterUrl m = MasterUrl.parse(url);
    assertTrue(m.isLocal());
    assertEquals(tries, m.localTries());
  }

  @Test
  void standaloneMastersListTheirAddresses() {
    MasterUrl m = MasterUrl.parse("spark://10.0.0.1:7077,node-2:7078");
    assertEquals(2, m.standalone().size());
    assertEquals("node-2", m.standalone().get(1).host());
    assertEquals(7078, m.standalone().get(1).port());
    assertEquals(0, m.localTries());
    assertEquals("::1", MasterUrl.parse("spark://[::1]:7077").standalone().get(0).host());
    assertTrue(MasterUrl.parse("yarn").standalone().isEmpty());
    assertFalse(MasterUrl.parse("k8s://https://api:6443").isLocal());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "local[0]",
        "local[x]",
        "local[2,0]",
        "spark://host",
        "spark://h:0",
        "spark://h:99999",
        "spark://h:7077,",
        "k8s://",
        "yarn-cluster",
        "mesos://h:5050"
      })
  void malformedUrlsAreOneLine(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MasterUrl.parse(url));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().startsWith(url), e.getMessage());
  }

  @Test
  void anExecutorOfAnotherJavaReverieOrSparkIsRefusedWithOneLine() {
    String ok = String.join("\t", Versions.reverie(), "4.0.1", "17", "1 on node-1");
    SparkRunner.Probe.check(ok, "4.0.1", "spark://m:7077");
    InputException java =
        assertThrows(
            InputException.class,
            () -> SparkRunner.Probe.check(ok.replace("\t17\t", "\t11\t"), "4.0.1", "m"));
    assertEquals("executor 1 on node-1 runs Java 11; Reverie needs 17", java.getMessage());
    InputException reverie =
        assertThrows(
            InputException.class,
            () -> SparkRunner.Probe.check("0.0.9" + ok.substring(ok.indexOf('\t')), "4.0.1", "m"));
    assertTrue(
        reverie.getMessage().contains("runs Reverie 0.0.9 and the driver"), reverie.getMessage());
    InputException spark =
        assertThrows(InputException.class, () -> SparkRunner.Probe.check(ok, "4.0.0", "m"));
    assertTrue(
        spark.getMessage().contains("runs Spark 4.0.1 and the driver Spark 4.0.0"),
        spark.getMessage());
  }

  @Test
  void sparkSubmitsMasterIsAddedToRunAndSolveThatNameNone() {
    assertArrayEquals(
        new String[] {"run", "--master", "yarn", "--iterations", "2"},
        SparkMain.withSubmittedMaster(new String[] {"run", "--iterations", "2"}, "yarn"));
    String[] own = {"solve", "--master", "local[2]"};
    assertArrayEquals(own, SparkMain.withSubmittedMaster(own, "yarn"));
    String[] other = {"library", "runs/x"};
    assertArrayEquals(other, SparkMain.withSubmittedMaster(other, "yarn"));
    assertArrayEquals(own, SparkMain.withSubmittedMaster(own, null));
  }

  @Test
  void anUnreachableMasterIsOneLineAndExitCode3() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SparkRunTest.Cli r =
        SparkRunTest.Cli.of(
            "solve",
            "--suite",
            "lists",
            "--max-programs",
            "10",
            "--master",
            "spark://127.0.0.1:" + port);
    assertEquals(3, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(
        r.err().startsWith("reverie: cannot reach the Spark master at spark://127.0.0.1:" + port),
        r.err());
  }

  @Test
  void aMalformedOrForeignMasterIsAUsageError() {
    SparkRunTest.Cli malformed =
        SparkRunTest.Cli.of("solve", "--suite", "lists", "--master", "spark://nohost");
    assertEquals(2, malformed.code(), malformed.err());
    assertTrue(
        malformed.err().startsWith("reverie: --master: spark://nohost is not"), malformed.err());
    SparkRunTest.Cli foreign =
        SparkRunTest.Cli.of("solve", "--suite", "lists", "--master", "ray://head:10001");
    assertEquals(2, foreign.code(), foreign.err());
    assertTrue(
        foreign
            .err()
            .startsWith("reverie: --master ray://head:10001 is not a master URL: Spark takes"),
        foreign.err());
  }
}
