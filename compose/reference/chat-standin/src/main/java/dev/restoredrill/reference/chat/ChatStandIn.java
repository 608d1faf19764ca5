package dev.restoredrill.reference.chat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.restoredrill.reference.chat.Router.Access.BROWSER_USER;
import static dev.restoredrill.reference.chat.Router.Access.PUBLIC;
import static dev.restoredrill.reference.chat.Router.Access.USER;

/**
 * The reference chat service: a STAND-IN for LibreChat + the LiteLLM gateway, speaking the subset of LibreChat's
 * API the drill's journey uses (README.md), over the restored MongoDB and LiteLLM's restored Postgres. It exists
 * because neither image can be pulled on the drill's machines; production runs the real ones.
 */
public final class ChatStandIn {

    private static final Logger LOG = LoggerFactory.getLogger(ChatStandIn.class);
    static final String STAND_IN_FOR = "LibreChat+LiteLLM";
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Duration ABANDONED_STREAM = Duration.ofMinutes(10);

    private ChatStandIn() {
    }

    public static void main(String[] args) throws IOException {
        StandInConfig config;
        try {
            config = StandInConfig.fromEnvironment(System.getenv());
        } catch (StandInException e) {
            LOG.error("chat stand-in cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        start(config);
    }

    static void start(StandInConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        ConnectionString mongoUri = new ConnectionString(config.mongoUri());
        MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(mongoUri)
                // /health must answer within a healthcheck's timeout even while MongoDB is down.
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(3, TimeUnit.SECONDS))
                .build());
        LibreChatStore store = new LibreChatStore(mongo,
                mongoUri.getDatabase() == null ? "LibreChat" : mongoUri.getDatabase());
        ExecutorService chats = Executors.newFixedThreadPool(4, daemon("chat"));
        CustomEndpoints endpoints = CustomEndpoints.load(config.configPath(), System.getenv());
        LOG.info("custom endpoints from {}: {}", config.configPath(),
                endpoints.endpoints().isEmpty() ? "none" : endpoints.endpoints());
        ModelClient model = new ModelClient(config.modelApiBase());
        LOG.info("the gateway's model answers at {}", model.completions());
        ChatEngine engine = new ChatEngine(store, new LiteLlmGateway(config.postgres()), config.gatewayKey(),
                endpoints, model, clock);
        Jwt accessTokens = new Jwt(config.jwtSecret(), ACCESS_TOKEN_LIFETIME, clock);

        StatusApi status = new StatusApi(store, config.protocol(), endpoints);
        AuthApi auth = new AuthApi(store, accessTokens,
                new Jwt(config.jwtRefreshSecret(), AuthApi.REFRESH_LIFETIME, clock));
        HistoryApi history = new HistoryApi(store);
        AgentsChatApi agents = new AgentsChatApi(engine, new ChatStreams(ABANDONED_STREAM, clock), chats,
                config.protocol());
        Router router = new Router(new Router.Authenticator(accessTokens, store))
                .route("GET", "/health", PUBLIC, status::health)
                .route("GET", "/api/config", PUBLIC, status::config)
                .route("GET", "/api/endpoints", PUBLIC, status::endpoints)
                .route("POST", "/api/auth/login", PUBLIC, auth::login)
                .route("GET", "/api/convos", USER, history::conversations)
                .route("GET", "/api/messages/([^/]+)", USER, history::messages)
                .route("GET", "/api/agents/chat/stream/([^/]+)", BROWSER_USER, agents::stream)
                .route("POST", "/api/agents/chat/([^/]+)", BROWSER_USER, agents::chat);

        HttpServer server = HttpServer.create(new InetSocketAddress(config.port()), 64);
        server.createContext("/", router);
        // Two-phase stream readers hold a thread for the length of a chat.
        server.setExecutor(Executors.newFixedThreadPool(32, daemon("http")));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(1);
            chats.shutdownNow();
            mongo.close();
        }, "shutdown"));
        LOG.info("chat stand-in (a stand-in for {}, not the real services) listening: {}", STAND_IN_FOR, config);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
