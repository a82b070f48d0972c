package io.triggerlab.engine.invoke.runtime.javaclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * TriggerLab's own transport for AWS's Java runtime interface client, for where the client's JNI part cannot load (it
 * is built for Linux only): AWS's handler loading, serialization, logging and runtime loop run unchanged
 * ({@code AWSLambda}'s own steps, called reflectively), and only the Runtime API calls go over plain
 * {@link HttpURLConnection} to 127.0.0.1 instead of the native client.
 *
 * <p>Runs in the function's JVM, not the engine's: it uses nothing but the JDK and the client's jars on that JVM's
 * classpath, and is a single class file with no nested classes, which the engine copies out of its own jar.
 */
public final class JavaRuntimeClient implements InvocationHandler {

    private static final String CLIENT = "com.amazonaws.services.lambda.runtime.api.client.";
    private static final String BASE = "/2018-06-01/runtime";

    private final String runtimeApi;

    private JavaRuntimeClient(String runtimeApi) {
        this.runtimeApi = runtimeApi;
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
        HttpURLConnection connection = open(BASE + "/invocation/next", "GET");
        connection.setReadTimeout(0); // held until there is an invocation
        byte[] body;
        try (InputStream in = connection.getInputStream()) {
            body = in.readAllBytes();
        }
        Object request = Class.forName(CLIENT + "runtimeapi.dto.InvocationRequest").getConstructor().newInstance();
        set(request, "setId", String.class, connection.getHeaderField("Lambda-Runtime-Aws-Request-Id"));
        set(request, "setXrayTraceId", String.class, connection.getHeaderField("Lambda-Runtime-Trace-Id"));
        set(request, "setInvokedFunctionArn", String.class, connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"));
        set(request, "setClientContext", String.class, connection.getHeaderField("Lambda-Runtime-Client-Context"));
        set(request, "setCognitoIdentity", String.class, connection.getHeaderField("Lambda-Runtime-Cognito-Identity"));
        request.getClass().getMethod("setDeadlineTimeInMs", long.class).invoke(request,
                Long.parseLong(connection.getHeaderField("Lambda-Runtime-Deadline-Ms")));
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
        HttpURLConnection connection = open(path, "POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Content-Type", "application/json");
        if (errorType != null) {
            connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            ByteArrayOutputStream ignored = new ByteArrayOutputStream();
            if (in != null) {
                in.transferTo(ignored); // read to the end so the connection is reused
            }
        }
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://" + runtimeApi + path).openConnection();
        connection.setRequestMethod(method);
        connection.setUseCaches(false);
        return connection;
    }
}
