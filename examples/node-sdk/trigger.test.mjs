// Drives a running TriggerLab engine with the AWS SDK for JavaScript, as a Jest or node:test suite in a user's
// project would: the environment comes from `triggerlab serve --print-env` (NodeSdkIT passes the same variables).
// Expects function TRIGGER_FUNCTION registered and records on TRIGGER_TOPIC.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  LambdaClient,
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
} from "@aws-sdk/client-lambda";

// The SDK reads AWS_ENDPOINT_URL_LAMBDA, AWS_REGION and the credentials from the environment.
const lambda = new LambdaClient({});

test("a trigger created with the AWS SDK processes the topic's records", async () => {
  const created = await lambda.send(new CreateEventSourceMappingCommand({
    FunctionName: process.env.TRIGGER_FUNCTION,
    EventSourceArn: process.env.TRIGGERLAB_SANDBOX_CLUSTER_ARN,
    Topics: [process.env.TRIGGER_TOPIC],
    StartingPosition: "TRIM_HORIZON",
    BatchSize: 10,
  }));
  assert.equal(created.State, "Creating");

  const deadline = Date.now() + 60_000;
  let mapping;
  do {
    await new Promise((resolve) => setTimeout(resolve, 200)); // the engine announces nothing to an SDK: poll
    mapping = await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
  } while (mapping.LastProcessingResult !== "OK" && Date.now() < deadline);
  assert.equal(mapping.LastProcessingResult, "OK", `trigger ${created.UUID} is ${mapping.State}`);

  await lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
});
