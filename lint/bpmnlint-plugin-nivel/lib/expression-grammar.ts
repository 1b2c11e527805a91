/**
 * The expressions a Nivel diagram may contain, as the engine decides it: a line-for-line port of
 * engine/src/main/java/fi/nivel/engine/policy/ExpressionGrammar.java (docs/deployment-policy.md,
 * "Expressions"). The two must give the same verdict and the same reason for every text, so this
 * keeps the Java's structure, order of checks and messages, and Java's own character classes
 * (Character.isWhitespace, Character.isDigit) where JavaScript's differ.
 */

const EXECUTION_CALLS = new Set(["getVariable", "getVariableLocal", "hasVariable"]);
/** what a call activity passes on: camunda:in businessKey="#{execution.processBusinessKey}" */
const EXECUTION_READS = new Set(["processBusinessKey", "processInstanceId"]);
const READ_CALLS = new Set([
  "elements", "stringValue", "numberValue", "boolValue", "isNull", "isString", "isNumber",
  "isBoolean", "isArray", "isObject", "isValue", "size", "isEmpty",
]);
const READ_CALLS_WITH_NAME = new Set(["prop", "hasProp"]);
const KEYWORDS = new Set([
  "instanceof", "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty",
  "true", "false", "null",
]);
const RESERVED = new Set([
  "execution", "task", "externalTask", "caseExecution", "variableScope", "processEngine",
  "processEngineServices", "processEngineConfiguration",
]);
const DENIED_PROPERTIES = new Set(["class", "classLoader", "declaringClass", "module", "protectionDomain"]);

/** Why `text` (an attribute value or element text) is refused, or null when it is allowed. */
export function checkExpressions(text: string): string | null {
  let from = 0;
  for (;;) {
    const dollar = text.indexOf("${", from);
    const hash = text.indexOf("#{", from);
    const start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
    if (start < 0) return null;
    // JUEL reads \${ as plain text and evaluates what follows it, which this check would
    // otherwise read as part of one harmless literal
    if (start > 0 && text.charAt(start - 1) === "\\") {
      return `an escaped ${text.substring(start - 1, start + 2)} hides an expression from this check: write the text without the backslash`;
    }
    const end = closingBrace(text, start + 2);
    if (end < 0) return `the expression ${excerpt(text.substring(start))} has no closing }`;
    const expression = text.substring(start, end + 1);
    try {
      new Parser(tokenize(text.substring(start + 2, end))).expressionToEnd();
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      return `the expression ${excerpt(expression)} is not allowed: ${error.message}`;
    }
    from = end + 1;
  }
}

function excerpt(expression: string): string {
  return expression.length <= 80 ? expression : `${expression.substring(0, 77)}...`;
}

/** The index of the } that closes an expression whose content starts at `from`; -1 if none. */
function closingBrace(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== "") {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "}") {
      return i;
    }
  }
  return -1;
}

/** A reason to refuse; the only exception the parser throws on purpose. */
class Refused extends Error {}

type Kind = "IDENT" | "STRING" | "NUMBER" | "SYMBOL" | "END";

interface Token {
  kind: Kind;
  text: string;
}

const is = (token: Token, symbolOrWord: string) =>
  (token.kind === "SYMBOL" || token.kind === "IDENT") && token.text === symbolOrWord;

/** longest first where one is the start of another, as the Java tries them in this order */
const SYMBOLS = ["==", "!=", "<=", ">=", "&&", "||", "(", ")", ".", "?", ":", "!", "<", ">", "+", "-", "*", "/", "%", ","];

/**
 * Java's Character.isWhitespace for one UTF-16 unit: space, line and paragraph separators except
 * the non-breaking ones (U+00A0, U+2007, U+202F), and the ASCII controls below. JavaScript's \s
 * differs (it takes U+00A0 and U+FEFF), so an expression the engine refuses would pass here.
 */
const JAVA_WHITESPACE = /^[\t\n\u000B\f\r\u001C-\u001F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]$/;
const isWhitespace = (c: string) => JAVA_WHITESPACE.test(c);
/** Java's Character.isDigit: any Unicode decimal digit (Nd), not only 0-9 */
const isDigit = (c: string) => /^\p{Nd}$/u.test(c);
const isIdentifierStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isIdentifierPart = (c: string) => isIdentifierStart(c) || (c >= "0" && c <= "9");

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (isWhitespace(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let value = "";
      let j = i + 1;
      while (j < source.length && source.charAt(j) !== c) {
        if (source.charAt(j) === "\\" && j + 1 < source.length) j++;
        value += source.charAt(j++);
      }
      if (j >= source.length) throw new Refused("a string is not closed");
      tokens.push({ kind: "STRING", text: value });
      i = j + 1;
    } else if (isDigit(c)) {
      let j = i;
      while (j < source.length && isDigit(source.charAt(j))) j++;
      if (j + 1 < source.length && source.charAt(j) === "." && isDigit(source.charAt(j + 1))) {
        j++;
        while (j < source.length && isDigit(source.charAt(j))) j++;
      }
      if (j < source.length && (source.charAt(j) === "e" || source.charAt(j) === "E")) {
        let k = j + 1;
        if (k < source.length && (source.charAt(k) === "+" || source.charAt(k) === "-")) k++;
        if (k < source.length && isDigit(source.charAt(k))) {
          j = k;
          while (j < source.length && isDigit(source.charAt(j))) j++;
        }
      }
      tokens.push({ kind: "NUMBER", text: source.substring(i, j) });
      i = j;
    } else if (isIdentifierStart(c)) {
      let j = i + 1;
      while (j < source.length && isIdentifierPart(source.charAt(j))) j++;
      tokens.push({ kind: "IDENT", text: source.substring(i, j) });
      i = j;
    } else {
      const symbol = SYMBOLS.find((s) => source.startsWith(s, i));
      if (symbol === undefined) throw new Refused(`'${c}' is not part of the allowed grammar`);
      tokens.push({ kind: "SYMBOL", text: symbol });
      i += symbol.length;
    }
  }
  tokens.push({ kind: "END", text: "" });
  return tokens;
}

function isDeniedProperty(name: string): boolean {
  return DENIED_PROPERTIES.has(name) || RESERVED.has(name) || KEYWORDS.has(name)
    || name.endsWith("Class") || name.endsWith("ClassLoader");
}

/** Recursive descent over the grammar of docs/deployment-policy.md; it only accepts or refuses. */
class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  expressionToEnd(): void {
    if (this.peek().kind === "END") throw new Refused("it is empty");
    this.ternary();
    const rest = this.peek();
    if (rest.kind !== "END") throw new Refused(`'${rest.text}' is not allowed here`);
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private next(): Token {
    return this.tokens[this.at++]!;
  }

  private accept(...options: string[]): boolean {
    for (const option of options) {
      if (is(this.peek(), option)) {
        this.at++;
        return true;
      }
    }
    return false;
  }

  private expect(symbol: string): void {
    if (!this.accept(symbol)) {
      throw new Refused(`expected '${symbol}'${this.peek().kind === "END" ? " at the end" : ` before '${this.peek().text}'`}`);
    }
  }

  private ternary(): void {
    this.or();
    if (this.accept("?")) {
      this.ternary();
      this.expect(":");
      this.ternary();
    }
  }

  private or(): void {
    this.and();
    while (this.accept("||", "or")) this.and();
  }

  private and(): void {
    this.equality();
    while (this.accept("&&", "and")) this.equality();
  }

  private equality(): void {
    this.relational();
    while (this.accept("==", "!=", "eq", "ne")) this.relational();
  }

  private relational(): void {
    this.additive();
    while (this.accept("<=", ">=", "<", ">", "lt", "gt", "le", "ge")) this.additive();
  }

  private additive(): void {
    this.multiplicative();
    while (this.accept("+", "-")) this.multiplicative();
  }

  private multiplicative(): void {
    this.unary();
    while (this.accept("*", "/", "%", "div", "mod")) this.unary();
  }

  private unary(): void {
    if (this.accept("!", "not", "-", "empty")) {
      this.unary();
    } else {
      this.primary();
    }
  }

  private primary(): void {
    const token = this.next();
    switch (token.kind) {
      case "STRING":
      case "NUMBER":
        this.noCall(token);
        return;
      case "SYMBOL":
        if (!is(token, "(")) throw new Refused(`'${token.text}' is not allowed here`);
        this.ternary();
        this.expect(")");
        return;
      case "IDENT":
        if (is(token, "true") || is(token, "false") || is(token, "null")) {
          this.noCall(token);
        } else {
          this.reference(token);
        }
        return;
      case "END":
        throw new Refused("it ends too early");
    }
  }

  private noCall(literal: Token): void {
    if (is(this.peek(), ".")) {
      const shown = literal.kind === "STRING" ? `'${literal.text}'` : literal.text;
      throw new Refused(`nothing may be called or read on the literal ${shown}`);
    }
  }

  private reference(root: Token): void {
    if (is(root, "execution")) {
      this.expect(".");
      const method = this.next();
      if (method.kind === "IDENT" && EXECUTION_READS.has(method.text) && !is(this.peek(), "(")) {
        return;
      }
      if (method.kind !== "IDENT" || !EXECUTION_CALLS.has(method.text) || !is(this.peek(), "(")) {
        throw new Refused("execution may only be used as execution.getVariable('name') or execution.processBusinessKey"
          + (method.kind === "IDENT" ? `, not execution.${method.text}` : ""));
      }
      this.nameArgument(method.text);
    } else if (RESERVED.has(root.text) || KEYWORDS.has(root.text)) {
      throw new Refused(`'${root.text}' is reserved`);
    } else if (is(this.peek(), "(")) {
      throw new Refused(`function calls such as ${root.text}() are not allowed`);
    }
    while (this.accept(".")) {
      const member = this.next();
      if (member.kind !== "IDENT") throw new Refused("a property name must follow '.'");
      if (is(this.peek(), "(")) {
        if (READ_CALLS.has(member.text)) {
          this.expect("(");
          this.expect(")");
        } else if (READ_CALLS_WITH_NAME.has(member.text)) {
          this.nameArgument(member.text);
        } else {
          throw new Refused(`the method ${member.text}() is not allowed`);
        }
      } else if (isDeniedProperty(member.text)) {
        throw new Refused(`the property ${member.text} is not allowed`);
      }
    }
  }

  private nameArgument(method: string): void {
    this.expect("(");
    const name = this.next();
    if (name.kind !== "STRING") throw new Refused(`${method}() takes one name in quotes`);
    this.expect(")");
  }
}
