package reverie.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reverie.dsl.type.Type;

class TaskFilesTest {

  @Nested
  class DreamCoderFiles {
    @Test
    void listTasksLoadWithTheirRequestTypes() {
      Suite suite = Suites.load(SharedData.dreamCoderLists());
      assertEquals(217, suite.size());
      assertEquals("lists", suite.domain());
      Map<String, Integer> byType = new TreeMap<>();
      for (Task t : suite.tasks()) {
        byType.merge(t.request().toString(), 1, Integer::sum);
        assertEquals(15, t.examples().size(), t.name());
      }
      assertEquals(
          Map.of(
              "list(int) -> list(int)", 150,
              "list(int) -> int", 30,
              "list(int) -> list(bool)", 18,
              "list(int) -> bool", 17,
              "int -> int", 1,
              "int -> list(int)", 1),
          byType);
      Task add1 = suite.task("add-k with k=1");
      assertEquals(Type.parse("list(int) -> list(int)"), add1.request());
      Example first = add1.examples().get(0);
      assertEquals(ImmutableList.of(ImmutableList.of(3L, 4L, 4L, 13L, 6L)), first.inputs());
      assertEquals(ImmutableList.of(4L, 5L, 5L, 14L, 7L), first.output());
      Task fibonacci = suite.task("fibonacci");
      assertEquals(Type.parse("int -> int"), fibonacci.request());
      assertEquals(ImmutableList.of(2L), fibonacci.examples().get(0).inputs());
    }

    @Test
    void textTasksLoadAsCharLists() {
      Suite suite = Suites.load(SharedData.dreamCoderText());
      assertEquals(128, suite.size());
      assertEquals("text", suite.domain());
      long joins = suite.tasks().stream().filter(t -> t.arity() == 2).count();
      assertEquals(24, joins);
      Task replace = suite.task("Replace ',' w/ '('");
      assertEquals(Type.parse("list(char) -> list(char)"), replace.request());
      assertEquals(chars("Nancy(334(611(+172"), replace.examples().get(0).output());
    }

    @Test
    void bothRoundTripThroughReverieFormat(@TempDir Path dir) {
      for (Path file : new Path[] {SharedData.dreamCoderLists(), SharedData.dreamCoderText()}) {
        Suite suite = Suites.load(file);
        Path copy = dir.resolve("copy.json");
        Suites.write(suite, copy);
        Suite back = Suites.load(copy);
        assertEquals(suite.tasks(), back.tasks());
        assertEquals(suite.name(), back.name());
        assertEquals(suite.domain(), back.domain());
      }
    }
  }

  @Nested
  class BuiltInSuites {
    @Test
    void roundTripThroughReverieFormat(@TempDir Path dir) {
      for (String name : Suites.names()) {
        Suite suite = Suites.byName(name);
        Path file = dir.resolve(name + ".json");
        Suites.write(suite, file);
        assertEquals(suite, Suites.load(file));
      }
    }
  }

  @Test
  void dreamCoderTypeNames() {
    assertEquals(Type.parse("list(int)"), TaskFiles.dreamCoderType("list-of-int"));
    assertEquals(Type.parse("list(list(bool))"), TaskFiles.dreamCoderType("list-of-list-of-bool"));
    assertEquals(Type.parse("list(char)"), TaskFiles.dreamCoderType("str"));
    assertThrows(reverie.dsl.InputException.class, () -> TaskFiles.dreamCoderType("list-of-float"));
  }

  @Test
  void reverieFormatWithoutOptionalFields() {
    Suite suite =
        Suites.parse(
            "{\"tasks\": [{\"name\": \"inc\", \"request\": \"int -> int\", "
                + "\"examples\": [{\"inputs\": [1], \"output\": 2}]}]}",
            "mine.json");
    assertEquals("mine", suite.name());
    assertEquals("lists", suite.domain());
    assertEquals(new Example(ImmutableList.of(1L), 2L), suite.task("inc").examples().get(0));
  }

  @Test
  void charListsReadFromStringsOrCharArrays() {
    Suite suite =
        Suites.parse(
            "{\"domain\": \"text\", \"tasks\": [{\"name\": \"t\", \"request\": \"list(char) ->"
                + " char\", \"examples\": [{\"inputs\": [\"ab\"], \"output\": \"a\"}, {\"inputs\":"
                + " [[\"c\", \"d\"]], \"output\": \"c\"}]}]}",
            "t.json");
    assertEquals(ImmutableList.of(chars("cd")), suite.task("t").examples().get(1).inputs());
  }

  /**
   * Each bad file fails with one line naming the file, and the task and example when there is one.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[{\"name\": \"a\", \"type\": {\"input\": \"int\", \"output\": \"int\"}, \"examples\":"
            + " [{\"i\": 1 |bad.json: the text ends in the middle of an object (line 1",
        "[] | bad.json: no tasks",
        "42 | bad.json: expected a JSON array of tasks or a suite object",
        "[{\"name\": \"a\", \"type\": {\"input\": \"float\", \"output\": \"int\"}, \"examples\":"
            + " [{\"i\": 1, \"o\": 1}]}] | bad.json: task #0 'a': unknown type name 'float'",
        "[{\"name\": \"a\", \"type\": {\"input\": \"int\", \"output\": \"int\"}, \"examples\": []}]"
            + " | bad.json: task #0 'a': no examples",
        "[{\"name\": \"a\", \"type\": {\"input\": \"int\", \"output\": \"int\"}, \"examples\":"
            + " [{\"i\": 1, \"o\": 2}, {\"i\": [1], \"o\": 2}]}] | bad.json: task #0 'a', example"
            + " 1: i: expected an int, found [1]",
        "[{\"name\": \"a\", \"type\": {\"input\": \"int\", \"output\": \"bool\"}, \"examples\":"
            + " [{\"i\": 1, \"o\": true}]},{\"name\": \"a\", \"type\": {\"input\": \"int\","
            + " \"output\": \"bool\"}, \"examples\": [{\"i\": 1, \"o\": true}]}] | bad.json: task"
            + " #1 'a': duplicate task name (also task #0)",
        "[{\"name\": \"a\", \"request\": \"list(int -> int\", \"examples\": [{\"inputs\": [1],"
            + " \"output\": 2}]}] | bad.json: task #0 'a': bad request type",
        "[{\"name\": \"a\", \"request\": \"t0 -> int\", \"examples\": [{\"inputs\": [1],"
            + " \"output\": 2}]}] | bad.json: task #0 'a': request type t0 -> int has type"
            + " variables",
        "[{\"name\": \"a\", \"request\": \"int -> int\", \"examples\": [{\"inputs\": [1, 2],"
            + " \"output\": 2}]}] | bad.json: task #0 'a', example 0: 2 inputs, but the request"
            + " type int -> int takes 1",
        "[{\"name\": \"a\", \"request\": \"(int -> int) -> int\", \"examples\": [{\"inputs\": [1],"
            + " \"output\": 2}]}] | bad.json: task #0 'a': request type (int -> int) -> int: values"
            + " of type int -> int cannot",
        "{\"tasks\": [{\"name\": \"a\", \"request\": \"int -> int\", \"examples\": [{\"inputs\":"
            + " [1], \"output\": 1.5}]}]} | bad.json: task #0 'a', example 0: output: expected an"
            + " int, found 1.5",
        "{\"tasks\": [{\"name\": \"a\", \"request\": \"int -> int\", \"examples\": [{\"inputs\":"
            + " [1], \"output\": 99999999999999999999}]}]} | bad.json: task #0 'a', example 0:"
            + " output: expected an int, found 99999999999999999999",
        "{\"tasks\": [{\"name\": \"a\", \"request\": \"int -> int\", \"exampels\": []}]}"
            + " | bad.json: task #0 'a': unknown field 'exampels'",
        "{\"tasks\": [{\"request\": \"int -> int\", \"examples\": [{\"inputs\": [1], \"output\":"
            + " 1}]}]} | bad.json: task #0: missing 'name'",
        "{\"tasks\": []} | bad.json: no tasks",
        "{\"tasks\": [], \"tasks\": []} | bad.json: the key 'tasks' appears twice (line 1, column 22)",
        "[{\"name\": \"a\", \"request\": \"int -> int\", \"examples\": [{\"inputs\": [1],"
            + " \"output\": 2}]}] x | bad.json: unexpected word 'x' (line 1, column 87)",
      })
  void badFilesFailWithOneLineNamingTheLocation(String content, String expectedStart) {
    TaskFormatException e =
        assertThrows(TaskFormatException.class, () -> Suites.parse(content, "bad.json"));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void missingFileIsTaskFormatException(@TempDir Path dir) {
    TaskFormatException e =
        assertThrows(TaskFormatException.class, () -> Suites.load(dir.resolve("nothing.json")));
    assertTrue(e.getMessage().endsWith("nothing.json: no such file"), e.getMessage());
  }

  @Test
  void nothingIsWrittenForAnEmptyFile(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "  \n");
    TaskFormatException e = assertThrows(TaskFormatException.class, () -> Suites.load(empty));
    assertTrue(e.getMessage().contains("empty file"), e.getMessage());
  }

  /** A string as the run-time value of {@code list(char)}: its code points. */
  static ImmutableList<Object> chars(String s) {
    return s.codePoints().boxed().collect(ImmutableList.toImmutableList());
  }

  @Test
  void aSuiteMayMarkItsOwnTrainingTasks(@TempDir Path dir) {
    String content =
        "{\"domain\": \"lists\", \"tasks\": ["
            + "{\"name\": \"a\", \"request\": \"int -> int\", \"train\": true,"
            + " \"examples\": [{\"inputs\": [1], \"output\": 1}]},"
            + "{\"name\": \"b\", \"request\": \"int -> int\", \"train\": false,"
            + " \"examples\": [{\"inputs\": [1], \"output\": 2}]},"
            + "{\"name\": \"c\", \"request\": \"int -> int\","
            + " \"examples\": [{\"inputs\": [1], \"output\": 3}]}]}";
    Suite suite = Suites.parse(content, "marked.json");
    Suite.Split split = suite.ownSplit().orElseThrow();
    assertEquals(ImmutableList.of("a"), split.train().tasks().stream().map(Task::name).toList());
    assertEquals(
        ImmutableList.of("b", "c"), split.test().tasks().stream().map(Task::name).toList());
    Path file = dir.resolve("marked.json");
    Suites.write(suite, file);
    assertEquals(suite, Suites.load(file));
    assertTrue(Suites.parse(content.replace("true", "false"), "none.json").ownSplit().isEmpty());
    var e =
        assertThrows(
            reverie.dsl.InputException.class,
            () -> Suites.parse(content.replace("true", "\"yes\""), "bad.json"));
    assertEquals("bad.json: task #0 'a': 'train' must be true or false", e.getMessage());
  }
}
