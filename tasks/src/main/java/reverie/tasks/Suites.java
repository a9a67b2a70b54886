package reverie.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where suites come from: the built-in ones by name, which the installed domains generate by code
 * from a fixed seed ({@link Domain#suites()}), and task files in any layout {@link TaskFiles}
 * recognises. Each method has a form that takes the {@link Domains} to use and one that uses the
 * installed domains.
 */
public final class Suites {
  private Suites() {}

  /** The names of the installed built-in suites, sorted. */
  public static ImmutableList<String> names() {
    return Domains.installed().suiteNames();
  }

  /**
   * The built-in suite called {@code name}; an {@link reverie.dsl.InputException} listing the known
   * ones otherwise.
   */
  public static Suite byName(String name) {
    return Domains.installed().suite(name);
  }

  /** The built-in suite's tasks with their family and reference program. */
  public static ImmutableList<GeneratedTask> generatedTasks(String name) {
    return Domains.installed().generatedTasks(name);
  }

  /**
   * Loads a task file, recognising its layout by content (DreamCoder list tasks, DreamCoder-style
   * tasks with a request, Reverie's suite, or a layout of an installed domain's own); a {@link
   * TaskFormatException} naming file, task and example otherwise.
   */
  public static Suite load(Path file) {
    return load(file, Domains.installed());
  }

  /** Loads a task file whose domain is one of {@code domains}. */
  public static Suite load(Path file, Domains domains) {
    return TaskFiles.load(file, domains);
  }

  /**
   * Parses the bytes read from the task file {@code file} exactly as {@link #load(Path, Domains)}
   * reads the file: a caller that keeps the bytes (a run copies its task file) validates the very
   * content it keeps.
   */
  public static Suite parse(byte[] content, Path file, Domains domains) {
    return TaskFiles.parse(content, file, domains);
  }

  /**
   * Parses task-file content as {@link #load} would; {@code fileName} is used in messages and as
   * the name.
   */
  public static Suite parse(String content, String fileName) {
    return parse(content, fileName, Domains.installed());
  }

  /** Parses task-file content whose domain is one of {@code domains}. */
  public static Suite parse(String content, String fileName, Domains domains) {
    String stem =
        fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
    return TaskFiles.parse(
        content.getBytes(StandardCharsets.UTF_8),
        fileName,
        stem.isEmpty() ? "suite" : stem,
        domains);
  }

  /**
   * Reads a suite from a parsed JSON document in any layout {@link #load} knows; {@code where}
   * names it in messages.
   */
  public static Suite fromJson(JsonNode root, String where, Domains domains) {
    return TaskFiles.fromTree(root, where, "suite", domains);
  }

  /** The suite in Reverie's format, values written by its installed domain's codec. */
  public static ObjectNode toJson(Suite suite) {
    return toJson(suite, Domains.installed().of(suite));
  }

  /** The suite in Reverie's format, as indented JSON text, written by its installed domain. */
  public static String toJsonString(Suite suite) {
    return toJsonString(suite, Domains.installed().of(suite));
  }

  /** Writes the suite to {@code file} in Reverie's format, with its installed domain's codec. */
  public static void write(Suite suite, Path file) {
    write(suite, Domains.installed().of(suite), file);
  }

  /** The suite in Reverie's format (docs/suite-format.md), as a JSON tree. */
  public static ObjectNode toJson(Suite suite, Domain domain) {
    return TaskFiles.toJson(suite, domain);
  }

  /** The suite in Reverie's format, as indented JSON text. */
  public static String toJsonString(Suite suite, Domain domain) {
    try {
      return TaskFiles.MAPPER.writeValueAsString(toJson(suite, domain));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a JSON tree", e);
    }
  }

  /** Writes the suite to {@code file} in Reverie's format; {@link #load} reads it back equal. */
  public static void write(Suite suite, Domain domain, Path file) {
    try {
      Files.writeString(file, toJsonString(suite, domain) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
