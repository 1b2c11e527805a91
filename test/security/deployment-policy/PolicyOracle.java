import fi.nivel.engine.policy.DeploymentPolicy;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The engine's own deployment policy (engine/src/main/java/fi/nivel/engine/policy), run on the
 * documents named on the command line, for deployment-policy-lint.test.ts to hold the lint rule
 * against. The document is read as the engine's BPMN parse reads it (Operaton's util.xml Parser,
 * Element and PolicyBpmnParse.ElementNode): namespace-aware SAX with namespace-prefixes on, as the
 * engine sets it to validate the schema; a tag's local name; attributes keyed "uri:name" in a
 * HashMap, split at the last colon; the element's own text. Each violation is printed as a JSON
 * array [file, elementId or null, message], the id being the one the engine's 400 names.
 */
public final class PolicyOracle {
  private PolicyOracle() {}

  /** Operaton's util.xml.Element, as far as the policy reads it. */
  static final class Element implements DeploymentPolicy.Node {
    final String tagName;
    final Map<String, String> attributes = new HashMap<>();
    final StringBuilder text = new StringBuilder();
    final List<Element> elements = new ArrayList<>();

    Element(String uri, String localName, String qName, Attributes attrs) {
      tagName = uri == null || uri.isEmpty() ? qName : localName;
      for (int i = 0; i < attrs.getLength(); i++) {
        String attributeUri = attrs.getURI(i);
        String name = attributeUri == null || attributeUri.isEmpty() ? attrs.getQName(i) : attrs.getLocalName(i);
        attributes.put(attributeUri == null || attributeUri.isEmpty() ? name : attributeUri + ":" + name, attrs.getValue(i));
      }
    }

    @Override
    public String localName() {
      return tagName;
    }

    @Override
    public List<DeploymentPolicy.Attribute> attributes() {
      List<DeploymentPolicy.Attribute> list = new ArrayList<>();
      for (Map.Entry<String, String> entry : attributes.entrySet()) {
        String key = entry.getKey();
        int colon = key.lastIndexOf(':');
        list.add(new DeploymentPolicy.Attribute(colon < 0 ? "" : key.substring(0, colon), colon < 0 ? key : key.substring(colon + 1), entry.getValue()));
      }
      return list;
    }

    @Override
    public String text() {
      return text.toString();
    }

    @Override
    public List<Element> children() {
      return elements;
    }
  }

  static Element read(File file) throws Exception {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
    Deque<Element> open = new ArrayDeque<>();
    Element[] root = new Element[1];
    factory.newSAXParser().parse(file, new DefaultHandler() {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes attrs) {
        Element element = new Element(uri, localName, qName, attrs);
        if (open.isEmpty()) root[0] = element;
        else open.peek().elements.add(element);
        open.push(element);
      }

      @Override
      public void endElement(String uri, String localName, String qName) {
        open.pop();
      }

      @Override
      public void characters(char[] ch, int start, int length) {
        open.peek().text.append(ch, start, length);
      }
    });
    return root[0];
  }

  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String path : args) {
      Element root = read(new File(path));
      DeploymentPolicy.check(root, (message, node, elementId) -> {
        // PolicyBpmnParse names elementId as the problem's mainElementId
        out.append('[').append(json(path)).append(',').append(elementId == null ? "null" : json(elementId)).append(',').append(json(message)).append("]\n");
      });
    }
    // UTF-8 whatever the locale: the messages quote the document's text
    PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    stdout.print(out);
    stdout.flush();
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
