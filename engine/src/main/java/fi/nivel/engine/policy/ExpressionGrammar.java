package fi.nivel.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expressions a Nivel diagram may contain: the JUEL subset of docs/deployment-policy.md
 * (literals, variables and their properties, comparisons, arithmetic, logic, and a few read-only
 * calls). Anything else, above all method calls such as {@code getClass()}, is refused, because
 * JUEL's method invocation reaches any class on the server.
 */
public final class ExpressionGrammar {
  static final Set<String> EXECUTION_CALLS = Set.of("getVariable", "getVariableLocal", "hasVariable");
  /** what a call activity passes on: {@code camunda:in businessKey="#{execution.processBusinessKey}"} */
  static final Set<String> EXECUTION_READS = Set.of("processBusinessKey", "processInstanceId");
  static final Set<String> READ_CALLS = Set.of(
      "elements", "stringValue", "numberValue", "boolValue", "isNull", "isString", "isNumber",
      "isBoolean", "isArray", "isObject", "isValue", "size", "isEmpty");
  static final Set<String> READ_CALLS_WITH_NAME = Set.of("prop", "hasProp");
  static final Set<String> KEYWORDS = Set.of(
      "instanceof", "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty",
      "true", "false", "null");
  static final Set<String> RESERVED = Set.of(
      "execution", "task", "externalTask", "caseExecution", "variableScope", "processEngine",
      "processEngineServices", "processEngineConfiguration");
  static final Set<String> DENIED_PROPERTIES = Set.of(
      "class", "classLoader", "declaringClass", "module", "protectionDomain");

  private ExpressionGrammar() {}

  /** Why {@code text} (an attribute value or element text) is refused, or empty when it is allowed. */
  public static Optional<String> check(String text) {
    int from = 0;
    while (true) {
      int dollar = text.indexOf("${", from);
      int hash = text.indexOf("#{", from);
      int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
      if (start < 0) return Optional.empty();
      // JUEL reads \${ as plain text and evaluates what follows it, which this check would
      // otherwise read as part of one harmless literal
      if (start > 0 && text.charAt(start - 1) == '\\') {
        return Optional.of("an escaped " + text.substring(start - 1, start + 2) + " hides an expression from this check: write the text without the backslash");
      }
      int end = closingBrace(text, start + 2);
      if (end < 0) return Optional.of("the expression " + excerpt(text.substring(start)) + " has no closing }");
      String expression = text.substring(start, end + 1);
      try {
        new Parser(tokenize(text.substring(start + 2, end))).expressionToEnd();
      } catch (Refused refused) {
        return Optional.of("the expression " + excerpt(expression) + " is not allowed: " + refused.getMessage());
      }
      from = end + 1;
    }
  }

  private static String excerpt(String expression) {
    return expression.length() <= 80 ? expression : expression.substring(0, 77) + "...";
  }

  /** The index of the } that closes an expression whose content starts at {@code from}; -1 if none. */
  private static int closingBrace(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') i++;
        else if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private enum Kind { IDENT, STRING, NUMBER, SYMBOL, END }

  private record Token(Kind kind, String text) {
    boolean is(String symbolOrWord) {
      return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbolOrWord);
    }
  }

  private static final List<String> SYMBOLS = List.of(
      "==", "!=", "<=", ">=", "&&", "||", "(", ")", ".", "?", ":", "!", "<", ">", "+", "-", "*", "/", "%", ",");

  private static List<Token> tokenize(String source) throws Refused {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        StringBuilder value = new StringBuilder();
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != c) {
          if (source.charAt(j) == '\\' && j + 1 < source.length()) j++;
          value.append(source.charAt(j++));
        }
        if (j >= source.length()) throw new Refused("a string is not closed");
        tokens.add(new Token(Kind.STRING, value.toString()));
        i = j + 1;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < source.length() && Character.isDigit(source.charAt(j))) j++;
        if (j + 1 < source.length() && source.charAt(j) == '.' && Character.isDigit(source.charAt(j + 1))) {
          j++;
          while (j < source.length() && Character.isDigit(source.charAt(j))) j++;
        }
        if (j < source.length() && (source.charAt(j) == 'e' || source.charAt(j) == 'E')) {
          int k = j + 1;
          if (k < source.length() && (source.charAt(k) == '+' || source.charAt(k) == '-')) k++;
          if (k < source.length() && Character.isDigit(source.charAt(k))) {
            j = k;
            while (j < source.length() && Character.isDigit(source.charAt(j))) j++;
          }
        }
        tokens.add(new Token(Kind.NUMBER, source.substring(i, j)));
        i = j;
      } else if (isIdentifierStart(c)) {
        int j = i + 1;
        while (j < source.length() && isIdentifierPart(source.charAt(j))) j++;
        tokens.add(new Token(Kind.IDENT, source.substring(i, j)));
        i = j;
      } else {
        String symbol = null;
        for (String s : SYMBOLS) {
          if (source.startsWith(s, i)) {
            symbol = s;
            break;
          }
        }
        if (symbol == null) throw new Refused("'" + c + "' is not part of the allowed grammar");
        tokens.add(new Token(Kind.SYMBOL, symbol));
        i += symbol.length();
      }
    }
    tokens.add(new Token(Kind.END, ""));
    return tokens;
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean isDeniedProperty(String name) {
    return DENIED_PROPERTIES.contains(name) || RESERVED.contains(name) || KEYWORDS.contains(name)
        || name.endsWith("Class") || name.endsWith("ClassLoader");
  }

  /** Recursive descent over the grammar of docs/deployment-policy.md; it only accepts or refuses. */
  private static final class Parser {
    private final List<Token> tokens;
    private int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    void expressionToEnd() throws Refused {
      if (peek().kind == Kind.END) throw new Refused("it is empty");
      ternary();
      Token rest = peek();
      if (rest.kind != Kind.END) throw new Refused("'" + rest.text + "' is not allowed here");
    }

    private Token peek() {
      return tokens.get(at);
    }

    private Token next() {
      return tokens.get(at++);
    }

    private boolean accept(String... options) {
      for (String option : options) {
        if (peek().is(option)) {
          at++;
          return true;
        }
      }
      return false;
    }

    private void expect(String symbol) throws Refused {
      if (!accept(symbol)) throw new Refused("expected '" + symbol + "'" + (peek().kind == Kind.END ? " at the end" : " before '" + peek().text + "'"));
    }

    private void ternary() throws Refused {
      or();
      if (accept("?")) {
        ternary();
        expect(":");
        ternary();
      }
    }

    private void or() throws Refused {
      and();
      while (accept("||", "or")) and();
    }

    private void and() throws Refused {
      equality();
      while (accept("&&", "and")) equality();
    }

    private void equality() throws Refused {
      relational();
      while (accept("==", "!=", "eq", "ne")) relational();
    }

    private void relational() throws Refused {
      additive();
      while (accept("<=", ">=", "<", ">", "lt", "gt", "le", "ge")) additive();
    }

    private void additive() throws Refused {
      multiplicative();
      while (accept("+", "-")) multiplicative();
    }

    private void multiplicative() throws Refused {
      unary();
      while (accept("*", "/", "%", "div", "mod")) unary();
    }

    private void unary() throws Refused {
      if (accept("!", "not", "-", "empty")) {
        unary();
      } else {
        primary();
      }
    }

    private void primary() throws Refused {
      Token token = next();
      switch (token.kind) {
        case STRING, NUMBER -> noCall(token);
        case SYMBOL -> {
          if (!token.is("(")) throw new Refused("'" + token.text + "' is not allowed here");
          ternary();
          expect(")");
        }
        case IDENT -> {
          if (token.is("true") || token.is("false") || token.is("null")) {
            noCall(token);
          } else {
            reference(token);
          }
        }
        case END -> throw new Refused("it ends too early");
      }
    }

    private void noCall(Token literal) throws Refused {
      if (peek().is(".")) {
        String shown = literal.kind == Kind.STRING ? "'" + literal.text + "'" : literal.text;
        throw new Refused("nothing may be called or read on the literal " + shown);
      }
    }

    private void reference(Token root) throws Refused {
      if (root.is("execution")) {
        expect(".");
        Token method = next();
        if (method.kind == Kind.IDENT && EXECUTION_READS.contains(method.text) && !peek().is("(")) {
          return;
        }
        if (method.kind != Kind.IDENT || !EXECUTION_CALLS.contains(method.text) || !peek().is("(")) {
          throw new Refused("execution may only be used as execution.getVariable('name') or execution.processBusinessKey"
              + (method.kind == Kind.IDENT ? ", not execution." + method.text : ""));
        }
        nameArgument(method.text);
      } else if (RESERVED.contains(root.text) || KEYWORDS.contains(root.text)) {
        throw new Refused("'" + root.text + "' is reserved");
      } else if (peek().is("(")) {
        throw new Refused("function calls such as " + root.text + "() are not allowed");
      }
      while (accept(".")) {
        Token member = next();
        if (member.kind != Kind.IDENT) throw new Refused("a property name must follow '.'");
        if (peek().is("(")) {
          if (READ_CALLS.contains(member.text)) {
            expect("(");
            expect(")");
          } else if (READ_CALLS_WITH_NAME.contains(member.text)) {
            nameArgument(member.text);
          } else {
            throw new Refused("the method " + member.text + "() is not allowed");
          }
        } else if (isDeniedProperty(member.text)) {
          throw new Refused("the property " + member.text + " is not allowed");
        }
      }
    }

    private void nameArgument(String method) throws Refused {
      expect("(");
      Token name = next();
      if (name.kind != Kind.STRING) throw new Refused(method + "() takes one name in quotes");
      expect(")");
    }
  }
}
