package fi.nivel.engine.policy;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * The engine's BPMN parse with the deployment policy in front: every violation becomes a parse
 * error on its element, and a document with any is not parsed further, so nothing of it is
 * deployed and the REST API answers 400 with the problems (ParseException details).
 */
public class PolicyBpmnParse extends BpmnParse {
  public PolicyBpmnParse(BpmnParser parser) {
    super(parser);
  }

  @Override
  protected void parseRootElement() {
    DeploymentPolicy.check(new ElementNode(rootElement), (message, node, elementId) -> {
      Element element = ((ElementNode) node).element;
      // a part of an element (an input parameter, a timer's definition) is named by the element
      if (elementId == null || elementId.equals(element.attribute("id"))) addError(message, element);
      else addError(message, element, elementId);
    });
    if (!hasErrors()) super.parseRootElement();
  }

  /** The engine's parsed element as the policy reads it. */
  private record ElementNode(Element element) implements DeploymentPolicy.Node {
    @Override
    public String localName() {
      return element.getTagName();
    }

    @Override
    public List<DeploymentPolicy.Attribute> attributes() {
      List<DeploymentPolicy.Attribute> attributes = new ArrayList<>();
      for (String key : element.attributes()) {
        // the engine keys attributes as "namespace:name", or "name" without a namespace
        int colon = key.lastIndexOf(':');
        String namespace = colon < 0 ? "" : key.substring(0, colon);
        String name = colon < 0 ? key : key.substring(colon + 1);
        attributes.add(new DeploymentPolicy.Attribute(namespace, name, element.attribute(key)));
      }
      return attributes;
    }

    @Override
    public String text() {
      return element.getText();
    }

    @Override
    public List<ElementNode> children() {
      return element.elements().stream().map(ElementNode::new).toList();
    }
  }
}
