package org.trialstats.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstats.io.InputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node of the report spec with its line number, read with SnakeYAML's safe loader as a node
 * tree only (no object construction, so no arbitrary types). Accessors check types and known keys
 * and fail with an {@link InputException} naming the spec file and line.
 */
public final class SpecNode {
  private final String file;
  private final String path;
  private final Node node;
  private final Set<String> used = new LinkedHashSet<>();

  private SpecNode(String file, String path, Node node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** Parses a spec file; an empty file is an empty mapping. */
  public static SpecNode read(Path file) {
    String name = file.toString();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(name, r);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": spec file not found");
    } catch (IOException e) {
      throw new InputException(name + ": cannot read the spec: " + e.getMessage(), e);
    }
  }

  /** Parses spec text (for tests and the bundled specs). */
  public static SpecNode parse(String name, Reader r) {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(20);
    o.setAllowRecursiveKeys(false);
    o.setCodePointLimit(1 << 20);
    Yaml y = new Yaml(new SafeConstructor(o));
    try {
      Node n = y.compose(r);
      if (n == null) {
        n =
            new MappingNode(
                org.yaml.snakeyaml.nodes.Tag.MAP,
                new ArrayList<>(),
                org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
      }
      SpecNode s = new SpecNode(name, "", n);
      if (!(n instanceof MappingNode)) {
        throw s.error("the spec must be a mapping of keys (title:, datasets:, ...)");
      }
      return s;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new InputException(
          String.format(
              "%s: line %d: not valid YAML: %s",
              name, line, e.getProblem() == null ? e.getMessage() : e.getProblem()));
    } catch (YAMLException e) {
      throw new InputException(name + ": not valid YAML: " + e.getMessage());
    }
  }

  /** The 1-based line where this node starts. */
  public int line() {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  public String path() {
    return path.isEmpty() ? "(top level)" : path;
  }

  /** An input error located at this node. */
  public InputException error(String message) {
    return new InputException(String.format("%s: line %d: %s: %s", file, line(), path(), message));
  }

  private Map<String, NodeTuple> entries() {
    if (!(node instanceof MappingNode m)) {
      throw error("expected a mapping (key: value lines)");
    }
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new SpecNode(file, path, t.getKeyNode()).error("keys must be plain words");
      }
      out.put(k.getValue(), t);
    }
    return out;
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  public boolean isSequence() {
    return node instanceof SequenceNode;
  }

  /** The child under {@code key}, or null when absent (or written as null / ~). */
  public SpecNode get(String key) {
    used.add(key);
    NodeTuple t = entries().get(key);
    if (t == null || isNull(t.getValueNode())) {
      return null;
    }
    return new SpecNode(file, path.isEmpty() ? key : path + "." + key, t.getValueNode());
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s
        && s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)
        && (s.getValue().isEmpty()
            || s.getValue().equals("~")
            || s.getValue().equalsIgnoreCase("null"));
  }

  /** The keys of a mapping, in order. */
  public List<String> keys() {
    return new ArrayList<>(entries().keySet());
  }

  /** The node of a key (for error positions), or this node when absent. */
  public SpecNode keyNode(String key) {
    NodeTuple t = entries().get(key);
    return t == null
        ? this
        : new SpecNode(file, path.isEmpty() ? key : path + "." + key, t.getKeyNode());
  }

  /** Fails on the first key that no accessor asked for: typos are errors, never ignored. */
  public void checkKnown(String... known) {
    Set<String> k = new LinkedHashSet<>(List.of(known));
    for (Map.Entry<String, NodeTuple> e : entries().entrySet()) {
      if (!k.contains(e.getKey())) {
        SpecNode at = new SpecNode(file, path, e.getValue().getKeyNode());
        throw at.error(
            "unknown key '" + e.getKey() + "'; the keys here are: " + String.join(", ", k));
      }
    }
  }

  /** The items of a sequence (a single scalar counts as a one-item list). */
  public List<SpecNode> items() {
    List<SpecNode> out = new ArrayList<>();
    if (node instanceof SequenceNode s) {
      int i = 0;
      for (Node n : s.getValue()) {
        out.add(new SpecNode(file, path + "[" + i++ + "]", n));
      }
    } else if (node instanceof ScalarNode) {
      out.add(this);
    } else {
      throw error("expected a list");
    }
    return out;
  }

  /** The scalar text. */
  public String text() {
    if (!(node instanceof ScalarNode s)) {
      throw error("expected a single value, found a " + (isMapping() ? "mapping" : "list"));
    }
    return s.getValue();
  }

  // Typed getters with defaults.

  public String string(String key, String dflt) {
    SpecNode n = get(key);
    return n == null ? dflt : n.text();
  }

  public double number(String key, double dflt, double min, double max, boolean openMin) {
    SpecNode n = get(key);
    return n == null ? dflt : n.asNumber(min, max, openMin);
  }

  public Double optionalNumber(String key, double min, double max, boolean openMin) {
    SpecNode n = get(key);
    return n == null ? null : n.asNumber(min, max, openMin);
  }

  public double asNumber(double min, double max, boolean openMin) {
    String t = text();
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw error("expected a number, found '" + t + "'");
    }
    if (Double.isNaN(v) || v < min || v > max || (openMin && v == min)) {
      throw error(
          String.format(
              Locale.ROOT,
              "expected a number %s %s and <= %s, found '%s'",
              openMin ? ">" : ">=",
              Cells.number(min),
              Cells.number(max),
              t));
    }
    return v;
  }

  public int integer(String key, int dflt, int min, int max) {
    SpecNode n = get(key);
    if (n == null) {
      return dflt;
    }
    double v = n.asNumber(min, max, false);
    if (v != Math.rint(v)) {
      throw n.error("expected a whole number, found '" + n.text() + "'");
    }
    return (int) v;
  }

  public boolean bool(String key, boolean dflt) {
    SpecNode n = get(key);
    if (n == null) {
      return dflt;
    }
    String t = n.text().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw n.error("expected true or false, found '" + n.text() + "'");
    };
  }

  /** One of {@code allowed} (case-insensitive; returned in the allowed spelling). */
  public String choice(String key, String dflt, String... allowed) {
    SpecNode n = get(key);
    if (n == null) {
      return dflt;
    }
    return n.asChoice(allowed);
  }

  public String asChoice(String... allowed) {
    String t = text();
    for (String a : allowed) {
      if (a.equalsIgnoreCase(t)) {
        return a;
      }
    }
    throw error("expected one of " + String.join(", ", allowed) + ", found '" + t + "'");
  }

  /** A list of strings (a single value counts as one). */
  public List<String> strings(String key, List<String> dflt) {
    SpecNode n = get(key);
    if (n == null) {
      return dflt;
    }
    List<String> out = new ArrayList<>();
    for (SpecNode i : n.items()) {
      out.add(i.text());
    }
    return out;
  }

  /** A list of numbers. */
  public List<Double> numbers(String key, double min, double max) {
    SpecNode n = get(key);
    if (n == null) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    for (SpecNode i : n.items()) {
      out.add(i.asNumber(min, max, false));
    }
    return out;
  }

  public String file() {
    return file;
  }
}
