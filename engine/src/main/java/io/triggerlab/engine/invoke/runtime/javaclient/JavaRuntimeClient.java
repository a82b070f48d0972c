package io.triggerlab.engine.invoke.runtime.javaclient;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TriggerLab's own transport for AWS's Java runtime interface client, for where the client's JNI part cannot load (it
 * is built for Linux only): AWS's handler loading, serialization, logging and runtime loop run unchanged
 * ({@code AWSLambda}'s own steps, called reflectively), and only the Runtime API calls go over one plain kept-alive
 * HTTP/1.1 socket to 127.0.0.1 instead of the native client.
 *
 * <p>Runs in the function's JVM, not the engine's: it uses nothing but the JDK and the client's jars on that JVM's
 * classpath, and is a single class file with no nested classes, which the engine copies out of its own jar.
 */
public final class JavaRuntimeClient implements InvocationHandler {

    private static final String CLIENT = "com.amazonaws.services.lambda.runtime.api.client.";
    private static final String BASE = "/2018-06-01/runtime";

    private final String runtimeApi;
    private final Class<?> invocationRequestType;
    private final Map<String, String> headers = new HashMap<>();
    private final StringBuilder lineBuffer = new StringBuilder(128);
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Whether the current answer's first line arrived: from then on a failure is never retried. */
    private boolean answerStarted;

    private JavaRuntimeClient(String runtimeApi) throws ClassNotFoundException {
        this.runtimeApi = runtimeApi;
        this.invocationRequestType = Class.forName(CLIENT + "runtimeapi.dto.InvocationRequest");
    }

    /** {@code args[0]} is the handler, as for {@code AWSLambda}. */
    public static void main(String[] args) throws Throwable {
        Class<?> awsLambda = Class.forName(CLIENT + "AWSLambda");
        Class<?> loggerType = Class.forName(CLIENT + "logging.LambdaContextLogger");
        Class<?> apiType = Class.forName(CLIENT + "runtimeapi.LambdaRuntimeApiClient");
        Class<?> handlerType = Class.forName(CLIENT + "LambdaRequestHandler");
        Class<?> concurrencyType = Class.forName(CLIENT + "util.ConcurrencyConfig");
        Object api = Proxy.newProxyInstance(apiType.getClassLoader(), new Class<?>[]{apiType},
                new JavaRuntimeClient(System.getenv("AWS_LAMBDA_RUNTIME_API")));
        try {
            Object logger = accessible(awsLambda.getDeclaredMethod("initLogger")).invoke(null);
            Object handler = accessible(awsLambda.getDeclaredMethod("getLambdaRequestHandlerObject", String.class,
                    loggerType, apiType)).invoke(null, args[0], logger, api);
            Object concurrency = concurrencyType.getConstructor(loggerType).newInstance(logger);
            accessible(awsLambda.getDeclaredMethod("startRuntimeLoops", handlerType, loggerType, concurrencyType, apiType))
                    .invoke(null, handler, logger, concurrency, api);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "nextInvocation", "nextInvocationWithExponentialBackoff" -> {
                return next();
            }
            case "reportInvocationSuccess" -> {
                post(BASE + "/invocation/" + args[0] + "/response", (byte[]) args[1], null);
                return null;
            }
            case "reportInvocationError" -> {
                postError(BASE + "/invocation/" + args[0] + "/error", args[1]);
                return null;
            }
            case "reportInitError" -> {
                postError(BASE + "/init/error", args[0]);
                return null;
            }
            case "restoreNext", "reportRestoreError" -> {
                return null; // SnapStart only
            }
            case "toString" -> {
                return "TriggerLab Runtime API client for " + runtimeApi;
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            default -> throw new UnsupportedOperationException("Runtime API call " + method.getName());
        }
    }

    private Object next() throws Exception {
        byte[] body = exchange("GET", BASE + "/invocation/next", null, null);
        Object request = invocationRequestType.getConstructor().newInstance();
        set(request, "setId", String.class, header("lambda-runtime-aws-request-id"));
        set(request, "setXrayTraceId", String.class, header("lambda-runtime-trace-id"));
        set(request, "setInvokedFunctionArn", String.class, header("lambda-runtime-invoked-function-arn"));
        set(request, "setClientContext", String.class, header("lambda-runtime-client-context"));
        set(request, "setCognitoIdentity", String.class, header("lambda-runtime-cognito-identity"));
        request.getClass().getMethod("setDeadlineTimeInMs", long.class).invoke(request,
                Long.parseLong(header("lambda-runtime-deadline-ms")));
        set(request, "setContent", byte[].class, body);
        return request;
    }

    private static void set(Object target, String setter, Class<?> type, Object value) throws Exception {
        target.getClass().getMethod(setter, type).invoke(target, value);
    }

    /** Posts a {@code LambdaError}: its ErrorRequest serialized by the client's own serializer, its type as the header. */
    private void postError(String path, Object lambdaError) throws Exception {
        Object errorRequest = lambdaError.getClass().getField("errorRequest").get(lambdaError);
        Object errorType = lambdaError.getClass().getField("errorType").get(lambdaError);
        Class<?> serializers = Class.forName(CLIENT + "runtimeapi.DtoSerializers");
        byte[] body = (byte[]) serializers.getMethod("serialize", errorRequest.getClass()).invoke(null, errorRequest);
        String type = (String) errorType.getClass().getMethod("getRapidError").invoke(errorType);
        post(path, body, type);
    }

    private void post(String path, byte[] body, String errorType) throws IOException {
        exchange("POST", path, body, errorType);
    }

    /**
     * One HTTP/1.1 request on the kept-alive connection, written in a single segment with TCP_NODELAY. Not the JDK's
     * HttpURLConnection: before each POST on a reused connection it probes the socket with a read of 1 ms timeout
     * ({@code sun.net.www.http.HttpClient.available()}), a millisecond of waiting per invocation (JFR showed the
     * client JVM on CPU for a dozen samples in 2,500 invocations: the time was spent blocked, not working). A
     * connection the server closed while idle is opened again once, and only when no byte of an answer arrived, so a
     * request is never handled twice.
     */
    private synchronized byte[] exchange(String method, String path, byte[] body, String errorType) throws IOException {
        byte[] request = request(method, path, body, errorType);
        boolean reused = socket != null;
        try {
            return send(request);
        } catch (IOException e) {
            disconnect();
            if (!reused || answerStarted) {
                throw e;
            }
            return send(request);
        }
    }

    private byte[] request(String method, String path, byte[] body, String errorType) {
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(runtimeApi).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        if (errorType != null) {
            head.append("Lambda-Runtime-Function-Error-Type: ").append(errorType).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return headBytes;
        }
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private byte[] send(byte[] request) throws IOException {
        if (socket == null) {
            int colon = runtimeApi.lastIndexOf(':');
            socket = new Socket(runtimeApi.substring(0, colon), Integer.parseInt(runtimeApi.substring(colon + 1)));
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }
        answerStarted = false;
        out.write(request);
        out.flush();
        line(); // the status line: the engine words every outcome itself
        answerStarted = true;
        headers.clear();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked()
                : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            disconnect();
        }
        return body; // a refusal (413: response over 6 MB) reaches the invocation's result through the engine
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
             size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailers: none expected, skipped
        }
        return body.toByteArray();
    }

    /** A CRLF-ended line of the answer's head, without the CRLF; the connection ending mid-line is an error. */
    private String line() throws IOException {
        lineBuffer.setLength(0);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("The Runtime API closed the connection");
            }
            if (b != '\r') {
                lineBuffer.append((char) b);
            }
        }
        return lineBuffer.toString();
    }

    private String header(String name) {
        return headers.get(name);
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that already failed
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
