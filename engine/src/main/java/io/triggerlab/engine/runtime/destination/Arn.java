package io.triggerlab.engine.runtime.destination;

/** The parts of an ARN a destination needs: {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
record Arn(String text, String service, String region, String account, String resource) {

    static Arn parse(String text) {
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[5].isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not an ARN: expected arn:<partition>:<service>:"
                    + "<region>:<account>:<resource>, e.g. arn:aws:sqs:us-east-1:123456789012:my-dlq");
        }
        return new Arn(text, parts[2], parts[3], parts[4], parts[5]);
    }
}
