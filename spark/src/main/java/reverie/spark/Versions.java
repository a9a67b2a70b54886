package reverie.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions a driver and its executors must agree on: Reverie's (written into the jar by the
 * build) and Spark's; and the Java feature release both need at least.
 */
final class Versions {
  /** Spark 4 and Reverie need Java 17 or later. */
  static final int JAVA = 17;

  private static final String REVERIE = read();

  private Versions() {}

  /** This jar's Reverie version. */
  static String reverie() {
    return REVERIE;
  }

  /** The Spark version on this JVM's class path. */
  static String spark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  /** This JVM's Java feature release. */
  static int java() {
    return Runtime.version().feature();
  }

  private static String read() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/reverie-spark.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }
}
