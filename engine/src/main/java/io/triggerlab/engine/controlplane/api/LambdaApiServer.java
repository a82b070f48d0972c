package io.triggerlab.engine.controlplane.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.triggerlab.engine.infra.http.PooledHttpServer;
import io.triggerlab.engine.controlplane.mapping.LambdaApiException;
import io.triggerlab.engine.controlplane.mapping.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The engine's local HTTP API on the JDK's built-in server: Lambda's event source mapping operations in AWS's
 * rest-json protocol, so that the AWS CLI, the AWS SDKs, SAM, Terraform and CDK talk to TriggerLab unchanged, plus
 * TriggerLab's own extension API under {@value ExtensionRoutes#PREFIX} (see {@link ExtensionRoutes}).
 *
 * <p>Every response is JSON ({@code Content-Type: application/json}) and carries {@code x-amzn-RequestId}. Errors are
 * AWS's rest-json errors: the status, {@code X-Amzn-ErrorType: <ExceptionName>} and a body
 * {@code {"Type":"User"|"Service","message":…,"Message":…}}. Both message keys are written because AWS's model names
 * the member {@code message} for some exceptions and {@code Message} for others (docs/aws-behaviour.md#wire-protocol) and SDKs read either.
 *
 * <p>Signatures are accepted and not checked: any {@code Authorization} / SigV4 header (or none) is fine, since the
 * server listens on the loopback interface only by default and holds no AWS resources. Bound to another address
 * ({@code serve --api-bind}), requests from the network must carry the data directory's token ({@link ApiAccess}).
 *
 * <p>The server binds and starts in the constructor and runs on a small pool of threads named {@code api-http-<n>};
 * {@link #close()} stops it.
 */
public final class LambdaApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LambdaApiServer.class);

    /**
     * The JDK server writes a response's headers and body as two segments; without TCP_NODELAY, Nagle's algorithm holds
     * the body until the client acknowledges the headers, and clients delay that acknowledgement by ~40 ms. Measured
     * here: 46 ms per request without, 1.7 ms with. The JDK reads this property once, when its server is first used,
     * so it is set as soon as this class loads, unless the launcher already chose a value.
     */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    /** Threads serving requests: enough for a console, a CLI and a test suite at once. */
    static final int THREADS = 4;

    private final PooledHttpServer server;
    private final ObjectMapper mapper;
    private final EventSourceMappingRoutes mappingRoutes;
    private final TagRoutes tagRoutes;
    private final ExtensionRoutes extensionRoutes;
    /** Network clients must send this token; {@code null} when the API listens on loopback only. */
    private final String token;

    /** Binds to {@code 127.0.0.1:port} ({@code 0} picks a free port) and starts serving. */
    public LambdaApiServer(ApiContext context, int port) {
        this(context, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Binds to {@code access}'s address and {@code port} and starts serving; off loopback, network clients must send
     * the access token (see {@link ApiAccess}).
     */
    public LambdaApiServer(ApiContext context, int port, ApiAccess access) {
        this(context, new InetSocketAddress(access.bindAddress(), port), access.token());
    }

    /** Binds to the given address and starts serving. Anything but a loopback address exposes the API to the network. */
    public LambdaApiServer(ApiContext context, InetSocketAddress address) {
        this(context, address, null);
    }

    private LambdaApiServer(ApiContext context, InetSocketAddress address, String token) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(address, "address");
        this.token = token;
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mappingRoutes = new EventSourceMappingRoutes(context.mappings(), mapper);
        this.tagRoutes = new TagRoutes(context.mappings().tagging(), mapper);
        this.extensionRoutes = new ExtensionRoutes(context, mapper);
        try {
            this.server = PooledHttpServer.start(address, THREADS, "api-http", this::serve);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the API server on " + address.getHostString() + ":"
                    + address.getPort() + " (" + e.getMessage() + "): choose another port, or 0 for a free one", e);
        }
        log.info("Lambda API listening on {}", endpoint());
    }

    /** The port the server listens on (the chosen one when constructed with port 0). */
    public int port() {
        return server.address().getPort();
    }

    /** The endpoint to give to clients, e.g. {@code http://127.0.0.1:9001} for {@code --endpoint-url}. */
    public URI endpoint() {
        InetSocketAddress address = server.address();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.close();
        log.info("Lambda API on port {} stopped", port());
    }

    private void serve(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        MDC.put("requestId", requestId);
        try (exchange) {
            ApiResponse response = answer(exchange);
            write(exchange, requestId, response);
            log.debug("{} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    response.status());
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not answer {} {}: the client went away ({})", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.getMessage());
        } finally {
            MDC.remove("requestId");
        }
    }

    private ApiResponse answer(HttpExchange exchange) {
        try {
            requireToken(exchange);
            ApiRequest request = new ApiRequest(exchange, mapper);
            String path = request.rawPath();
            if (mappingRoutes.handles(path)) {
                return mappingRoutes.handle(request);
            }
            if (tagRoutes.handles(path)) {
                return tagRoutes.handle(request);
            }
            if (extensionRoutes.handles(path)) {
                return extensionRoutes.handle(request);
            }
            throw ApiException.unknownOperation("No operation at " + request.method() + " " + path + ": TriggerLab "
                    + "serves Lambda's event source mapping operations under " + EventSourceMappingRoutes.COLLECTION
                    + ", tagging under " + TagRoutes.PREFIX + " and its own API under " + ExtensionRoutes.PREFIX);
        } catch (ApiException e) {
            return error(e);
        } catch (TooManyRequestsException e) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (e.retryAfter() != null) {
                headers.put("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            }
            ApiResponse response = error(new ApiException(e.httpStatus(), e.errorType(), e.getMessage(), headers));
            if (e.reason() != null) {
                ((ObjectNode) response.body()).put("Reason", e.reason());
            }
            return response;
        } catch (LambdaApiException e) {
            return error(ApiException.of(e));
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            return error(new ApiException(500, "ServiceException", "The engine failed to process the request ("
                    + e.getClass().getSimpleName() + "): see the engine log for details"));
        }
    }

    /** Off loopback, a request from another machine must carry the token (AWS's answer to unknown credentials). */
    private void requireToken(HttpExchange exchange) {
        if (token == null || exchange.getRemoteAddress().getAddress().isLoopbackAddress()
                || ApiToken.presentIn(exchange.getRequestHeaders().getFirst("Authorization"), token)) {
            return;
        }
        throw new ApiException(403, "UnrecognizedClientException", "The security token included in the request is"
                + " invalid. This TriggerLab API is reachable from the network and needs its token: send"
                + " 'Authorization: Bearer <token>', or use the token as AWS_ACCESS_KEY_ID with the AWS CLI or an SDK."
                + " The token is in the engine's data directory, file " + ApiToken.FILE_NAME + ".");
    }

    private ApiResponse error(ApiException e) {
        ObjectNode body = mapper.createObjectNode()
                .put("Type", e.faultType())
                .put("message", e.getMessage())
                .put("Message", e.getMessage());
        Map<String, String> headers = new LinkedHashMap<>(e.headers());
        headers.put("X-Amzn-ErrorType", e.errorType());
        return new ApiResponse(e.status(), body, headers);
    }

    private void write(HttpExchange exchange, String requestId, ApiResponse response) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        // 204 has no body by definition (HTTP); HEAD gets the headers only.
        boolean noBody = "HEAD".equalsIgnoreCase(exchange.getRequestMethod()) || response.status() == 204;
        if (response.status() == 204) {
            exchange.getResponseHeaders().remove("Content-Type");
        }
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
