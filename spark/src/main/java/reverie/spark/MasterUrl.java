package reverie.spark;

import com.google.common.collect.ImmutableList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master URL, checked before Spark sees it: {@code local}, {@code local[N]}, {@code
 * local[*]}, {@code local[N,F]} (F tries per task), {@code spark://HOST:PORT} (several masters
 * separated by commas), {@code yarn}, or {@code k8s://URL}.
 *
 * @param url the URL as given
 * @param standalone the masters' host and port of a {@code spark://} URL, empty otherwise
 * @param localTries the tries per task of a {@code local} master (1 unless {@code local[N,F]}), 0
 *     for a cluster (whose {@code spark.task.maxFailures} counts)
 */
record MasterUrl(String url, ImmutableList<HostPort> standalone, int localTries) {

  /** One standalone master's address. */
  record HostPort(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,(\\d+))?])?");
  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:/,\\s]+):(\\d+)");

  /** The URL forms, for messages. */
  static final String FORMS = "local[N], spark://HOST:PORT, yarn or k8s://URL";

  /** Whether {@code url} looks like one of the forms (it may still be malformed). */
  static boolean accepts(String url) {
    return url.startsWith("local")
        || url.startsWith("spark://")
        || url.equals("yarn")
        || url.startsWith("k8s://");
  }

  /** Parses {@code url}; an {@link IllegalArgumentException} with one line when malformed. */
  static MasterUrl parse(String url) {
    Matcher local = LOCAL.matcher(url);
    if (local.matches()) {
      String threads = local.group(1);
      if (threads != null && !threads.equals("*") && Integer.parseInt(threads) < 1) {
        throw new IllegalArgumentException(url + " asks for no threads; give local[N] with N >= 1");
      }
      int tries = local.group(2) == null ? 1 : Integer.parseInt(local.group(2));
      if (tries < 1) {
        throw new IllegalArgumentException(url + " gives no tries per task; F in local[N,F] >= 1");
      }
      return new MasterUrl(url, ImmutableList.of(), tries);
    }
    if (url.startsWith("spark://")) {
      ImmutableList.Builder<HostPort> masters = ImmutableList.builder();
      for (String part : url.substring("spark://".length()).split(",", -1)) {
        Matcher m = HOST_PORT.matcher(part);
        int port = m.matches() ? parsePort(m.group(2)) : -1;
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException(
              url + " is not spark://HOST:PORT (a port from 1 to 65535 after each host)");
        }
        String host = m.group(1);
        if (host.startsWith("[")) {
          host = host.substring(1, host.length() - 1);
        }
        masters.add(new HostPort(host, port));
      }
      return new MasterUrl(url, masters.build(), 0);
    }
    if (url.equals("yarn")) {
      return new MasterUrl(url, ImmutableList.of(), 0);
    }
    if (url.startsWith("k8s://") && url.length() > "k8s://".length()) {
      return new MasterUrl(url, ImmutableList.of(), 0);
    }
    throw new IllegalArgumentException(url + " is not a Spark master URL: " + FORMS);
  }

  private static int parsePort(String digits) {
    return digits.length() > 5 ? -1 : Integer.parseInt(digits);
  }

  boolean isLocal() {
    return url.startsWith("local");
  }
}
