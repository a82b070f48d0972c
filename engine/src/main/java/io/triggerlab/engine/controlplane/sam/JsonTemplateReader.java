package io.triggerlab.engine.controlplane.sam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON template with Jackson's streaming parser, keeping each value's line. */
final class JsonTemplateReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String name;

    JsonTemplateReader(String name) {
        this.name = name;
    }

    TemplateNode read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new TemplateSyntaxException(name, 1, "the template is empty");
            }
            TemplateNode root = value(parser);
            if (parser.nextToken() != null) {
                throw new TemplateSyntaxException(name, line(parser), "not valid JSON: text after the template's end");
            }
            return root;
        } catch (JsonParseException e) {
            throw new TemplateSyntaxException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TemplateSyntaxException(name, 0, "not readable: " + e.getMessage());
        }
    }

    private TemplateNode value(JsonParser parser) throws IOException {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<TemplateNode.Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    if (entries.stream().anyMatch(e -> e.key().equals(key))) {
                        throw new TemplateSyntaxException(name, keyLine, "the key '" + key + "' appears twice");
                    }
                    parser.nextToken();
                    entries.add(new TemplateNode.Entry(key, value(parser), keyLine));
                }
                return LongForms.intrinsicOrMapping(new TemplateNode.Mapping(entries, line));
            }
            case START_ARRAY -> {
                List<TemplateNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                return new TemplateNode.Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new TemplateNode.Scalar(null, false, line);
            }
            case VALUE_STRING -> {
                return new TemplateNode.Scalar(parser.getText(), true, line);
            }
            default -> {
                return new TemplateNode.Scalar(parser.getText(), false, line);
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
