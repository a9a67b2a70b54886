package reverie.tasks.text;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import reverie.dsl.type.Type;
import reverie.tasks.GeneratedTask;
import reverie.tasks.SuiteBuilder;

/**
 * The built-in {@code text} suite: text-editing tasks in the style of DreamCoder's generated text
 * tasks (delimiter replacements and splits, prefixes and suffixes, joins, case-free
 * transformations), on strings that are {@code list(char)}, generated from seeded random words.
 *
 * <p>Reference programs use only the text domain's primitives (the list core, {@code char-eq?} and
 * the delimiter constants), so every task is solvable in the base DSL; families that share a shape
 * (first word, append a character) are where a library pays.
 */
public final class TextSuite {
  private static final Type STRING = Type.of("list", Type.of("char"));
  private static final Type EDIT = Type.arrow(STRING, STRING);
  private static final Type JOIN = Type.arrow(STRING, STRING, STRING);

  /** DreamCoder's delimiters, in its order. */
  private static final char[] DELIMITERS = {'.', ',', ' ', '(', ')', '-'};

  private static final String APPEND_FOLD = "(lambda (lambda (cons $1 $0)))";
  private static final String LETTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private TextSuite() {}

  /** The suite's tasks, 4 to 8 examples each, from {@code seed}. */
  public static ImmutableList<GeneratedTask> generate(long seed) {
    SuiteBuilder b = new SuiteBuilder("text", seed, 4, 8);
    Function<Random, List<Object>> mixed = random -> one(words(random, 1, 4, null));

    for (int i = 0; i < DELIMITERS.length; i++) {
      for (int step = 1; step <= 2; step++) {
        char from = DELIMITERS[i];
        char to = DELIMITERS[(i + step) % DELIMITERS.length];
        b.add(
            "replace",
            "replace '" + from + "' with '" + to + "'",
            EDIT,
            "(lambda (map (lambda (if (char-eq? $0 " + c(from) + ") " + c(to) + " $0)) $0))",
            random -> one(words(random, 2, 4, from)),
            in -> string(s(in).replace(from, to)));
      }
    }
    for (int k = 1; k <= 4; k++) {
      final int n = k;
      b.add(
          "drop-first-k",
          "drop first " + k + " characters",
          EDIT,
          "(lambda " + repeat("cdr", k, "$0") + ")",
          random -> one(atLeast(random, n)),
          in -> string(s(in).substring(n)));
      b.add(
          "take-first-k",
          "take first " + k + " characters",
          EDIT,
          "(lambda (map (lambda (index $0 $1)) (range " + num(k) + ")))",
          random -> one(atLeast(random, n)),
          in -> string(s(in).substring(0, n)));
    }
    for (int k = 1; k <= 3; k++) {
      final int n = k;
      b.add(
          "drop-last-k",
          "drop last " + k + " characters",
          EDIT,
          "(lambda (map (lambda (index $0 $1)) (range (- (length $0) " + num(k) + "))))",
          random -> one(atLeast(random, n)),
          in -> string(s(in).substring(0, s(in).length() - n)));
    }
    for (char d : DELIMITERS) {
      b.add(
          "prepend-char",
          "prepend '" + d + "'",
          EDIT,
          "(lambda (cons " + c(d) + " $0))",
          mixed,
          in -> string(d + s(in)));
      b.add(
          "append-char",
          "append '" + d + "'",
          EDIT,
          "(lambda (fold $0 (cons " + c(d) + " empty) " + APPEND_FOLD + "))",
          mixed,
          in -> string(s(in) + d));
      b.add(
          "surround-char",
          "surround with '" + d + "'",
          EDIT,
          "(lambda (cons " + c(d) + " (fold $0 (cons " + c(d) + " empty) " + APPEND_FOLD + ")))",
          mixed,
          in -> string(d + s(in) + d));
    }
    char[][] pairs = {{'(', ')'}, {')', '('}, {'-', '.'}, {'.', ','}, {' ', '-'}, {',', ' '}};
    for (char[] p : pairs) {
      b.add(
          "wrap",
          "wrap in '" + p[0] + "' and '" + p[1] + "'",
          EDIT,
          "(lambda (cons "
              + c(p[0])
              + " (fold $0 (cons "
              + c(p[1])
              + " empty) "
              + APPEND_FOLD
              + ")))",
          mixed,
          in -> string(p[0] + s(in) + p[1]));
    }
    for (char d : DELIMITERS) {
      String firstWord =
          "(unfold $0 (lambda (char-eq? (car $0) "
              + c(d)
              + ")) (lambda (car $0)) (lambda (cdr $0)))";
      b.add(
          "first-word",
          "first word delimited by '" + d + "'",
          EDIT,
          "(lambda " + firstWord + ")",
          random -> one(words(random, 2, 4, d)),
          in -> string(s(in).substring(0, s(in).indexOf(d))));
      // Everything after the first delimiter: index past the first word, whose length the unfold
      // measures.
      String inner =
          "(+ 1 (length (unfold $1 (lambda (char-eq? (car $0) "
              + c(d)
              + ")) (lambda (car $0)) "
              + "(lambda (cdr $0)))))";
      String outer = "(+ 1 (length " + firstWord + "))";
      b.add(
          "drop-first-word",
          "drop first word delimited by '" + d + "'",
          EDIT,
          "(lambda (map (lambda (index (+ $0 "
              + inner
              + ") $1)) (range (- (length $0) "
              + outer
              + "))))",
          random -> one(words(random, 2, 4, d)),
          in -> string(s(in).substring(s(in).indexOf(d) + 1)));
    }
    b.add(
        "first-char",
        "first character",
        EDIT,
        "(lambda (cons (car $0) empty))",
        mixed,
        in -> string(s(in).substring(0, 1)));
    b.add(
        "last-char",
        "last character",
        EDIT,
        "(lambda (cons (index (- (length $0) 1) $0) empty))",
        mixed,
        in -> string(s(in).substring(s(in).length() - 1)));
    b.add(
        "reverse",
        "reverse",
        EDIT,
        "(lambda (map (lambda (index (- (- (length $1) 1) $0) $1)) (range (length $0))))",
        mixed,
        in -> string(new StringBuilder(s(in)).reverse().toString()));
    for (char d : DELIMITERS) {
      b.add(
          "first-char-then",
          "first character and '" + d + "'",
          EDIT,
          "(lambda (cons (car $0) (cons " + c(d) + " empty)))",
          mixed,
          in -> string(s(in).charAt(0) + "" + d));
      b.add(
          "remove-char",
          "remove '" + d + "'",
          EDIT,
          "(lambda (fold $0 empty (lambda (lambda (if (char-eq? $1 "
              + c(d)
              + ") $0 (cons $1 $0))))))",
          random -> one(words(random, 2, 4, d)),
          in -> string(s(in).replace(String.valueOf(d), "")));
      b.add(
          "double-char",
          "double '" + d + "'",
          EDIT,
          "(lambda (fold $0 empty (lambda (lambda (if (char-eq? $1 "
              + c(d)
              + ") (cons $1 (cons $1 $0)) "
              + "(cons $1 $0))))))",
          random -> one(words(random, 2, 4, d)),
          in -> string(s(in).replace(String.valueOf(d), "" + d + d)));
      b.add(
          "strip-leading",
          "strip a leading '" + d + "'",
          EDIT,
          "(lambda (if (char-eq? (car $0) " + c(d) + ") (cdr $0) $0))",
          random -> one((random.nextBoolean() ? String.valueOf(d) : "") + words(random, 1, 3, d)),
          in -> string(s(in).charAt(0) == d ? s(in).substring(1) : s(in)));
      b.add(
          "join-with",
          "join two words with '" + d + "'",
          JOIN,
          "(lambda (lambda (fold $1 (cons " + c(d) + " $0) " + APPEND_FOLD + ")))",
          random -> two(word(random), word(random)),
          in -> string(s(in) + d + s2(in)));
    }
    b.add(
        "concatenate",
        "concatenate",
        JOIN,
        "(lambda (lambda (fold $1 $0 " + APPEND_FOLD + ")))",
        random -> two(word(random), word(random)),
        in -> string(s(in) + s2(in)));
    b.add(
        "concatenate-swapped",
        "concatenate second then first",
        JOIN,
        "(lambda (lambda (fold $0 $1 " + APPEND_FOLD + ")))",
        random -> two(word(random), word(random)),
        in -> string(s2(in) + s(in)));
    b.add(
        "initials",
        "initials of two words",
        JOIN,
        "(lambda (lambda (cons (car $1) (cons (car $0) empty))))",
        random -> two(word(random), word(random)),
        in -> string(s(in).charAt(0) + "" + s2(in).charAt(0)));
    for (char d : new char[] {'.', '-', ' '}) {
      b.add(
          "initials-with",
          "initials of two words with '" + d + "'",
          JOIN,
          "(lambda (lambda (cons (car $1) (cons " + c(d) + " (cons (car $0) empty)))))",
          random -> two(word(random), word(random)),
          in -> string(s(in).charAt(0) + "" + d + s2(in).charAt(0)));
    }
    for (int k = 2; k <= 3; k++) {
      for (char d : new char[] {'.', ',', '-'}) {
        final int n = k;
        b.add(
            "abbreviate",
            "first " + k + " characters and '" + d + "'",
            EDIT,
            "(lambda (fold (map (lambda (index $0 $1)) (range "
                + num(k)
                + ")) (cons "
                + c(d)
                + " empty) "
                + APPEND_FOLD
                + "))",
            random -> one(atLeast(random, n)),
            in -> string(s(in).substring(0, n) + d));
      }
    }
    return b.build();
  }

  /**
   * The text domain's name for a delimiter constant. Names cannot contain spaces or parentheses
   * (the program syntax splits on them), so those three have word names as in DreamCoder's text
   * primitives.
   */
  public static String c(char delimiter) {
    switch (delimiter) {
      case ' ':
        return "SPACE";
      case '(':
        return "LPAREN";
      case ')':
        return "RPAREN";
      default:
        return "'" + delimiter + "'";
    }
  }

  private static String num(int k) {
    String s = "1";
    for (int i = 1; i < k; i++) {
      s = "(+ 1 " + s + ")";
    }
    return s;
  }

  private static String repeat(String function, int times, String argument) {
    String s = argument;
    for (int i = 0; i < times; i++) {
      s = "(" + function + " " + s + ")";
    }
    return s;
  }

  private static String word(Random random) {
    int length = 2 + random.nextInt(6);
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < length; i++) {
      w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return w.toString();
  }

  /**
   * Between {@code min} and {@code max} words joined by {@code delimiter}, or by random delimiters
   * if null.
   */
  private static String words(Random random, int min, int max, Character delimiter) {
    int count = min + random.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder(word(random));
    for (int i = 1; i < count; i++) {
      s.append(delimiter != null ? delimiter : DELIMITERS[random.nextInt(DELIMITERS.length)]);
      s.append(word(random));
    }
    return s.toString();
  }

  private static String atLeast(Random random, int length) {
    String s = words(random, 1, 3, null);
    while (s.length() < length) {
      s = s + word(random);
    }
    return s;
  }

  private static List<Object> one(String s) {
    return ImmutableList.of(string(s));
  }

  private static List<Object> two(String a, String b) {
    return ImmutableList.of(string(a), string(b));
  }

  /** A string as the run-time value of {@code list(char)}. */
  static ImmutableList<Object> string(String s) {
    return s.codePoints().boxed().collect(ImmutableList.toImmutableList());
  }

  @SuppressWarnings("unchecked")
  private static String s(List<Object> inputs) {
    return text((List<Object>) inputs.get(0));
  }

  @SuppressWarnings("unchecked")
  private static String s2(List<Object> inputs) {
    return text((List<Object>) inputs.get(1));
  }

  private static String text(List<Object> chars) {
    StringBuilder s = new StringBuilder(chars.size());
    for (Object ch : chars) {
      s.appendCodePoint((Integer) ch);
    }
    return s.toString();
  }
}
