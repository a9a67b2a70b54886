package reverie.dsl.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import reverie.dsl.type.Type;
import reverie.dsl.type.TypeConstructor;

/** Finds /work/shared-style data next to the repository, and reads DreamCoder's JSON types. */
final class SharedData {
  private SharedData() {}

  /**
   * {@code shared/<relative>} found by walking up from the working directory, or null when absent.
   */
  static Path find(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.isDirectory(dir.resolve("shared").resolve("data")) && Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * DreamCoder's {@code {"constructor": ..., "arguments": [...]}} (or {@code {"index": i}}) type
   * JSON.
   */
  static Type dreamCoderType(JsonNode node) {
    if (node.has("index")) {
      return Type.variable(node.get("index").asInt());
    }
    com.google.common.collect.ImmutableList.Builder<Type> arguments =
        com.google.common.collect.ImmutableList.builder();
    for (JsonNode a : node.get("arguments")) {
      arguments.add(dreamCoderType(a));
    }
    return new TypeConstructor(node.get("constructor").asText(), arguments.build());
  }
}
