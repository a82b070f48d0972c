/**
 * Small Lambda handlers the invoker tests load through the function's own class loader, as a user's jar would be.
 * They depend only on the JDK, {@code aws-lambda-java-core} and {@code aws-lambda-java-events}.
 */
package io.triggerlab.testfunctions;
