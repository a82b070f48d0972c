-- Why an invocation's payload and response were not kept although the history keeps payloads: the background
-- writer that compresses and stores them was behind, and delivery never waits for it (docs/adr/0006-*.md).
-- Null when the bodies are kept, or when the engine runs without payload history.
ALTER TABLE invocation ADD COLUMN payload_note CHARACTER VARYING(300);
