package dev.restoredrill.backup;

/** What a psql meta-command does, in words, for the catalog's message about a hostile dump. */
final class MetaCommands {
    private MetaCommands() {}

    /** @param name the command as psql reads it after the backslash, e.g. "!" or "copy" */
    static String describe(String name) {
        String what = switch (name) {
            case "!" -> "runs a shell command on the machine running psql";
            case "o", "out" -> "sends query output to a file or a shell pipe";
            case "w", "write" -> "writes the query buffer to a file or a shell pipe";
            case "copy" -> "client-side copy: reads or writes local files, or runs a program";
            case "i", "include", "ir", "include_relative" -> "reads and runs another file";
            case "setenv" -> "sets an environment variable of psql";
            case "getenv" -> "reads an environment variable of psql";
            case "gexec" -> "runs each value of a query result as a statement";
            case "g", "gx", "gset", "gdesc", "crosstabview", "watch", "bind", "bind_named" ->
                    "sends the query buffer (possibly to a file or a pipe)";
            case "e", "edit", "ef", "ev" -> "starts an editor";
            case "lo_export", "lo_import" -> "reads or writes a local file";
            case "cd" -> "changes psql's working directory";
            case "s" -> "writes psql's history to a file";
            case "set", "unset", "pset", "if", "elif", "else", "endif" -> "changes how psql reads what follows";
            case "connect", "c" -> "connects with arguments that pg_dumpall never writes";
            case "restrict", "unrestrict" -> "has a key in a form that pg_dump never writes";
            case ";", ":" -> "a psql escape that pg_dumpall never writes";
            default -> "a meta-command that pg_dumpall never writes";
        };
        return "psql meta-command \\" + (name.isEmpty() ? "" : name) + " (" + what + ")";
    }
}
