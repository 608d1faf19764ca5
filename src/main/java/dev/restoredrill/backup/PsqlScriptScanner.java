package dev.restoredrill.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the SQL part of a plain dump as psql reads it, to find what psql would do besides sending SQL: every
 * backslash meta-command and every COPY statement. A byte-level state machine that follows psql's own lexer
 * (postgres src/fe_utils/psqlscan.l): a backslash is a meta-command wherever it stands outside quotes and
 * comments, not only at a line start; strings ({@code '…'}, {@code E'…'} with backslash escapes, continuation
 * across a newline), quoted identifiers, dollar quotes ({@code $tag$…$tag$}), nested block comments, and
 * the {@code CREATE FUNCTION … BEGIN ATOMIC … END} rule for where a statement ends. COPY data lines are not
 * fed here: the reader hands them elsewhere once {@link Listener#copyFromStdin} has been called.
 *
 * <p>pg_dumpall writes only {@code \connect}, {@code \restrict KEY} and <code>&#92;unrestrict KEY</code>
 * (postgres src/bin/pg_dump/pg_dumpall.c, pg_backup_archiver.c, src/fe_utils/string_utils.c
 * appendPsqlMetaConnect), each in the exact shape checked here, and only {@code COPY … FROM stdin;}. Anything
 * else is reported. Memory is bounded: names, tags and arguments are kept only up to small limits.
 */
final class PsqlScriptScanner {

    interface Listener {
        /** A {@code COPY … FROM stdin} statement ended on {@code line}: its data follows on the next line. */
        void copyFromStdin(CopyStatement.TableName table, long line);

        /** Something a pg_dumpall never writes and psql would act on, at {@code line}; no dump text in it. */
        void hostile(long line, String what);
    }

    private static final int MAX_KEPT = 1024;
    private static final Pattern RESTRICT_ARGS = Pattern.compile(" [A-Za-z0-9]+\r?");
    /** appendPsqlMetaConnect: a plain name, or an identifier-quoted name / connection string. */
    private static final Pattern CONNECT_ARGS = Pattern.compile(
            " (?:[A-Za-z0-9_.]+|\"(?:[^\"]|\"\")*\"|-reuse-previous=on \"(?:[^\"]|\"\")*\")\r?");

    private enum State { INITIAL, LINE_COMMENT, BLOCK_COMMENT, STRING, ESCAPE_STRING, QUOTE_STOP, IDENT_QUOTED,
        IDENT_QUOTE_SEEN, DOLLAR_QUOTED, META }

    /** The token being read in INITIAL state. */
    private enum Token { NONE, WORD, NUMBER, NUMBER_E, NUMBER_E_SIGN, NUMBER_EXP, PARAM, DOLLAR, U_AMP, DASH,
        SLASH }

    private final Listener listener;
    private State state = State.INITIAL;
    private Token token = Token.NONE;
    private long line;

    private final StringBuilder word = new StringBuilder();
    private boolean wordOverflow;
    private char eSign;
    private boolean standardStrings = true;
    private boolean escapeNext;
    private State stringState;
    private final StringBuilder stringText = new StringBuilder();
    // quote-stop lookahead (psqlscan.l's xqs): a string continues after whitespace holding a newline
    private boolean stopAny;
    private boolean stopNewline;
    private boolean stopComment;
    private boolean stopDash;
    private int commentDepth;
    private boolean commentSlash;
    private boolean commentStar;
    private final StringBuilder dollarTag = new StringBuilder();
    private final StringBuilder dollarCandidate = new StringBuilder();
    private boolean dollarCandidateOpen;
    private final StringBuilder quotedIdent = new StringBuilder();
    private final StringBuilder metaName = new StringBuilder();
    private final StringBuilder metaArgs = new StringBuilder();
    private boolean metaNameDone;
    private boolean metaOverflow;
    private long metaLine;

    // psqlscan.l's statement-end rule
    private int parenDepth;
    private int beginDepth;
    private final char[] identifiers = new char[4];
    private int identifierCount;

    // the statement being read
    private int statementTokens;
    private long statementLine;
    private boolean isCopy;
    private boolean isSet;
    private boolean copyQuery;
    private boolean copyColumns;
    private final List<String> copyTarget = new ArrayList<>();
    private String copyDirection;
    private String copySource;
    private boolean copyProgram;
    private boolean setsStandardStrings;
    private String setValue;

    PsqlScriptScanner(Listener listener) {
        this.listener = listener;
    }

    /** Bytes of one SQL line ({@code newline}: the line's newline follows them). */
    void feed(byte[] bytes, int offset, int length, boolean newline, long lineNumber) {
        line = lineNumber;
        for (int i = offset, end = offset + length; i < end; i++) {
            process(bytes[i] & 0xff);
        }
        if (newline) {
            process('\n');
        }
    }

    /** The end of the text: psql sends what its buffer holds, so a last statement without ';' still counts. */
    void finish() {
        switch (state) {
            case INITIAL -> endToken();
            case QUOTE_STOP -> endString();
            case IDENT_QUOTE_SEEN -> endQuotedIdent();
            case META -> endMeta();
            default -> { }
        }
        if (statementTokens > 0) {
            endStatement();
        }
    }

    private void process(int c) {
        switch (state) {
            case INITIAL -> initial(c);
            case LINE_COMMENT -> {
                if (c == '\n' || c == '\r') {
                    state = State.INITIAL;
                }
            }
            case BLOCK_COMMENT -> blockComment(c);
            case STRING -> {
                if (c == '\'') {
                    quoteStop(State.STRING);
                } else {
                    keepString(c);
                }
            }
            case ESCAPE_STRING -> escapeString(c);
            case QUOTE_STOP -> quoteStopNext(c);
            case IDENT_QUOTED -> {
                if (c == '"') {
                    state = State.IDENT_QUOTE_SEEN;
                } else if (quotedIdent.length() < MAX_KEPT) {
                    quotedIdent.append((char) c);
                }
            }
            case IDENT_QUOTE_SEEN -> {
                if (c == '"') {
                    quotedIdent.append('"');
                    state = State.IDENT_QUOTED;
                } else {
                    endQuotedIdent();
                    process(c);
                }
            }
            case DOLLAR_QUOTED -> dollarQuoted(c);
            case META -> meta(c);
        }
    }

    private void initial(int c) {
        switch (token) {
            case WORD -> {
                if (c == '\'' && word.length() == 1 && "eEbBxXnN".indexOf(word.charAt(0)) >= 0) {
                    char prefix = Character.toLowerCase(word.charAt(0));
                    clearToken(); // a string prefix, not an identifier
                    startString(prefix == 'e' || prefix == 'n' && !standardStrings);
                } else if (c == '&' && word.length() == 1 && (word.charAt(0) == 'u' || word.charAt(0) == 'U')) {
                    token = Token.U_AMP;
                } else if (identCont(c)) {
                    appendWord(c);
                } else {
                    endToken();
                    initial(c);
                }
            }
            case U_AMP -> {
                if (c == '\'') {
                    clearToken();
                    startString(false);
                } else if (c == '"') {
                    clearToken();
                    startQuotedIdent();
                } else { // "u&" that starts nothing: identifier u, then & again
                    endToken();
                    initial('&');
                    initial(c);
                }
            }
            case NUMBER -> {
                if (isDigit(c) || c == '.') {
                    return;
                }
                if (c == 'e' || c == 'E') {
                    token = Token.NUMBER_E;
                } else {
                    token = Token.NONE;
                    initial(c);
                }
            }
            case NUMBER_E -> {
                if (isDigit(c)) {
                    token = Token.NUMBER_EXP;
                } else if (c == '+' || c == '-') {
                    eSign = (char) c;
                    token = Token.NUMBER_E_SIGN;
                } else { // "1e" then not an exponent: the e starts an identifier (or an E'' string)
                    startWord('e');
                    initial(c);
                }
            }
            case NUMBER_E_SIGN -> {
                if (isDigit(c)) {
                    token = Token.NUMBER_EXP;
                } else {
                    startWord('e');
                    endToken();
                    initial(eSign);
                    initial(c);
                }
            }
            case NUMBER_EXP, PARAM -> {
                if (!isDigit(c)) {
                    token = Token.NONE;
                    initial(c);
                }
            }
            case DOLLAR -> dollar(c);
            case DASH -> {
                token = Token.NONE;
                if (c == '-') {
                    state = State.LINE_COMMENT;
                } else {
                    other();
                    initial(c);
                }
            }
            case SLASH -> {
                token = Token.NONE;
                if (c == '*') {
                    state = State.BLOCK_COMMENT;
                    commentDepth = 0;
                    commentSlash = false;
                    commentStar = false;
                } else {
                    other();
                    initial(c);
                }
            }
            case NONE -> startToken(c);
        }
    }

    private void startToken(int c) {
        if (identStart(c)) {
            startWord(c);
        } else if (isDigit(c)) {
            token = Token.NUMBER;
            other();
        } else {
            switch (c) {
                case '$' -> {
                    token = Token.DOLLAR;
                    dollarTag.setLength(0);
                }
                case '\'' -> startString(!standardStrings);
                case '"' -> startQuotedIdent();
                case '-' -> token = Token.DASH;
                case '/' -> token = Token.SLASH;
                case '\\' -> startMeta();
                case '(' -> {
                    punctuation('(');
                    parenDepth++;
                }
                case ')' -> {
                    if (parenDepth > 0) {
                        parenDepth--;
                    }
                    punctuation(')');
                }
                case ';' -> {
                    if (parenDepth == 0 && beginDepth == 0) {
                        endStatement();
                        identifierCount = 0;
                    } else {
                        punctuation(';');
                    }
                }
                case '.', '=', ',' -> punctuation((char) c);
                case ' ', '\t', '\n', '\r', '\f' -> { }
                default -> other();
            }
        }
    }

    /** After '$': a dollar-quote delimiter ($$ or $tag$), a parameter ($1), or a lone '$'. */
    private void dollar(int c) {
        if (dollarTag.isEmpty() && isDigit(c)) {
            token = Token.PARAM;
            other();
        } else if (dollarTag.isEmpty() ? dollarStart(c) : dollarCont(c)) {
            if (dollarTag.length() >= MAX_KEPT) {
                listener.hostile(line, "a dollar-quote tag longer than " + MAX_KEPT + " bytes, which pg_dump"
                        + " never writes");
                token = Token.NONE;
                return;
            }
            dollarTag.append((char) c);
        } else if (c == '$') {
            token = Token.NONE;
            state = State.DOLLAR_QUOTED;
            dollarCandidateOpen = false;
        } else if (dollarTag.isEmpty()) {
            token = Token.NONE;
            other();
            initial(c);
        } else { // "$abc" without a closing '$': a lone '$', then the tag is read again as an identifier
            other();
            String tag = dollarTag.toString();
            token = Token.NONE;
            startWord(tag.charAt(0));
            for (int i = 1; i < tag.length(); i++) {
                appendWord(tag.charAt(i));
            }
            initial(c);
        }
    }

    private void dollarQuoted(int c) {
        if (c == '$') {
            if (dollarCandidateOpen && dollarCandidate.toString().contentEquals(dollarTag)) {
                state = State.INITIAL;
                stringToken(null);
                return;
            }
            dollarCandidateOpen = true; // this '$' may open the closing delimiter
            dollarCandidate.setLength(0);
        } else if (dollarCandidateOpen) {
            boolean fits = dollarCandidate.isEmpty() ? dollarStart(c) : dollarCont(c);
            if (fits && dollarCandidate.length() <= dollarTag.length()) {
                dollarCandidate.append((char) c);
            } else {
                dollarCandidateOpen = false;
            }
        }
    }

    private void blockComment(int c) {
        if (c == '*' && commentSlash) {
            commentDepth++;
            commentSlash = false;
            commentStar = false;
        } else if (c == '/' && commentStar) {
            commentStar = false;
            if (commentDepth == 0) {
                state = State.INITIAL;
            } else {
                commentDepth--;
            }
        } else {
            commentSlash = c == '/';
            commentStar = c == '*';
        }
    }

    private void startString(boolean escapes) {
        state = escapes ? State.ESCAPE_STRING : State.STRING;
        escapeNext = false;
        stringText.setLength(0);
    }

    private void escapeString(int c) {
        if (escapeNext) {
            escapeNext = false;
            keepString(c);
        } else if (c == '\\') {
            escapeNext = true;
        } else if (c == '\'') {
            quoteStop(State.ESCAPE_STRING);
        } else {
            keepString(c);
        }
    }

    private void keepString(int c) {
        if (stringText.length() < 64) {
            stringText.append((char) c);
        }
    }

    private void quoteStop(State string) {
        stringState = string;
        state = State.QUOTE_STOP;
        stopAny = false;
        stopNewline = false;
        stopComment = false;
        stopDash = false;
    }

    /** After a closing quote: whitespace with a newline, then a quote, continues the same string. */
    private void quoteStopNext(int c) {
        if (!stopAny && c == '\'') { // '' right after the quote: a doubled quote inside the same string
            state = stringState;
            keepString(c);
            return;
        }
        stopAny = true;
        if (stopComment) {
            if (c == '\n' || c == '\r') {
                stopComment = false;
                stopNewline = true;
            }
            return;
        }
        if (stopDash) {
            stopDash = false;
            if (c == '-') {
                stopComment = true;
                return;
            }
            endString();
            process('-');
            process(c);
            return;
        }
        switch (c) {
            case ' ', '\t', '\f' -> { }
            case '\n', '\r' -> stopNewline = true;
            case '-' -> stopDash = true;
            case '\'' -> {
                if (stopNewline) {
                    state = stringState;
                    escapeNext = false;
                } else {
                    endString();
                    process(c);
                }
            }
            default -> {
                endString();
                process(c);
            }
        }
    }

    private void endString() {
        state = State.INITIAL;
        stringToken(stringText.toString());
    }

    private void startQuotedIdent() {
        state = State.IDENT_QUOTED;
        quotedIdent.setLength(0);
    }

    private void endQuotedIdent() {
        state = State.INITIAL;
        statementToken(TokenKind.QUOTED_IDENT, quotedIdent.toString());
    }

    private void startMeta() {
        state = State.META;
        metaLine = line;
        metaName.setLength(0);
        metaArgs.setLength(0);
        metaNameDone = false;
        metaOverflow = false;
    }

    /** psqlscanslash.l: the name is a run of letters, digits and '_', or one other character. */
    private void meta(int c) {
        if (c == '\n') {
            endMeta();
            state = State.INITIAL;
            return;
        }
        if (!metaNameDone) {
            if (variableChar(c)) {
                if (metaName.length() < 64) {
                    metaName.append((char) c);
                }
                return;
            }
            metaNameDone = true;
            if (metaName.isEmpty()) {
                metaName.append((char) c);
                return;
            }
        }
        if (metaArgs.length() < MAX_KEPT) {
            metaArgs.append((char) c);
        } else {
            metaOverflow = true;
        }
    }

    private void endMeta() {
        String name = metaName.toString();
        String args = metaArgs.toString();
        boolean allowed = !metaOverflow && switch (name) {
            case "connect" -> CONNECT_ARGS.matcher(args).matches();
            case "restrict", "unrestrict" -> RESTRICT_ARGS.matcher(args).matches();
            default -> false;
        };
        metaArgs.setLength(0); // a restrict key is a secret of the dump: not kept
        if (!allowed) {
            listener.hostile(metaLine, MetaCommands.describe(name));
        }
    }

    private void startWord(int c) {
        token = Token.WORD;
        word.setLength(0);
        wordOverflow = false;
        word.append((char) c);
    }

    private void appendWord(int c) {
        if (word.length() < MAX_KEPT) {
            word.append((char) c);
        } else {
            wordOverflow = true;
        }
    }

    private void clearToken() {
        token = Token.NONE;
        word.setLength(0);
    }

    /** Ends the token being read in INITIAL state (a word is an identifier or keyword). */
    private void endToken() {
        if (token == Token.WORD || token == Token.U_AMP) {
            identifier(word.toString());
        } else if (token == Token.DASH || token == Token.SLASH || token == Token.DOLLAR) {
            other();
        } else if (token == Token.NUMBER_E || token == Token.NUMBER_E_SIGN) {
            identifier("e");
            if (token == Token.NUMBER_E_SIGN) {
                other();
            }
        }
        token = Token.NONE;
        word.setLength(0);
    }

    /** psqlscan.l's {identifier} rule: counts CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN … END. */
    private void identifier(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (identifierCount == 0) {
            java.util.Arrays.fill(identifiers, '\0');
        }
        if (switch (lower) {
            case "create", "function", "procedure", "or", "replace" -> true;
            default -> false;
        } && identifierCount < identifiers.length) {
            identifiers[identifierCount] = lower.charAt(0);
        }
        identifierCount++;
        if (identifiers[0] == 'c' && (identifiers[1] == 'f' || identifiers[1] == 'p'
                || identifiers[1] == 'o' && identifiers[2] == 'r' && (identifiers[3] == 'f' || identifiers[3] == 'p'))
                && parenDepth == 0) {
            switch (lower) {
                case "begin" -> beginDepth++;
                case "case" -> {
                    if (beginDepth >= 1) {
                        beginDepth++;
                    }
                }
                case "end" -> {
                    if (beginDepth > 0) {
                        beginDepth--;
                    }
                }
                default -> { }
            }
        }
        statementToken(TokenKind.WORD, wordOverflow ? "" : text);
    }

    private enum TokenKind { WORD, QUOTED_IDENT, STRING, PUNCTUATION, OTHER }

    private void punctuation(char c) {
        statementToken(TokenKind.PUNCTUATION, String.valueOf(c));
    }

    private void other() {
        statementToken(TokenKind.OTHER, "");
    }

    private void stringToken(String text) {
        statementToken(TokenKind.STRING, text == null ? "" : text);
    }

    /** Follows a statement's tokens far enough to classify COPY and SET standard_conforming_strings. */
    private void statementToken(TokenKind kind, String text) {
        if (statementTokens++ == 0) {
            statementLine = line;
            isCopy = kind == TokenKind.WORD && text.equalsIgnoreCase("copy");
            isSet = kind == TokenKind.WORD && text.equalsIgnoreCase("set");
            return;
        }
        if (isCopy) {
            copyToken(kind, text);
        } else if (isSet) {
            setToken(kind, text);
        }
    }

    private void copyToken(TokenKind kind, String text) {
        boolean topLevel = parenDepth == 0;
        if (kind == TokenKind.WORD && text.equalsIgnoreCase("program")) {
            copyProgram = true;
        }
        if (!topLevel) {
            return;
        }
        if (copyDirection == null) {
            if (kind == TokenKind.WORD && (text.equalsIgnoreCase("from") || text.equalsIgnoreCase("to"))) {
                copyDirection = text.toUpperCase(Locale.ROOT);
            } else if (kind == TokenKind.PUNCTUATION && text.equals("(")) {
                if (copyTarget.isEmpty()) {
                    copyQuery = true;
                } else {
                    copyColumns = true;
                }
            } else if (!copyQuery && !copyColumns && copyTarget.size() < 8
                    && (kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENT)) {
                copyTarget.add(text);
            }
        } else if (copySource == null) {
            copySource = switch (kind) {
                case WORD -> text.toUpperCase(Locale.ROOT);
                case STRING -> "a file";
                default -> "something else";
            };
        }
    }

    private void setToken(TokenKind kind, String text) {
        if (statementTokens == 2) {
            setsStandardStrings = kind == TokenKind.WORD && text.equalsIgnoreCase("standard_conforming_strings");
        } else if (statementTokens == 4 && setsStandardStrings) {
            setValue = text.toLowerCase(Locale.ROOT);
        }
    }

    private void endStatement() {
        if (isCopy) {
            endCopy();
        } else if (isSet && setsStandardStrings && setValue != null) {
            standardStrings = !(setValue.equals("off") || setValue.equals("false"));
        }
        statementTokens = 0;
        isCopy = false;
        isSet = false;
        copyQuery = false;
        copyColumns = false;
        copyTarget.clear();
        copyDirection = null;
        copySource = null;
        copyProgram = false;
        setsStandardStrings = false;
        setValue = null;
    }

    private void endCopy() {
        if (copyProgram) {
            listener.hostile(statementLine, "COPY … " + (copyDirection == null ? "" : copyDirection + " ")
                    + "PROGRAM (runs a shell command on the database server)");
        } else if ("TO".equals(copyDirection)) {
            listener.hostile(statementLine, "COPY … TO " + ("STDOUT".equals(copySource) ? "STDOUT"
                    : copySource == null ? "" : copySource + " (writes a file on the database server)"));
        } else if (!"FROM".equals(copyDirection) || !"STDIN".equals(copySource) || copyQuery) {
            listener.hostile(statementLine, "a COPY that is not COPY … FROM stdin (" + (copyDirection == null
                    ? "no FROM or TO" : "COPY … " + copyDirection + " " + copySource
                    + ("a file".equals(copySource) ? ", which reads a file on the database server" : "")) + ")");
        } else {
            String table = copyTarget.isEmpty() ? "" : copyTarget.get(copyTarget.size() - 1);
            String schema = copyTarget.size() > 1 ? copyTarget.get(copyTarget.size() - 2) : null;
            listener.copyFromStdin(new CopyStatement.TableName(schema, table), statementLine);
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean identStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean identCont(int c) {
        return identStart(c) || isDigit(c) || c == '$';
    }

    private static boolean dollarStart(int c) {
        return identStart(c);
    }

    private static boolean dollarCont(int c) {
        return identStart(c) || isDigit(c);
    }

    private static boolean variableChar(int c) {
        return identStart(c) || isDigit(c);
    }
}
