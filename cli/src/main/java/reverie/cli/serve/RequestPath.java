package reverie.cli.serve;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request's path as decoded segments. Each segment is percent-decoded on its own, after the raw
 * path is split at its slashes, so an encoded slash stays inside its segment (a task's name may
 * hold one); dot segments ({@code .}, {@code ..}, {@code %2e%2e}), empty segments and NUL are
 * refused. {@link #isFileName} says whether a segment may also name a file: no slash, backslash or
 * leading dot. Symlinks are checked where files are opened.
 */
record RequestPath(ImmutableList<String> segments) {

  /** The segments of a raw path such as {@code /api/runs/my%20run}; empty when it is refused. */
  static Optional<RequestPath> parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String rest = rawPath.substring(1);
    ImmutableList.Builder<String> b = ImmutableList.builder();
    if (!rest.isEmpty()) {
      // split with a negative limit keeps a trailing empty segment, which is refused below.
      for (String raw : rest.split("/", -1)) {
        Optional<String> s = decode(raw);
        if (s.isEmpty() || !acceptable(s.get())) {
          return Optional.empty();
        }
        b.add(s.get());
      }
    }
    return Optional.of(new RequestPath(b.build()));
  }

  private static boolean acceptable(String segment) {
    return !segment.isEmpty()
        && !segment.equals(".")
        && !segment.equals("..")
        && segment.indexOf('\0') < 0;
  }

  /** Whether a segment can be joined to a directory as one plain, visible name. */
  static boolean isFileName(String segment) {
    return !segment.startsWith(".") && segment.indexOf('/') < 0 && segment.indexOf('\\') < 0;
  }

  /** Strict percent-decoding as UTF-8 ({@code +} stays a plus); empty for a malformed escape. */
  static Optional<String> decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  int size() {
    return segments.size();
  }

  String get(int i) {
    return segments.get(i);
  }

  /** Whether the path is {@code parts} exactly. */
  boolean is(String... parts) {
    return segments.equals(ImmutableList.copyOf(parts));
  }

  /** Whether the path starts with {@code parts} and has {@code extra} more segments. */
  boolean startsWith(int extra, String... parts) {
    if (segments.size() != parts.length + extra) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (!segments.get(i).equals(parts[i])) {
        return false;
      }
    }
    return true;
  }
}
