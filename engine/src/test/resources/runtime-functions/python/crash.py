raise RuntimeError("init failed")


def handler(event, context):
    return "never"
