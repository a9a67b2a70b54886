package reverie.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reverie.dsl.type.Type;

/**
 * Turns each example of a task into a sequence of tokens for a sequence encoder: the inputs,
 * separators and the output, with distinct ids for tokens on the input and the output side (the
 * output side's ids are the input side's plus {@code sideVocabulary().size()}).
 *
 * <p>Values are tokenised from their JSON form (the domain's codec): arrays and objects become
 * brackets around their items, booleans two fixed tokens, and every other scalar goes through
 * {@link #scalarTokens}. Two schemes are built in: {@link #smallValues} (small integers and
 * printable characters are their own tokens, for lists and text) and {@link #hashed} (every scalar
 * hashed into buckets, for any domain with a JSON codec).
 */
public abstract non-sealed class SequenceFeaturizer implements Featurizer {

  /**
   * Tokens per input or output value; longer values are cut (the tail rarely changes what to
   * predict).
   */
  public static final int MAX_VALUE_TOKENS = 32;

  // Structural tokens shared by every scheme, at the start of the vocabulary.
  static final int START = 0;
  static final int NEXT_INPUT = 1;
  static final int ARROW = 2;
  static final int END = 3;
  static final int OPEN = 4;
  static final int CLOSE = 5;
  static final int UNKNOWN = 6;
  static final int TRUE = 7;
  static final int FALSE = 8;
  static final int SPECIALS = 9;
  static final ImmutableList<String> SPECIAL_NAMES =
      ImmutableList.of(
          "<start>", "<input>", "<arrow>", "<end>", "[", "]", "<unk>", "true", "false");

  /** Writes a run-time value of a type as JSON: a domain's codec. */
  @FunctionalInterface
  public interface Codec {
    JsonNode toJson(Object value, Type type);
  }

  private final String name;
  private final Codec codec;

  SequenceFeaturizer(String name, Codec codec) {
    this.name = name;
    this.codec = codec;
  }

  /**
   * The scheme for small integers and text, under {@code name}: integers from -20 to 99 and
   * printable ASCII characters are their own tokens; larger integers fall into two overflow tokens.
   */
  public static SequenceFeaturizer smallValues(String name, Codec codec) {
    return new SmallValues(name, codec);
  }

  /**
   * The scheme for any domain, named {@code generic}: every scalar of the JSON form (a number's
   * text, each character of a string) is hashed into one of 128 buckets.
   */
  public static SequenceFeaturizer hashed(Codec codec) {
    return new Hashed(codec);
  }

  @Override
  public final String name() {
    return name;
  }

  /**
   * The tokens of one side, in id order; the vocabulary is twice this (input side, output side).
   */
  public abstract ImmutableList<String> sideVocabulary();

  /** The total number of token ids. */
  public final int vocabularySize() {
    return 2 * sideVocabulary().size();
  }

  /** Appends the tokens of one scalar JSON value (number, string, null) to {@code out}. */
  abstract void scalarTokens(JsonNode value, List<Integer> out);

  /**
   * One token sequence per example of a task of type {@code request}: {@code <start>}, the inputs
   * separated by {@code <input>}, {@code <arrow>}, the output, {@code <end>}.
   */
  public int[][] sequences(Type request, List<Example> examples) {
    List<Type> inputTypes = request.functionArguments();
    Type outputType = request.finalResult();
    int side = sideVocabulary().size();
    int[][] sequences = new int[examples.size()][];
    for (int e = 0; e < examples.size(); e++) {
      Example example = examples.get(e);
      List<Integer> tokens = new ArrayList<>();
      tokens.add(START);
      for (int i = 0; i < example.inputs().size(); i++) {
        if (i > 0) {
          tokens.add(NEXT_INPUT);
        }
        valueTokens(codec.toJson(example.inputs().get(i), inputTypes.get(i)), tokens, 0);
      }
      tokens.add(ARROW);
      // Output-side tokens get the second half of the ids, so the encoder can tell input from
      // output.
      valueTokens(codec.toJson(example.output(), outputType), tokens, side);
      tokens.add(END);
      sequences[e] = tokens.stream().mapToInt(Integer::intValue).toArray();
    }
    return sequences;
  }

  private void valueTokens(JsonNode value, List<Integer> out, int offset) {
    List<Integer> raw = new ArrayList<>();
    flatten(value, raw);
    int n = Math.min(raw.size(), MAX_VALUE_TOKENS);
    for (int i = 0; i < n; i++) {
      out.add(raw.get(i) + offset);
    }
  }

  private void flatten(JsonNode value, List<Integer> out) {
    if (value.isArray()) {
      out.add(OPEN);
      for (JsonNode v : value) {
        flatten(v, out);
        if (out.size() > MAX_VALUE_TOKENS) {
          return;
        }
      }
      out.add(CLOSE);
    } else if (value.isObject()) {
      out.add(OPEN);
      for (var fields = value.fields(); fields.hasNext() && out.size() <= MAX_VALUE_TOKENS; ) {
        var f = fields.next();
        scalarTokens(TextNode.valueOf(f.getKey()), out);
        flatten(f.getValue(), out);
      }
      out.add(CLOSE);
    } else if (value.isBoolean()) {
      out.add(value.booleanValue() ? TRUE : FALSE);
    } else {
      scalarTokens(value, out);
    }
  }

  /** Small integers and printable characters as their own tokens. */
  private static final class SmallValues extends SequenceFeaturizer {
    static final int MIN_INT = -20;
    static final int MAX_INT = 99;
    private static final int INTS = SPECIALS;
    private static final int BIG_NEGATIVE = INTS + (MAX_INT - MIN_INT + 1);
    private static final int BIG_POSITIVE = BIG_NEGATIVE + 1;
    private static final int CHARS = BIG_POSITIVE + 1;
    private static final ImmutableList<String> VOCABULARY = vocabulary();

    SmallValues(String name, Codec codec) {
      super(name, codec);
    }

    private static ImmutableList<String> vocabulary() {
      ImmutableList.Builder<String> b = ImmutableList.builder();
      b.addAll(SPECIAL_NAMES);
      for (int i = MIN_INT; i <= MAX_INT; i++) {
        b.add(Integer.toString(i));
      }
      b.add("<negative>", "<large>");
      for (char c = 32; c < 127; c++) {
        b.add("'" + c + "'");
      }
      return b.build();
    }

    @Override
    public ImmutableList<String> sideVocabulary() {
      return VOCABULARY;
    }

    @Override
    void scalarTokens(JsonNode value, List<Integer> out) {
      if (value.isIntegralNumber()) {
        long v = value.longValue();
        out.add(
            v < MIN_INT ? BIG_NEGATIVE : v > MAX_INT ? BIG_POSITIVE : INTS + (int) (v - MIN_INT));
      } else if (value.isTextual()) {
        // One token per character (code point).
        value
            .textValue()
            .codePoints()
            .limit(MAX_VALUE_TOKENS)
            .forEach(c -> out.add(c >= 32 && c < 127 ? CHARS + (c - 32) : UNKNOWN));
      } else {
        out.add(UNKNOWN);
      }
    }
  }

  /** Every scalar hashed into a fixed number of buckets. */
  private static final class Hashed extends SequenceFeaturizer {
    static final int BUCKETS = 128;
    private static final ImmutableList<String> VOCABULARY = vocabulary();

    Hashed(Codec codec) {
      super("generic", codec);
    }

    private static ImmutableList<String> vocabulary() {
      ImmutableList.Builder<String> b = ImmutableList.builder();
      b.addAll(SPECIAL_NAMES);
      for (int i = 0; i < BUCKETS; i++) {
        b.add("#" + i);
      }
      return b.build();
    }

    @Override
    public ImmutableList<String> sideVocabulary() {
      return VOCABULARY;
    }

    @Override
    void scalarTokens(JsonNode value, List<Integer> out) {
      if (value.isTextual()) {
        value
            .textValue()
            .codePoints()
            .limit(MAX_VALUE_TOKENS)
            .forEach(c -> out.add(bucket("c" + Character.toString(c))));
      } else {
        out.add(bucket("v" + value.asText()));
      }
    }

    // FNV-1a: stable across JVMs and releases; a saved model depends on the mapping.
    private static int bucket(String token) {
      int h = 0x811c9dc5;
      for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x01000193;
      }
      return SPECIALS + Math.floorMod(h, BUCKETS);
    }
  }
}
