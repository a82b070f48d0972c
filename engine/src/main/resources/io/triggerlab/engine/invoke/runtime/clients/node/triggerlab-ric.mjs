// TriggerLab's own Lambda runtime interface client for Node.js: plain JavaScript, nothing native, so it runs wherever
// Node does (macOS, Windows, Linux). It speaks Lambda's Runtime API at $AWS_LAMBDA_RUNTIME_API and gives a handler
// what AWS's aws-lambda-ric gives it: (event, context[, callback]), the context object, console lines in CloudWatch's
// text format, and Lambda's error JSON {errorType, errorMessage, trace}. TriggerLab uses AWS's client instead where it
// is installed and runs (see docs/runtimes.md).
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import util from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const API = process.env.AWS_LAMBDA_RUNTIME_API;
const BASE = '/2018-06-01/runtime';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
// Outside an invocation (init) AWS's client writes '-' where the request id goes.
let currentRequestId = '-';

class RuntimeError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

// --- console: "<ISO time>\t<request id>\t<LEVEL>\t<message>", newlines inside a message become \r (one CloudWatch event)
function patchConsole() {
  const write = (level) => (message, ...params) => {
    const line = [new Date().toISOString(), currentRequestId, level, util.format(message, ...params)].join('\t');
    process.stdout.write(line.replace(/\n/g, '\r') + '\n');
  };
  console.trace = write('TRACE');
  console.debug = write('DEBUG');
  console.info = write('INFO');
  console.warn = write('WARN');
  console.error = write('ERROR');
  console.fatal = write('FATAL');
  console.log = console.info;
}

function formatError(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name,
      errorMessage: error.message,
      trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function logError(label, error) {
  const err = error instanceof Error ? error : new Error(String(error));
  const shown = Object.assign({ errorType: err.name, errorMessage: err.message, code: err.code }, err);
  if (typeof err.stack === 'string') {
    shown.stack = err.stack.split('\n');
  }
  console.error(label, '\t' + JSON.stringify(shown));
}

// --- Runtime API over HTTP to 127.0.0.1
function request(method, resource, body, headers = {}) {
  const [host, port] = API.split(':');
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: BASE + resource, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) {
      req.setHeader('Content-Type', 'application/json');
      req.setHeader('Content-Length', Buffer.byteLength(body));
      req.write(body);
    }
    req.end();
  });
}

async function postError(resource, error) {
  const body = JSON.stringify(formatError(error));
  await request('POST', resource, body, { 'Lambda-Runtime-Function-Error-Type': formatError(error).errorType });
}

// --- handler loading: "dir/module.handler" as Lambda resolves it (module extensions "", .js, .mjs, .cjs)
async function loadHandler(taskRoot, handlerString) {
  const slash = handlerString.lastIndexOf('/');
  const moduleRoot = slash < 0 ? '' : handlerString.slice(0, slash);
  const rest = slash < 0 ? handlerString : handlerString.slice(slash + 1);
  const dot = rest.indexOf('.');
  if (dot < 0) {
    throw new RuntimeError('Runtime.MalformedHandlerName', 'Bad handler');
  }
  const moduleName = rest.slice(0, dot);
  const handlerPath = rest.slice(dot + 1);
  const base = path.resolve(taskRoot, moduleRoot, moduleName);
  let module;
  try {
    for (const extension of ['', '.js', '.mjs', '.cjs']) {
      const file = base + extension;
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        module = await import(pathToFileURL(file).href);
        break;
      }
    }
    if (module === undefined) {
      const require = createRequire(path.join(taskRoot, 'index.js'));
      module = require(require.resolve(moduleName, { paths: [taskRoot, path.join(taskRoot, moduleRoot)] }));
    }
  } catch (err) {
    if (err instanceof SyntaxError) {
      const syntax = new RuntimeError('Runtime.UserCodeSyntaxError', String(err));
      syntax.stack = err.stack;
      throw syntax;
    }
    if (err && err.code === 'MODULE_NOT_FOUND') {
      throw new RuntimeError('Runtime.ImportModuleError', String(err));
    }
    throw err;
  }
  const find = (from) => handlerPath.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), from);
  let handler = find(module);
  if (!handler && module && typeof module === 'object' && 'default' in module) {
    handler = find(module.default);
  }
  if (!handler) {
    throw new RuntimeError('Runtime.HandlerNotFound', `${rest} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound', `${rest} is not a function`);
  }
  return handler;
}

function contextFor(headers) {
  const deadline = parseInt(headers['lambda-runtime-deadline-ms'], 10);
  const json = (name) => (headers[name] ? JSON.parse(headers[name]) : undefined);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    clientContext: json('lambda-runtime-client-context'),
    identity: json('lambda-runtime-cognito-identity'),
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
}

// The handler is called as a method of this object, as AWS's client calls it, so stack traces read the same
// ("at BufferedInvokeProcessor.handler (file:///.../index.mjs:27:13)").
class BufferedInvokeProcessor {
  constructor(handler) {
    this.handler = handler;
  }

  async run(event, context) {
    if (this.handler.length < 3) {
      return await this.handler(event, context);
    }
    return new Promise((resolve, reject) => {
      const callback = (err, result) => (err ? reject(err) : resolve(result));
      try {
        const returned = this.handler(event, context, callback);
        if (returned && typeof returned.then === 'function') {
          returned.then(resolve, reject);
        }
      } catch (err) {
        reject(err);
      }
    });
  }
}

async function main() {
  patchConsole();
  const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  const handlerString = process.argv[2] || process.env._HANDLER;
  let processor;
  try {
    processor = new BufferedInvokeProcessor(await loadHandler(taskRoot, handlerString));
  } catch (error) {
    logError('Init Error', error);
    await postError('/init/error', error);
    process.exit(129);
  }
  for (;;) {
    const next = await request('GET', '/invocation/next');
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    if (next.headers['lambda-runtime-trace-id']) {
      process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    }
    try {
      const result = await processor.run(JSON.parse(next.body.toString('utf8')), contextFor(next.headers));
      const body = JSON.stringify(result === undefined ? null : result);
      await request('POST', `/invocation/${requestId}/response`, body);
    } catch (error) {
      logError('Invoke Error', error);
      await postError(`/invocation/${requestId}/error`, error);
    }
  }
}

process.on('uncaughtException', (error) => {
  logError('Uncaught Exception', error);
  process.exit(129);
});
process.on('unhandledRejection', (reason) => {
  logError('Unhandled Promise Rejection', reason);
  process.exit(128);
});

main();
