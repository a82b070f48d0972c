"""TriggerLab's own Lambda runtime interface client for Python: standard library only, nothing compiled.

It speaks Lambda's Runtime API at $AWS_LAMBDA_RUNTIME_API and gives a handler what AWS's awslambdaric gives it: the
call handler(event, context), the context attributes and get_remaining_time_in_millis(), logging lines in Lambda's
text format, and Lambda's error JSON (errorMessage, errorType, requestId, stackTrace). TriggerLab runs awslambdaric
instead wherever `python3 -c "import awslambdaric"` works (see docs/runtimes.md).
"""

import decimal
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

_THIS_FILE = os.path.abspath(__file__)
_NBSP = "\u00a0"
_request_id = None


class _Fault(Exception):
    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace or []


class _Unbuffered:
    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def write(self, text):
        self.stream.write(text)
        self.stream.flush()

    def writelines(self, lines):
        self.stream.writelines(lines)
        self.stream.flush()


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id or ""
        return True


class _StdoutHandler(logging.Handler):
    def emit(self, record):
        sys.stdout.write(self.format(record))


class CognitoIdentity:
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]


class Client:
    __slots__ = ["installation_id", "app_title", "app_version_name", "app_version_code", "app_package_name"]


class ClientContext:
    __slots__ = ["custom", "env", "client"]


def _from_dict(cls, values):
    if values is None:
        return None
    obj = cls()
    for field in cls.__slots__:
        setattr(obj, field, values.get(field))
    return obj


class LambdaContext:
    def __init__(self, request_id, client_context, cognito_identity, deadline_ms, invoked_function_arn):
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.tenant_id = None
        self.client_context = _from_dict(ClientContext, client_context)
        if self.client_context is not None:
            self.client_context.client = _from_dict(Client, self.client_context.client)
        self.identity = _from_dict(CognitoIdentity, {})
        if cognito_identity is not None:
            self.identity.cognito_identity_id = cognito_identity.get("cognitoIdentityId")
            self.identity.cognito_identity_pool_id = cognito_identity.get("cognitoIdentityPoolId")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        left = self._deadline_ms - int(time.time() * 1000)
        return left if left > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return ("LambdaContext([aws_request_id={0.aws_request_id},log_group_name={0.log_group_name},"
                "log_stream_name={0.log_stream_name},function_name={0.function_name},"
                "memory_limit_in_mb={0.memory_limit_in_mb},function_version={0.function_version},"
                "invoked_function_arn={0.invoked_function_arn},client_context={0.client_context},"
                "identity={0.identity},tenant_id={0.tenant_id}])").format(self)


class RuntimeApi:
    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.connection = http.client.HTTPConnection(host, int(port))

    def _call(self, method, path, body=None, headers=None):
        self.connection.request(method, "/2018-06-01/runtime" + path, body=body, headers=headers or {})
        response = self.connection.getresponse()
        return response, response.read()

    def next(self):
        return self._call("GET", "/invocation/next")

    def respond(self, request_id, body):
        self._call("POST", "/invocation/" + request_id + "/response", body, {"Content-Type": "application/json"})

    def error(self, path, error):
        self._call("POST", path, json.dumps(error).encode("utf-8"),
                   {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": error["errorType"]})


def _make_error(message, error_type, stack_trace, request_id=None):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def _user_frames(tb):
    frames = [(f.filename, f.lineno, f.name, f.line) for f in traceback.extract_tb(tb)]
    for i, frame in enumerate(frames):
        if os.path.abspath(frame[0]) != _THIS_FILE:
            return frames[i:]
    return frames


def _log_error(error):
    description = "[ERROR]"
    if error.get("errorType"):
        description += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            description += ":"
        description += " " + error["errorMessage"]
    lines = [description]
    if error.get("stackTrace") is not None:
        lines.append("Traceback (most recent call last):")
        for element in error["stackTrace"]:
            if element == "":
                lines.append("")
                continue
            for line in element.splitlines():
                stripped = line.lstrip(" ")
                lines.append(_NBSP * (len(line) - len(stripped)) + stripped)
    sys.stdout.write("\r".join(lines) + "\n")


def _load_handler(handler):
    try:
        module_name, function_name = handler.rsplit(".", 1)
    except ValueError as e:
        raise _Fault("Runtime.MalformedHandlerName", "Bad handler '{}': {}".format(handler, e))
    try:
        if module_name.split(".")[0] in sys.builtin_module_names:
            raise _Fault("Runtime.BuiltInModuleConflict",
                         "Cannot use built-in module {} as a handler module".format(module_name))
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise _Fault("Runtime.ImportModuleError", "Unable to import module '{}': {}".format(module_name, e))
    except SyntaxError as e:
        raise _Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '{}': {}".format(module_name, e),
                     ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)])
    try:
        return getattr(module, function_name)
    except AttributeError:
        raise _Fault("Runtime.HandlerNotFound", "Handler '{}' missing on module '{}'".format(function_name, module_name))


def _json_default(value):
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError("Object of type {} is not JSON serializable".format(type(value).__name__))


def _marshal(response):
    if isinstance(response, (bytes, bytearray)):
        return bytes(response)
    try:
        return json.dumps(response, default=_json_default).encode("utf-8")
    except (TypeError, ValueError) as e:
        raise _Fault("Runtime.MarshalError", "Unable to marshal response: {}".format(e))


def _header_json(headers, name):
    value = headers.get(name)
    return json.loads(value) if value else None


def _invoke(api, handler, headers, body):
    global _request_id
    request_id = headers.get("lambda-runtime-aws-request-id")
    _request_id = request_id
    trace_id = headers.get("lambda-runtime-trace-id")
    if trace_id is not None:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    try:
        context = LambdaContext(request_id, _header_json(headers, "lambda-runtime-client-context"),
                                _header_json(headers, "lambda-runtime-cognito-identity"),
                                int(headers.get("lambda-runtime-deadline-ms")),
                                headers.get("lambda-runtime-invoked-function-arn"))
        try:
            event = json.loads(body) if body else None
        except ValueError as e:
            raise _Fault("Runtime.UnmarshalError", "Unable to unmarshal input: {}".format(e))
        result = _marshal(handler(event, context))
    except _Fault as fault:
        error = _make_error(fault.message, fault.error_type, fault.trace, request_id)
    except Exception:
        error_type, value, tb = sys.exc_info()
        error = _make_error(str(value), error_type.__name__, traceback.format_list(_user_frames(tb)), request_id)
    else:
        api.respond(request_id, result)
        return
    _log_error(error)
    api.error("/invocation/" + request_id + "/error", error)


def _setup_logging():
    logging.Formatter.converter = time.gmtime
    handler = _StdoutHandler()
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    level = os.environ.get("AWS_LAMBDA_LOG_LEVEL")
    if level and level.upper() in logging._nameToLevel:
        root.setLevel(level.upper())


def _listen_for_debugger():
    port = os.environ.get("TRIGGERLAB_DEBUG_PORT")
    if not port:
        return
    try:
        import debugpy
    except ImportError:
        sys.stdout.write("TriggerLab: debugging is on but debugpy is not importable; install it into this Python "
                         "(python3 -m pip install debugpy) to attach a debugger on port " + port + "\n")
        return
    debugpy.listen(("127.0.0.1", int(port)))


def main(handler_name):
    sys.stdout = _Unbuffered(sys.stdout)
    sys.stderr = _Unbuffered(sys.stderr)
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    if task_root not in sys.path:
        sys.path.insert(0, task_root)
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    _setup_logging()
    _listen_for_debugger()
    try:
        handler = _load_handler(handler_name)
    except Exception as e:
        if isinstance(e, _Fault):
            error = _make_error(e.message, e.error_type, e.trace)
        else:
            error_type, value, tb = sys.exc_info()
            error = _make_error(str(value), error_type.__name__, traceback.format_list(_user_frames(tb)))
        _log_error(error)
        api.error("/init/error", error)
        sys.exit(1)
    while True:
        response, body = api.next()
        headers = {name.lower(): value for name, value in response.getheaders()}  # HTTP names are case-blind
        _invoke(api, handler, headers, body)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.environ["_HANDLER"])
