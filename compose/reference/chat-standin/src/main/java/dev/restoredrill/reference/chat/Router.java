package dev.restoredrill.reference.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatches requests to the API's handlers, applying what LibreChat's middleware does first: the JWT check
 * (401 without a valid bearer token) and, on the agents routes, the browser check (403 "Illegal request").
 * Logs one line per request (method, path, status, milliseconds), but not the healthcheck's successful polls.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    @FunctionalInterface
    interface Handler {
        void handle(Call call) throws IOException;
    }

    enum Access { PUBLIC, USER, BROWSER_USER }

    private record Route(String method, Pattern path, Access access, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Authenticator authenticator;

    Router(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** {@code path} is a regex; its groups become the call's path parameters. */
    Router route(String method, String path, Access access, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), access, handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int status = 500;
        try {
            Call call = dispatch(exchange, method, path);
            status = call.status();
        } catch (HttpError e) {
            status = e.status();
            sendError(exchange, e.status(), e.getMessage());
        } catch (IOException e) {
            LOG.info("{} {}: client went away ({})", method, path, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            sendError(exchange, 500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            exchange.close();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (status == 200 && path.equals("/health")) {
                LOG.debug("{} {} {} {} ms", method, path, status, millis); // every 5 s from the healthcheck
            } else {
                LOG.info("{} {} {} {} ms", method, path, status, millis);
            }
        }
    }

    private Call dispatch(HttpExchange exchange, String method, String path) throws IOException {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= matcher.groupCount(); i++) {
                params.add(matcher.group(i));
            }
            String userId = null;
            if (route.access() != Access.PUBLIC) {
                userId = authenticator.userId(exchange.getRequestHeaders().getFirst("Authorization"))
                        .orElseThrow(() -> new HttpError(401, "Unauthorized"));
            }
            if (route.access() == Access.BROWSER_USER && !isBrowser(exchange.getRequestHeaders().getFirst("User-Agent"))) {
                LOG.warn("{} {} refused: User-Agent is not a browser's, as LibreChat refuses it", method, path);
                throw new HttpError(403, "Illegal request");
            }
            Call call = new Call(exchange, params, userId);
            route.handler().handle(call);
            return call;
        }
        throw pathKnown ? new HttpError(405, method + " is not allowed on " + path)
                : new HttpError(404, "Not found: " + path);
    }

    /** LibreChat's uaParser accepts what ua-parser recognises as a browser; every browser sends "Mozilla/". */
    static boolean isBrowser(String userAgent) {
        return userAgent != null && userAgent.contains("Mozilla/");
    }

    private static void sendError(HttpExchange exchange, int status, String message) {
        try {
            byte[] body = Json.bytes(Map.of("message", message));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException | RuntimeException e) {
            // The answer may already be under way (an event stream); the status line cannot change then.
            LOG.debug("could not send error {}: {}", status, e.getMessage());
        }
    }

    /** Turns a bearer token into a user id, or nothing. */
    static final class Authenticator {

        private final Jwt jwt;
        private final LibreChatStore store;

        Authenticator(Jwt jwt, LibreChatStore store) {
            this.jwt = jwt;
            this.store = store;
        }

        Optional<String> userId(String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return Optional.empty();
            }
            try {
                String userId = jwt.verify(authorization.substring("Bearer ".length()).trim());
                // As LibreChat's jwtStrategy: the token's user must still exist.
                return store.userById(userId).map(user -> userId);
            } catch (Jwt.InvalidTokenException e) {
                LOG.info("bearer token refused: {}", e.getMessage());
                return Optional.empty();
            }
        }
    }
}
