package reverie.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import reverie.dsl.InputException;

/** Splits and quotes lines of RFC 4180 comma-separated values (one record per line). */
final class Csv {
  private Csv() {}

  /** The fields of one line; {@code where} names the file and line for errors. */
  static List<String> split(String line, String where) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InputException(where + ": unterminated quoted field");
    }
    fields.add(wasQuoted ? field.toString() : field.toString().strip());
    return fields;
  }

  /** {@code s}, quoted when it holds a comma, quote or surrounding space. */
  static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || !s.equals(s.strip()) || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
