package io.xtage.preprocess.internal.expr;

import io.xtage.preprocess.ExpressionException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * A recursive-descent parser for the expression grammar (see docs/preprocessing.md):
 *
 * <pre>
 * expr     := or
 * or       := and ('or' and)*
 * and      := not ('and' not)*
 * not      := 'not' not | pred
 * pred     := sum [ cmp sum | 'is' ['not'] 'null' | ['not'] 'in' '(' literal (',' literal)* ')' ]
 * cmp      := '=' | '==' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/' | '%') unary)*
 * unary    := '-' unary | primary
 * primary  := number | string | 'true' | 'false' | 'null' | 'date' string
 *           | name '(' [expr (',' expr)*] ')' | name | quoted-name | '(' expr ')'
 * </pre>
 *
 * Keywords are case-insensitive. Internal.
 */
final class Parser {
    static final Set<String> FUNCTIONS = Set.of("coalesce", "year", "month", "day", "day_of_week",
        "days_between", "abs");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "null", "in", "true", "false", "date");

    private enum Kind { NUMBER, STRING, NAME, QUOTED_NAME, OP, END }

    private static final class Token {
        final Kind kind;
        final String text;
        final int pos;

        Token(Kind kind, String text, int pos) {
            this.kind = kind;
            this.text = text;
            this.pos = pos;
        }

        boolean isKeyword(String k) {
            return kind == Kind.NAME && text.equalsIgnoreCase(k);
        }

        boolean isOp(String o) {
            return kind == Kind.OP && text.equals(o);
        }

        String describe() {
            switch (kind) {
                case END:
                    return "end of expression";
                case STRING:
                    return "text '" + text + "'";
                case QUOTED_NAME:
                    return "name \"" + text + "\"";
                default:
                    return "'" + text + "'";
            }
        }
    }

    private final String src;
    private final List<Token> tokens;
    private int at;

    private Parser(String src) {
        this.src = src;
        this.tokens = lex(src);
    }

    static Node parse(String src) {
        Parser p = new Parser(src);
        if (p.peek().kind == Kind.END) {
            throw new ExpressionException(src, 0, "empty expression");
        }
        Node n = p.or();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw p.error(t, "expected an operator or end of expression but found " + t.describe());
        }
        return n;
    }

    private ExpressionException error(Token t, String reason) {
        return new ExpressionException(src, t.pos, reason);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind != Kind.END) {
            at++;
        }
        return t;
    }

    private Node or() {
        Node left = and();
        while (peek().isKeyword("or")) {
            Token op = next();
            left = new Node.Binary(op.pos, "or", left, and());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().isKeyword("and")) {
            Token op = next();
            left = new Node.Binary(op.pos, "and", left, not());
        }
        return left;
    }

    private Node not() {
        if (peek().isKeyword("not")) {
            Token op = next();
            return new Node.Unary(op.pos, "not", not());
        }
        return predicate();
    }

    private Node predicate() {
        Node left = sum();
        Token t = peek();
        if (t.kind == Kind.OP) {
            String op;
            switch (t.text) {
                case "=":
                case "==":
                    op = "=";
                    break;
                case "!=":
                case "<>":
                    op = "!=";
                    break;
                case "<":
                case "<=":
                case ">":
                case ">=":
                    op = t.text;
                    break;
                default:
                    return left;
            }
            next();
            Node right = sum();
            Token after = peek();
            if (after.kind == Kind.OP && isComparison(after.text)) {
                throw error(after, "comparisons do not chain; combine them with 'and'");
            }
            return new Node.Binary(t.pos, op, left, right);
        }
        if (t.isKeyword("is")) {
            next();
            boolean negated = false;
            if (peek().isKeyword("not")) {
                next();
                negated = true;
            }
            Token n = next();
            if (!n.isKeyword("null")) {
                throw error(n, "expected 'null' after 'is" + (negated ? " not" : "") + "' but found " + n.describe());
            }
            return new Node.IsNull(t.pos, left, negated);
        }
        boolean negated = false;
        if (t.isKeyword("not") && tokens.get(at + 1).isKeyword("in")) {
            next();
            negated = true;
        }
        if (peek().isKeyword("in")) {
            Token in = next();
            expectOp("(", "after 'in'");
            List<Node.Lit> values = new ArrayList<>();
            do {
                values.add(inLiteral());
            } while (acceptOp(","));
            expectOp(")", "to close the 'in' list");
            return new Node.InList(in.pos, left, values, negated);
        }
        return left;
    }

    private static boolean isComparison(String op) {
        switch (op) {
            case "=":
            case "==":
            case "!=":
            case "<>":
            case "<":
            case "<=":
            case ">":
            case ">=":
                return true;
            default:
                return false;
        }
    }

    private Node.Lit inLiteral() {
        Token t = peek();
        boolean neg = false;
        if (t.isOp("-")) {
            next();
            neg = true;
            if (peek().kind != Kind.NUMBER) {
                throw error(peek(), "expected a number after '-' in the 'in' list but found " + peek().describe());
            }
        }
        Node n = primary();
        if (!(n instanceof Node.Lit)) {
            throw new ExpressionException(src, n.pos(), "the 'in' list takes literal values only (numbers, 'text', "
                + "date 'yyyy-MM-dd', true, false)");
        }
        Node.Lit lit = (Node.Lit) n;
        if (lit.type() == ExprType.NULL) {
            throw new ExpressionException(src, lit.pos(), "null in an 'in' list never matches; use 'is null'");
        }
        if (neg) {
            lit = negate(t, lit);
        }
        return lit;
    }

    private Node.Lit negate(Token minus, Node.Lit lit) {
        if (lit.type() == ExprType.LONG) {
            return new Node.Lit(minus.pos, ExprType.LONG, -((Long) lit.value()));
        }
        return new Node.Lit(minus.pos, ExprType.DOUBLE, -((Double) lit.value()));
    }

    private Node sum() {
        Node left = product();
        while (peek().isOp("+") || peek().isOp("-")) {
            Token op = next();
            left = new Node.Binary(op.pos, op.text, left, product());
        }
        return left;
    }

    private Node product() {
        Node left = unary();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("%")) {
            Token op = next();
            left = new Node.Binary(op.pos, op.text, left, unary());
        }
        return left;
    }

    private Node unary() {
        if (peek().isOp("-")) {
            Token op = next();
            Node operand = unary();
            if (operand instanceof Node.Lit && ((Node.Lit) operand).type().isNumeric()) {
                return negate(op, (Node.Lit) operand);
            }
            return new Node.Unary(op.pos, "-", operand);
        }
        return primary();
    }

    private Node primary() {
        Token t = next();
        switch (t.kind) {
            case NUMBER:
                return number(t);
            case STRING:
                return new Node.Lit(t.pos, ExprType.STRING, t.text);
            case QUOTED_NAME:
                return new Node.ColRef(t.pos, t.text);
            case OP:
                if (t.text.equals("(")) {
                    Node inner = or();
                    expectOp(")", "to close the '(' at position " + t.pos);
                    return inner;
                }
                throw error(t, "expected a value, a column or '(' but found " + t.describe());
            case END:
                throw error(t, "expected a value, a column or '(' but found end of expression");
            default:
                break;
        }
        String lower = t.text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "true":
                return new Node.Lit(t.pos, ExprType.BOOLEAN, Boolean.TRUE);
            case "false":
                return new Node.Lit(t.pos, ExprType.BOOLEAN, Boolean.FALSE);
            case "null":
                return new Node.Lit(t.pos, ExprType.NULL, null);
            case "date": {
                Token s = next();
                if (s.kind != Kind.STRING) {
                    throw error(s, "expected 'yyyy-MM-dd' after 'date' but found " + s.describe());
                }
                return new Node.Lit(t.pos, ExprType.DATE, parseDate(s));
            }
            default:
                break;
        }
        if (KEYWORDS.contains(lower)) {
            throw error(t, "expected a value, a column or '(' but found keyword '" + t.text
                + "' (quote a column of that name: \"" + t.text + "\")");
        }
        if (peek().isOp("(")) {
            if (!FUNCTIONS.contains(lower)) {
                throw error(t, "unknown function '" + t.text + "'; known: " + new TreeSet<>(FUNCTIONS));
            }
            next();
            List<Node> args = new ArrayList<>();
            if (!peek().isOp(")")) {
                do {
                    args.add(or());
                } while (acceptOp(","));
            }
            expectOp(")", "to close the arguments of " + lower);
            return new Node.Call(t.pos, lower, args);
        }
        return new Node.ColRef(t.pos, t.text);
    }

    private Integer parseDate(Token s) {
        try {
            return PackedLocalDate.pack(LocalDate.parse(s.text));
        } catch (DateTimeParseException e) {
            throw error(s, "'" + s.text + "' is not a date in the form yyyy-MM-dd");
        }
    }

    /** Packs an ISO date literal, or returns null if the text is not one. */
    static Integer packedDateOrNull(String text) {
        try {
            return PackedLocalDate.pack(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Node number(Token t) {
        String s = t.text;
        boolean decimal = s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0;
        if (!decimal) {
            try {
                return new Node.Lit(t.pos, ExprType.LONG, Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw error(t, "integer " + s + " is out of the 64-bit range");
            }
        }
        try {
            return new Node.Lit(t.pos, ExprType.DOUBLE, Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw error(t, "'" + s + "' is not a number");
        }
    }

    private boolean acceptOp(String op) {
        if (peek().isOp(op)) {
            next();
            return true;
        }
        return false;
    }

    private void expectOp(String op, String why) {
        Token t = peek();
        if (!t.isOp(op)) {
            throw error(t, "expected '" + op + "' " + why + " but found " + t.describe());
        }
        next();
    }

    private List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int e = i + 1;
                    if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                        e++;
                    }
                    if (e < n && Character.isDigit(s.charAt(e))) {
                        i = e;
                        while (i < n && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    } else {
                        throw new ExpressionException(s, i, "expected digits after the exponent 'e'");
                    }
                }
                if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                    throw new ExpressionException(s, i, "a number runs into a name; put a space or an operator "
                        + "between them");
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.NAME, s.substring(start, i), start));
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                StringBuilder b = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && s.charAt(i + 1) == c) {
                            b.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    b.append(d);
                    i++;
                }
                if (!closed) {
                    throw new ExpressionException(s, start, c == '\'' ? "text is not closed: missing '"
                        : "quoted name is not closed: missing " + c);
                }
                if (c != '\'' && b.length() == 0) {
                    throw new ExpressionException(s, start, "empty quoted name");
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, b.toString(), start));
                continue;
            }
            String two = i + 1 < n ? s.substring(i, i + 2) : "";
            switch (two) {
                case "==":
                case "!=":
                case "<>":
                case "<=":
                case ">=":
                    out.add(new Token(Kind.OP, two, start));
                    i += 2;
                    continue;
                default:
                    break;
            }
            if ("+-*/%(),=<>".indexOf(c) >= 0) {
                out.add(new Token(Kind.OP, String.valueOf(c), start));
                i++;
                continue;
            }
            throw new ExpressionException(s, i, "unexpected character '" + c + "'");
        }
        out.add(new Token(Kind.END, "", n));
        return out;
    }
}
