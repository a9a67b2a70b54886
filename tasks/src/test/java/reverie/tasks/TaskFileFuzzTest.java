package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reverie.dsl.InputException;

/**
 * Feeds seeded mutations of valid task files (all three layouts) to the loader: each must either
 * load or fail with an {@link InputException} whose message is one line naming the file; nothing
 * else may escape.
 */
class TaskFileFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MUTANTS = 1500;

  @Test
  void mutatedFilesLoadOrFailWithOneLine() throws Exception {
    List<String> seeds = seedFiles();
    for (String seed : seeds) {
      Suites.parse(seed, "seed.json"); // the unmutated files are valid
    }
    Random random = new Random(20240601L);
    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < MUTANTS; i++) {
      String original = seeds.get(random.nextInt(seeds.size()));
      String mutant =
          random.nextInt(3) == 0 ? mutateText(original, random) : mutateTree(original, random);
      try {
        Suite suite = Suites.parse(mutant, "fuzz.json");
        assertTrue(suite.size() > 0);
        loaded++;
      } catch (InputException e) {
        String message = e.getMessage();
        assertFalse(message.isBlank(), "empty message for mutant " + i);
        assertFalse(
            message.contains("\n") || message.contains("\r"), "multi-line message: " + message);
        assertTrue(message.startsWith("fuzz.json: "), message);
        rejected++;
      } catch (RuntimeException | StackOverflowError e) {
        fail("mutant " + i + " threw " + e + " for input: " + abbreviate(mutant), e);
      }
    }
    assertEquals(MUTANTS, loaded + rejected);
    // Both outcomes must be common, or the mutations are not exercising the loader.
    assertTrue(loaded > MUTANTS / 20, "only " + loaded + " mutants loaded");
    assertTrue(rejected > MUTANTS / 2, "only " + rejected + " mutants rejected");
  }

  /** Small valid files in each layout, cut from the built-in suites. */
  private static List<String> seedFiles() throws Exception {
    List<String> seeds = new ArrayList<>();
    for (String name : Suites.names()) {
      ImmutableList<Task> tasks = Suites.byName(name).tasks();
      for (int start = 0; start < 60; start += 20) {
        Suite small =
            new Suite(
                name,
                name,
                ImmutableList.of(tasks.get(start), tasks.get(start + 7), tasks.get(start + 13)));
        seeds.add(Suites.toJsonString(small));
        ArrayNode requests = JSON.arrayNode();
        for (JsonNode t : Suites.toJson(small).get("tasks")) {
          requests.add(t);
        }
        seeds.add(MAPPER.writeValueAsString(requests));
        if (name.equals("lists")) {
          seeds.add(dreamCoderListLayout(small));
        }
      }
    }
    return seeds;
  }

  private static String dreamCoderListLayout(Suite suite) throws Exception {
    ArrayNode tasks = JSON.arrayNode();
    for (JsonNode t : Suites.toJson(suite).get("tasks")) {
      String[] types = t.get("request").textValue().split(" -> ");
      ObjectNode task = tasks.addObject();
      task.putObject("type").put("input", dcName(types[0])).put("output", dcName(types[1]));
      task.set("name", t.get("name"));
      ArrayNode examples = task.putArray("examples");
      for (JsonNode e : t.get("examples")) {
        examples.addObject().<ObjectNode>set("i", e.get("inputs").get(0)).set("o", e.get("output"));
      }
    }
    return MAPPER.writeValueAsString(tasks);
  }

  private static String dcName(String type) {
    return type.startsWith("list(")
        ? "list-of-" + dcName(type.substring(5, type.length() - 1))
        : type;
  }

  private static String mutateText(String s, Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return s.substring(0, random.nextInt(s.length()));
      case 1:
        {
          int at = random.nextInt(s.length());
          return s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(5)));
        }
      case 2:
        {
          int at = random.nextInt(s.length());
          String junk = "{}[]\",:0-1.e\\ntruefalsenull\u00e9x";
          return s.substring(0, at) + junk.charAt(random.nextInt(junk.length())) + s.substring(at);
        }
      case 3:
        {
          int at = random.nextInt(s.length());
          return s.substring(0, at)
              + s.substring(at, Math.min(s.length(), at + 20))
              + s.substring(at);
        }
      default:
        {
          char[] c = s.toCharArray();
          int a = random.nextInt(c.length);
          int b = random.nextInt(c.length);
          char t = c[a];
          c[a] = c[b];
          c[b] = t;
          return new String(c);
        }
    }
  }

  private static String mutateTree(String s, Random random) throws Exception {
    JsonNode root = MAPPER.readTree(s);
    int mutations = 1 + random.nextInt(2);
    for (int m = 0; m < mutations; m++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      if (target instanceof ObjectNode o) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        if (keys.isEmpty()) {
          continue;
        }
        String key = keys.get(random.nextInt(keys.size()));
        switch (random.nextInt(5)) {
          case 0 -> o.remove(key);
          case 1 -> o.set(key, replacement(o.get(key), random));
          case 2 -> o.set(key + (random.nextBoolean() ? "s" : "_"), o.get(key).deepCopy());
          case 3 -> o.put(key, typeName(random));
          default -> {
            JsonNode value = o.remove(key);
            o.set(keys.get(random.nextInt(keys.size())), value);
          }
        }
      } else {
        ArrayNode a = (ArrayNode) target;
        if (a.isEmpty()) {
          a.add(replacement(JSON.nullNode(), random));
          continue;
        }
        int at = random.nextInt(a.size());
        switch (random.nextInt(4)) {
          case 0 -> a.remove(at);
          case 1 -> a.insert(at, a.get(at).deepCopy());
          case 2 -> a.set(at, replacement(a.get(at), random));
          default -> a.removeAll();
        }
      }
    }
    return MAPPER.writeValueAsString(root);
  }

  private static JsonNode replacement(JsonNode old, Random random) {
    switch (random.nextInt(9)) {
      case 0:
        return JSON.nullNode();
      case 1:
        return JSON.numberNode(random.nextInt(100) - 50);
      case 2:
        return JSON.numberNode(random.nextDouble() * 10);
      case 3:
        return JSON.textNode(random.nextBoolean() ? "x" : "list(int) -> int");
      case 4:
        return JSON.booleanNode(random.nextBoolean());
      case 5:
        return JSON.arrayNode().add(old.deepCopy());
      case 6:
        return JSON.objectNode().set("inputs", old.deepCopy());
      case 7:
        return JSON.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      default:
        return JSON.textNode(typeName(random));
    }
  }

  private static String typeName(Random random) {
    String[] names = {
      "int",
      "bool",
      "list-of-int",
      "list-of-bool",
      "list-of-list-of-int",
      "float",
      "str",
      "char",
      "list(int) -> list(int)",
      "int -> bool",
      "t0 -> t0",
      "list(char) -> list(char)",
      "(int -> int) -> int",
      "list(",
      "->",
      "int -> int -> int",
      "list(list(int)) -> int",
      ""
    };
    return names[random.nextInt(names.length)];
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), into);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 297) + "...";
  }
}
