package reverie.engine.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import reverie.dsl.InputException;
import reverie.dsl.type.Type;

/**
 * Turns a task's examples, given as JSON, into token sequences for the network: one sequence per
 * example (inputs, separators, output), with distinct ids for tokens on the input and on the output
 * side.
 *
 * <p>Examples are a JSON array of objects with {@code "inputs"} (an array) and {@code "output"}, or
 * DreamCoder's list-task form with {@code "i"} (one input) and {@code "o"}.
 */
public abstract class Featurizer {

  /**
   * Tokens per input or output value; longer values are cut (the tail rarely changes what to
   * predict).
   */
  static final int MAX_VALUE_TOKENS = 32;

  // Structural tokens shared by every featurizer, at the start of the vocabulary.
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

  /** The name stored in a checkpoint ({@code "lists"}, {@code "text"}, {@code "generic"}). */
  public abstract String name();

  /**
   * The tokens of one side, in id order; the vocabulary is twice this (input side, output side).
   */
  public abstract ImmutableList<String> sideVocabulary();

  /** The total number of token ids. */
  public final int vocabularySize() {
    return 2 * sideVocabulary().size();
  }

  /** Appends the tokens of one scalar JSON value (number, string, boolean, null) to {@code out}. */
  abstract void scalarTokens(JsonNode value, List<Integer> out);

  /**
   * The featurizer for a domain: a fixed vocabulary for lists and text, hashed JSON tokens
   * otherwise.
   */
  public static Featurizer forDomain(String domain) {
    if (domain.equals("lists") || domain.equals("text")) {
      return new ListTextFeaturizer(domain);
    }
    return new JsonFeaturizer();
  }

  /** The featurizer stored under {@code name} in a checkpoint. */
  static Featurizer named(String name) {
    return name.equals(JsonFeaturizer.NAME) ? new JsonFeaturizer() : forDomain(name);
  }

  /**
   * Encodes the examples of task {@code task}; an InputException names the task and example on bad
   * JSON.
   */
  public EncodedTask encode(String task, JsonNode examples) {
    if (examples == null || !examples.isArray() || examples.isEmpty()) {
      throw new InputException("task " + task + ": examples must be a non-empty JSON array");
    }
    int side = sideVocabulary().size();
    int[][] sequences = new int[examples.size()][];
    for (int e = 0; e < examples.size(); e++) {
      JsonNode example = examples.get(e);
      List<JsonNode> inputs = new ArrayList<>();
      JsonNode output;
      if (example.has("inputs") && example.has("output")) {
        example.get("inputs").forEach(inputs::add);
        output = example.get("output");
      } else if (example.has("i") && example.has("o")) {
        inputs.add(example.get("i"));
        output = example.get("o");
      } else {
        throw new InputException(
            "task " + task + ", example " + e + ": expected fields inputs/output or i/o");
      }
      List<Integer> tokens = new ArrayList<>();
      tokens.add(START);
      for (int i = 0; i < inputs.size(); i++) {
        if (i > 0) {
          tokens.add(NEXT_INPUT);
        }
        valueTokens(inputs.get(i), tokens, 0);
      }
      tokens.add(ARROW);
      // Output-side tokens get the second half of the ids, so the encoder can tell input from
      // output.
      valueTokens(output, tokens, side);
      tokens.add(END);
      sequences[e] = tokens.stream().mapToInt(Integer::intValue).toArray();
    }
    return new EncodedTask(sequences);
  }

  /** Overload for callers that know the request type; the featurizers here do not need it. */
  public EncodedTask encode(String task, Type request, JsonNode examples) {
    return encode(task, examples);
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
      value
          .fields()
          .forEachRemaining(
              f -> {
                scalarTokens(com.fasterxml.jackson.databind.node.TextNode.valueOf(f.getKey()), out);
                flatten(f.getValue(), out);
              });
      out.add(CLOSE);
    } else if (value.isBoolean()) {
      out.add(value.booleanValue() ? TRUE : FALSE);
    } else {
      scalarTokens(value, out);
    }
  }
}
