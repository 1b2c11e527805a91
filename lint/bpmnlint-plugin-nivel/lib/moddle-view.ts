/**
 * A bpmn-moddle tree seen as the engine's parser sees the XML that bpmn-moddle writes for it
 * (the modeler deploys `saveXML`'s output): elements by local name, their attributes with
 * namespace URIs, their text and their children. The policy is then the engine's own walk over
 * the same view, so it cannot miss a property by not knowing its name: every typed property
 * (camunda's `class`, `expression`, `topic`, input/output parameters, listeners, script bodies,
 * FormalExpression bodies…), every attribute kept in `$attrs` (activiti:class, operaton:class)
 * and every element of an unknown namespace is in it.
 *
 * The naming follows moddle-xml's writer (ElementSerializer): an attribute property is an
 * attribute, unqualified when it belongs to the element's own type or its supertypes; a body
 * property is the element's text; any other simple property is a child element named after it
 * with its value as text; a child object is an element named after its type, or after its
 * property when that property is serialized by xsi:type or by property name.
 */
import { XSI, type PolicyAttribute, type PolicyNode } from "./deployment-policy";

/** The parts of moddle's descriptors this reads (moddle's own types are not published for CJS). */
interface NsName {
  readonly prefix?: string;
  readonly localName: string;
  readonly uri?: string;
}

interface PropertyDescriptor {
  readonly name: string;
  readonly type: string;
  readonly ns: NsName;
  readonly isAttr?: boolean;
  readonly isBody?: boolean;
  readonly isMany?: boolean;
  readonly isReference?: boolean;
  readonly isVirtual?: boolean;
  /** the property is the type's own or a supertype's, not an extension's: written unqualified */
  readonly inherited?: boolean;
  readonly default?: unknown;
  readonly xml?: { readonly serialize?: string };
}

interface TypeDescriptor {
  readonly isGeneric?: boolean;
  readonly ns: NsName;
  readonly properties?: readonly PropertyDescriptor[];
  readonly bodyProperty?: PropertyDescriptor;
}

interface Package {
  readonly uri: string;
  readonly xml?: { readonly tagAlias?: string };
}

export interface ModdleElement {
  readonly $type: string;
  readonly $descriptor: TypeDescriptor;
  readonly $model: { getPackage(prefix: string): Package | undefined };
  readonly $parent?: ModdleElement;
  readonly $attrs?: Readonly<Record<string, unknown>>;
  readonly $body?: string;
  readonly $children?: readonly ModdleElement[];
  readonly [property: string]: unknown;
}

/** the namespaces every XML document has, as moddle-xml declares them */
const BUILT_IN_NAMESPACES: Readonly<Record<string, string>> = { xsi: XSI, xml: "http://www.w3.org/XML/1998/namespace" };
/** the namespace of declarations (the engine's parser says "xmlns"; to the policy, any non-empty one is alike) */
const XMLNS = "http://www.w3.org/2000/xmlns/";
const SIMPLE_TYPES = new Set(["String", "Boolean", "Integer", "Real"]);

/** The document rooted at `root` (the definitions) as the engine will read it. */
export function policyView(root: ModdleElement): PolicyNode {
  return elementNode(root, null);
}

/** an element; `property` is the one of its parent holding it, which may give it its tag name */
function elementNode(element: ModdleElement, property: PropertyDescriptor | null): PolicyNode {
  const descriptor = element.$descriptor;
  if (descriptor.isGeneric) return genericNode(element);
  const namedBy = property?.xml?.serialize ? property : null;
  const localName = namedBy ? namedBy.ns.localName : tagAlias(element, descriptor.ns);
  // attributes of the element's own namespace are written unqualified; an element written under
  // its property's name is of the property's namespace unless an xsi:type names another type
  const xsiTyped = namedBy?.xml?.serialize === "xsi:type" && namedBy.type !== element.$type;
  const uri = namespaceOf((namedBy && !xsiTyped ? namedBy.ns : descriptor.ns).prefix, element) ?? "";
  const attributes: PolicyAttribute[] = [];
  const children: PolicyNode[] = [];
  let text = "";
  for (const p of serializable(element)) {
    const value = element[p.name];
    const values: unknown[] = p.isMany ? (value as unknown[]) : [value];
    if (p.isAttr) {
      const written = p.isReference ? values.map((v) => (v as { id?: unknown }).id).join(" ") : String(value);
      const namespace = p.inherited ? "" : namespaceOf(p.ns.prefix, element) ?? "";
      attributes.push({ namespace: namespace === uri ? "" : namespace, localName: p.ns.localName, value: written });
    } else if (p.isBody) {
      text = String(value);
    } else if (p.isReference) {
      for (const v of values) children.push(textNode(p.ns.localName, String((v as { id?: unknown }).id)));
    } else if (SIMPLE_TYPES.has(p.type)) {
      for (const v of values) children.push(textNode(p.ns.localName, String(v)));
    } else {
      for (const v of values) children.push(elementNode(v as ModdleElement, p));
    }
  }
  attributes.push(...otherAttributes(Object.entries(element.$attrs ?? {}), element, uri));
  return { localName, attributes, text, children };
}

/** an element of a namespace no package describes: its attributes are its own properties */
function genericNode(element: ModdleElement): PolicyNode {
  const uri = element.$descriptor.ns.uri ?? "";
  const own = Object.entries(element).filter(([key]) => !key.startsWith("$"));
  return {
    localName: element.$descriptor.ns.localName,
    attributes: otherAttributes(own, element, uri),
    text: element.$body ?? "",
    children: (element.$children ?? []).map((child) => elementNode(child, null)),
  };
}

/** a simple property written as an element of its own, `<bpmn:script>…</bpmn:script>` */
function textNode(localName: string, text: string): PolicyNode {
  return { localName, attributes: [], text, children: [] };
}

/** The properties moddle-xml writes: set, not virtual, not null, not the default, not an empty list. */
function serializable(element: ModdleElement): PropertyDescriptor[] {
  return (element.$descriptor.properties ?? []).filter((p) => {
    if (p.isVirtual || !Object.prototype.hasOwnProperty.call(element, p.name)) return false;
    const value = element[p.name];
    if (value === p.default || value === null || value === undefined) return false;
    return p.isMany ? (value as unknown[]).length > 0 : true;
  });
}

/**
 * Attributes no property describes (`activiti:class`, or any attribute of an unknown element), as
 * written: a prefix of the element's own namespace is dropped, and one whose prefix is declared
 * nowhere is left out, as moddle-xml leaves it out. Namespace declarations are attributes too:
 * the engine's parser reports them (it turns on SAX's namespace-prefixes to validate the schema),
 * so `xmlns:class="…"` is an attribute named class to the policy, here as there. They stay on the
 * element that declares them, where moddle-xml would write them on the definitions: the same
 * verdict, unless a prefix named `type` is declared on a task.
 */
function otherAttributes(entries: [string, unknown][], element: ModdleElement, elementUri: string): PolicyAttribute[] {
  const attributes: PolicyAttribute[] = [];
  for (const [name, value] of entries) {
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? undefined : name.substring(0, colon);
    const localName = colon < 0 ? name : name.substring(colon + 1);
    const namespace = prefix === undefined ? "" : prefix === "xmlns" ? XMLNS : namespaceOf(prefix, element);
    if (namespace === null) continue;
    attributes.push({ namespace: namespace === elementUri ? "" : namespace, localName, value: String(value) });
  }
  return attributes;
}

/** The URI of a prefix: a package's, else the nearest declaration around the element; null if none. */
function namespaceOf(prefix: string | undefined, element: ModdleElement): string | null {
  if (prefix === undefined) return null;
  const pkg = element.$model.getPackage(prefix);
  if (pkg) return pkg.uri;
  for (let e: ModdleElement | undefined = element; e; e = e.$parent) {
    const declared = e.$descriptor.isGeneric ? e[`xmlns:${prefix}`] : e.$attrs?.[`xmlns:${prefix}`];
    if (typeof declared === "string") return declared;
  }
  return BUILT_IN_NAMESPACES[prefix] ?? null;
}

/** A type's tag name: its name, with a lower-case initial in packages that say so (bpmn, camunda). */
function tagAlias(element: ModdleElement, ns: NsName): string {
  const lower = ns.prefix !== undefined && element.$model.getPackage(ns.prefix)?.xml?.tagAlias === "lowerCase";
  return lower ? ns.localName.charAt(0).toLowerCase() + ns.localName.substring(1) : ns.localName;
}
