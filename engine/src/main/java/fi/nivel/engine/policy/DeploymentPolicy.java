package fi.nivel.engine.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * docs/deployment-policy.md as code: walks a parsed BPMN document and reports every construct
 * that could run code on the engine. Names are matched by local name in any namespace, since the
 * engine reads its attributes under the camunda, operaton and activiti prefixes alike.
 */
public final class DeploymentPolicy {
  /** An element of the parsed document, as the engine's parser or a test gives it. */
  public interface Node {
    String localName();

    List<Attribute> attributes();

    String text();

    List<? extends Node> children();

    /** the element's id attribute, or null */
    default String id() {
      for (Attribute a : attributes()) {
        if (a.localName().equals("id") && a.namespace().isEmpty()) return a.value();
      }
      return null;
    }
  }

  /** An attribute; {@code namespace} is empty for BPMN's own unqualified attributes. */
  public record Attribute(String namespace, String localName, String value) {}

  /**
   * Receives each violation with the element it is on and the id of the element to name: the
   * flow element or root element it belongs to, the one the modeler draws (a timer's definition
   * has an id of its own, but the owner sees and edits its event).
   */
  public interface Report {
    void violation(String message, Node element, String elementId);
  }

  public static final String PREFIX = "Nivel deployment policy: ";

  static final Set<String> CODE_ELEMENTS = Set.of("scriptTask", "script", "connector");
  static final Set<String> CODE_ATTRIBUTES = Set.of(
      "class", "delegateExpression", "variableMappingClass", "variableMappingDelegateExpression",
      "formHandlerClass", "resource", "scriptFormat", "language", "decisionRef", "caseRef");
  static final Set<String> BUILT_IN_CONSTRAINTS = Set.of("required", "readonly", "minlength", "maxlength", "min", "max");
  static final Set<String> LISTENERS = Set.of("executionListener", "taskListener");
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  /** the elements whose children the modeler draws: flow elements, and root elements of the definitions */
  static final Set<String> CONTAINERS = Set.of("definitions", "process", "subProcess", "transaction", "adHocSubProcess");

  private DeploymentPolicy() {}

  public static void check(Node root, Report report) {
    visit(root, null, root.id(), report);
  }

  private static void visit(Node node, Node parent, String shownId, Report report) {
    String id = node.id() != null && (parent == null || CONTAINERS.contains(parent.localName()) || shownId == null) ? node.id() : shownId;
    String name = node.localName();
    if (CODE_ELEMENTS.contains(name)) {
      report.violation(PREFIX + describe(name) + " may not be deployed: it runs code on the server" + on(id), node, id);
    }
    if (LISTENERS.contains(name) && attribute(node, "expression").isEmpty()) {
      report.violation(PREFIX + "a " + name + " must be an expression listener (camunda:expression)" + on(id), node, id);
    }
    if (name.equals("constraint")) {
      String constraint = attribute(node, "name").orElse("");
      if (!BUILT_IN_CONSTRAINTS.contains(constraint)) {
        report.violation(PREFIX + "the form field constraint '" + constraint + "' is a custom validator; only "
            + String.join(", ", BUILT_IN_CONSTRAINTS.stream().sorted().toList()) + " are allowed" + on(id), node, id);
      }
    }
    for (Attribute a : node.attributes()) {
      if (a.namespace().equals(XSI)) continue;
      if (CODE_ATTRIBUTES.contains(a.localName())) {
        report.violation(PREFIX + "the attribute " + a.localName() + "=\"" + excerpt(a.value()) + "\" may not be deployed: it runs code on the server" + on(id), node, id);
      } else if (a.localName().equals("type") && !a.namespace().isEmpty() && !a.value().equals("external")) {
        // on a task and on a message event's definition alike, the engine runs "mail" and "shell"
        report.violation(PREFIX + "a " + name + " may only be of type external (an external-task worker), not '" + excerpt(a.value()) + "'" + on(id), node, id);
      } else {
        expression(a.value(), node, id, report);
      }
    }
    expression(node.text(), node, id, report);
    for (Node child : node.children()) visit(child, node, id, report);
  }

  private static void expression(String text, Node node, String id, Report report) {
    if (text == null || (!text.contains("${") && !text.contains("#{"))) return;
    Optional<String> refused = ExpressionGrammar.check(text);
    refused.ifPresent(reason -> report.violation(PREFIX + reason + on(id), node, id));
  }

  private static Optional<String> attribute(Node node, String localName) {
    return node.attributes().stream().filter(a -> a.localName().equals(localName)).map(Attribute::value).findFirst();
  }

  private static String describe(String elementName) {
    return switch (elementName) {
      case "scriptTask" -> "a script task";
      case "script" -> "a script";
      default -> "a " + elementName;
    };
  }

  private static String on(String id) {
    return id == null ? "" : " (element " + id + ")";
  }

  private static String excerpt(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }
}
