# A Kafka-triggered Lambda handler as users write it. Values ending in "-once" act once per marker directory, so the
# retried batch succeeds: fail-once raises, sleep-once outlives the timeout, crash-once ends the process.
import base64
import logging
import os
import time

invocations = 0
print("python init")


def _once(value):
    marker = os.path.join(os.environ["MARKER_DIR"], value)
    if os.path.exists(marker):
        return False
    open(marker, "w").close()
    return True


def handler(event, context):
    global invocations
    invocations += 1
    values = [base64.b64decode(r["value"]).decode() for records in event["records"].values() for r in records]
    print("values", ",".join(values), "invocation", invocations, context.aws_request_id)
    logging.getLogger().warning("function %s has %d ms left", context.function_name, context.get_remaining_time_in_millis())
    for value in values:
        if value == "fail-once" and _once(value):
            raise ValueError("boom " + value)
        if value == "sleep-once" and _once(value):
            time.sleep(30)
        if value == "crash-once" and _once(value):
            os._exit(7)
    return {"invocation": invocations, "records": len(values), "values": values}
