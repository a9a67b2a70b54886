package reverie.engine.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The featurizer of the lists and text domains: small integers and printable ASCII characters are
 * their own tokens (list elements and string characters); larger integers fall into two overflow
 * tokens.
 */
final class ListTextFeaturizer extends Featurizer {
  static final int MIN_INT = -20;
  static final int MAX_INT = 99;
  private static final int INTS = SPECIALS;
  private static final int BIG_NEGATIVE = INTS + (MAX_INT - MIN_INT + 1);
  private static final int BIG_POSITIVE = BIG_NEGATIVE + 1;
  private static final int CHARS = BIG_POSITIVE + 1;
  private static final ImmutableList<String> VOCABULARY = vocabulary();

  private final String name;

  ListTextFeaturizer(String name) {
    this.name = name;
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
  public String name() {
    return name;
  }

  @Override
  public ImmutableList<String> sideVocabulary() {
    return VOCABULARY;
  }

  @Override
  void scalarTokens(JsonNode value, List<Integer> out) {
    if (value.isIntegralNumber()) {
      long v = value.longValue();
      out.add(v < MIN_INT ? BIG_NEGATIVE : v > MAX_INT ? BIG_POSITIVE : INTS + (int) (v - MIN_INT));
    } else if (value.isTextual()) {
      String s = value.textValue();
      for (int i = 0; i < s.length() && i < MAX_VALUE_TOKENS; i++) {
        char c = s.charAt(i);
        out.add(c >= 32 && c < 127 ? CHARS + (c - 32) : UNKNOWN);
      }
    } else {
      out.add(UNKNOWN);
    }
  }
}
