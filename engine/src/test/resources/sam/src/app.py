def handler(event, context):
    return {"records": sum(len(r) for r in event["records"].values())}
