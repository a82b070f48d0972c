// A Kafka-triggered Lambda handler as users write it (see python/app.py for the "-once" values).
import fs from 'node:fs';
import path from 'node:path';

let invocations = 0;
console.log('node init');

function once(value) {
  const marker = path.join(process.env.MARKER_DIR, value);
  if (fs.existsSync(marker)) {
    return false;
  }
  fs.writeFileSync(marker, '');
  return true;
}

export const handler = async (event, context) => {
  invocations += 1;
  const values = Object.values(event.records).flat().map((r) => Buffer.from(r.value, 'base64').toString());
  console.log('values', values.join(','), 'invocation', invocations, context.awsRequestId);
  console.warn(`function ${context.functionName} has ${context.getRemainingTimeInMillis() > 0 ? 'time' : 'no time'} left`);
  for (const value of values) {
    if (value === 'fail-once' && once(value)) {
      throw new Error('boom ' + value);
    }
    if (value === 'sleep-once' && once(value)) {
      await new Promise((resolve) => setTimeout(resolve, 30000));
    }
    if (value === 'crash-once' && once(value)) {
      process.exit(7);
    }
  }
  return { invocation: invocations, records: values.length, values };
};
