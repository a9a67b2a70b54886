package reverie.engine.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fallback for any domain: every scalar of the examples' JSON (a number's text, each character
 * of a string, null) is hashed into one of {@value #BUCKETS} buckets, after the structural tokens.
 */
final class JsonFeaturizer extends Featurizer {
  static final String NAME = "generic";
  static final int BUCKETS = 128;
  private static final ImmutableList<String> VOCABULARY = vocabulary();

  private static ImmutableList<String> vocabulary() {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    b.addAll(SPECIAL_NAMES);
    for (int i = 0; i < BUCKETS; i++) {
      b.add("#" + i);
    }
    return b.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ImmutableList<String> sideVocabulary() {
    return VOCABULARY;
  }

  @Override
  void scalarTokens(JsonNode value, List<Integer> out) {
    if (value.isTextual()) {
      String s = value.textValue();
      for (int i = 0; i < s.length() && i < MAX_VALUE_TOKENS; i++) {
        out.add(bucket("c" + s.charAt(i)));
      }
    } else {
      out.add(bucket("v" + value.asText()));
    }
  }

  // FNV-1a: stable across JVMs and releases, unlike String.hashCode's contract (which is stable but
  // not
  // documented as such for this use); a saved model depends on the mapping.
  private static int bucket(String token) {
    int h = 0x811c9dc5;
    for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return SPECIALS + Math.floorMod(h, BUCKETS);
  }
}
