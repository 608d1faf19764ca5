package dev.restoredrill.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of mongod's command line the stand-in honours: where to listen and where to keep data.
 * The in-memory stand-in keeps no files; {@code --dbpath} is parsed so it can be named in the start line.
 * Compose files written for the official image pass {@code mongod --noauth}, {@code --bind_ip_all} and
 * the like; options the stand-in cannot honour are collected in {@link #ignored()} so they can be
 * reported once instead of failing the start.
 */
public record MongodOptions(String bindIp, int port, Path dbPath, List<String> ignored) {

    public static final int DEFAULT_PORT = 27017;
    public static final Path DEFAULT_DB_PATH = Path.of("/data/db");

    public MongodOptions {
        ignored = List.copyOf(ignored);
    }

    /**
     * Parses {@code [mongod] [--port N] [--bind_ip IP | --bind_ip_all] [--dbpath DIR] [other mongod options]}.
     *
     * @throws IllegalArgumentException when an honoured option lacks its value or the port is not a number
     */
    public static MongodOptions parse(List<String> args) {
        String bindIp = "0.0.0.0";
        int port = DEFAULT_PORT;
        Path dbPath = DEFAULT_DB_PATH;
        List<String> ignored = new ArrayList<>();
        int i = 0;
        if (!args.isEmpty() && args.get(0).equals("mongod")) {
            i++;
        }
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--port" -> port = parsePort(valueOf(args, i, arg));
                case "--bind_ip" -> bindIp = firstAddress(valueOf(args, i, arg));
                case "--bind_ip_all" -> bindIp = "0.0.0.0";
                case "--dbpath" -> dbPath = Path.of(valueOf(args, i, arg));
                default -> ignored.add(arg);
            }
            if (!arg.contains("=") && takesValue(name)) {
                i++;
            }
        }
        return new MongodOptions(bindIp, port, dbPath, ignored);
    }

    private static boolean takesValue(String name) {
        return name.equals("--port") || name.equals("--bind_ip") || name.equals("--dbpath");
    }

    private static String valueOf(List<String> args, int index, String arg) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (index + 1 >= args.size()) {
            throw new IllegalArgumentException("mongod option " + arg + " needs a value; none was given."
                    + " Pass it as '" + arg + " VALUE' or '" + arg + "=VALUE'.");
        }
        return args.get(index + 1);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mongod option --port expects a number, found '" + value + "'.");
        }
    }

    /** mongod accepts a comma-separated list; the stand-in binds one address (0.0.0.0 covers them all). */
    private static String firstAddress(String value) {
        return value.contains(",") ? "0.0.0.0" : value;
    }
}
