package io.triggerlab.engine.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * A handler method found from Lambda's handler string ({@code package.Class::method}, or {@code package.Class} for
 * {@code handleRequest}) and how to call it. The shapes are the ones Lambda's Java runtime accepts:
 * {@code (InputStream, OutputStream[, Context])} (a {@code RequestStreamHandler}), {@code (input[, Context])} (a
 * {@code RequestHandler<I,O>} or any method whose input Jackson can read: the user's {@code KafkaEvent}, a {@code Map},
 * {@code Object}, {@code String}), and {@code ()}. When several overloads match, the one with most parameters wins.
 */
final class HandlerMethod {

    enum Shape { STREAMS_CONTEXT, STREAMS, INPUT_CONTEXT, INPUT, NO_INPUT }

    private final Class<?> handlerClass;
    private final Method method;
    private final Shape shape;
    private final ObjectMapper json;

    private HandlerMethod(Class<?> handlerClass, Method method, Shape shape, ObjectMapper json) {
        this.handlerClass = handlerClass;
        this.method = method;
        this.shape = shape;
        this.json = json;
    }

    /**
     * Loads and initializes the handler class (running its static initializer) and picks the method.
     *
     * @throws HandlerNotCallableException when the class or a callable method is missing
     * @throws ExceptionInInitializerError when the class's static initializer throws (the user's code failed)
     */
    static HandlerMethod resolve(String handler, ClassLoader loader, ObjectMapper json) throws HandlerNotCallableException {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String methodName = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerNotCallableException("Handler class " + className + " was not found on the function's classpath");
        } catch (LinkageError e) {
            if (e instanceof ExceptionInInitializerError initializerFailed) {
                throw initializerFailed;
            }
            throw new HandlerNotCallableException("Handler class " + className + " could not be loaded: " + e
                    + " (is a dependency missing from the function's classpath?)");
        }
        Method method = Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(methodName) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> shapeOf(m).isPresent())
                .min(Comparator.comparingInt((Method m) -> -m.getParameterCount())
                        .thenComparing(m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == Object.class)
                        .thenComparing(Method::toGenericString))
                .orElseThrow(() -> new HandlerNotCallableException("Class " + className + " has no public method '"
                        + methodName + "' taking (InputStream, OutputStream[, Context]), (input[, Context]) or ()"));
        method.trySetAccessible();
        return new HandlerMethod(handlerClass, method, shapeOf(method).orElseThrow(), json);
    }

    private static Optional<Shape> shapeOf(Method m) {
        Class<?>[] p = m.getParameterTypes();
        boolean streams = p.length >= 2 && p[0] == InputStream.class && p[1] == OutputStream.class;
        if (p.length == 3) {
            return streams && p[2] == Context.class ? Optional.of(Shape.STREAMS_CONTEXT) : Optional.empty();
        }
        if (p.length == 2) {
            if (streams) {
                return Optional.of(Shape.STREAMS);
            }
            return p[1] == Context.class ? Optional.of(Shape.INPUT_CONTEXT) : Optional.empty();
        }
        if (p.length == 1) {
            return p[0] == Context.class ? Optional.empty() : Optional.of(Shape.INPUT);
        }
        return p.length == 0 ? Optional.of(Shape.NO_INPUT) : Optional.empty();
    }

    Class<?> handlerClass() {
        return handlerClass;
    }

    boolean isStatic() {
        return Modifier.isStatic(method.getModifiers());
    }

    /** A new handler instance (runs the user's constructor). */
    Object newInstance() throws HandlerNotCallableException, InvocationTargetException {
        try {
            return handlerClass.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new HandlerNotCallableException("Handler class " + handlerClass.getName()
                    + " needs a public no-argument constructor and must not be abstract (" + e + ")");
        }
    }

    /** Calls the handler with the event; never throws for what the user's code does. */
    HandlerOutcome call(Object instance, EventPayload payload, Context context) {
        try {
            return switch (shape) {
                case STREAMS, STREAMS_CONTEXT -> callWithStreams(instance, payload, context);
                case INPUT, INPUT_CONTEXT, NO_INPUT -> callWithInput(instance, payload, context);
            };
        } catch (InvocationTargetException e) {
            return new HandlerOutcome.Threw(LambdaErrorJson.of(e.getCause()));
        } catch (IllegalAccessException e) {
            return new HandlerOutcome.NotCallable("Handler method " + method + " is not accessible: " + e.getMessage());
        }
    }

    private HandlerOutcome callWithStreams(Object instance, EventPayload payload, Context context)
            throws InvocationTargetException, IllegalAccessException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        InputStream input = payload.inputStream();
        Object[] args = shape == Shape.STREAMS_CONTEXT ? new Object[]{input, output, context} : new Object[]{input, output};
        method.invoke(instance, args);
        return new HandlerOutcome.Returned(output.toByteArray());
    }

    private HandlerOutcome callWithInput(Object instance, EventPayload payload, Context context)
            throws InvocationTargetException, IllegalAccessException {
        Object input = null;
        if (shape != Shape.NO_INPUT) {
            try {
                input = readInput(payload, method.getGenericParameterTypes()[0]);
            } catch (IOException e) {
                return new HandlerOutcome.Threw(LambdaErrorJson.serializationError("An error occurred during JSON parsing", e));
            }
        }
        Object[] args = switch (shape) {
            case INPUT_CONTEXT -> new Object[]{input, context};
            case INPUT -> new Object[]{input};
            default -> new Object[0];
        };
        Object output = method.invoke(instance, args);
        try {
            return new HandlerOutcome.Returned(json.writeValueAsBytes(output));
        } catch (IOException e) {
            return new HandlerOutcome.Threw(LambdaErrorJson.serializationError("An error occurred during JSON serialization of response", e));
        }
    }

    /**
     * Jackson reads the event into the handler's own input type (the user's {@code KafkaEvent}, found through the
     * function's class loader; header byte arrays of signed ints map to {@code byte[]}).
     * {@code String} is a deliberate leniency: Lambda would fail to read an event object into a String; we hand over the
     * JSON text (or the string itself when the payload is a JSON string) so a handler can parse it itself.
     */
    private Object readInput(EventPayload payload, Type inputType) throws IOException {
        if (inputType == String.class) {
            JsonNode node = payload.readTree(json);
            return node.isTextual() ? node.textValue() : payload.asString();
        }
        return payload.readValue(json, json.getTypeFactory().constructType(inputType));
    }
}
