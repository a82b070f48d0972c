package io.triggerlab.engine.controlplane.sam;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a YAML template with SnakeYAML Engine's composer, which keeps every node's tag and position: CloudFormation's
 * short forms ({@code !Ref}, {@code !Sub}, {@code !GetAtt}…) become {@link TemplateNode.Intrinsic} nodes, and an
 * unknown tag ({@code !Foo}) is kept as written so the importer can report it with its line.
 */
final class YamlTemplateReader {

    /** Short-form tag → the long function name. */
    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            Map.entry("!Length", "Fn::Length"));

    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";

    private final String name;

    /** @param name the template's name in error messages (its file name) */
    YamlTemplateReader(String name) {
        this.name = name;
    }

    TemplateNode read(String text) {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(name).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            throw new TemplateSyntaxException(name, line, "not valid YAML: " + problemText(e));
        } catch (YamlEngineException e) {
            throw new TemplateSyntaxException(name, 0, "not valid YAML: " + e.getMessage());
        }
        return root.map(this::convert).orElseThrow(() -> new TemplateSyntaxException(name, 1, "the template is empty"));
    }

    private TemplateNode convert(Node node) {
        String tag = node.getTag().getValue();
        int line = line(node);
        if (!tag.startsWith(STANDARD_TAG_PREFIX)) {
            TemplateNode argument = untagged(node, line);
            return new TemplateNode.Intrinsic(SHORT_FORMS.getOrDefault(tag, tag), argument, line);
        }
        return untagged(node, line);
    }

    private TemplateNode untagged(Node node, int line) {
        if (node instanceof ScalarNode scalar) {
            boolean isNull = Tag.NULL.equals(scalar.getTag());
            return new TemplateNode.Scalar(isNull ? null : scalar.getValue(), !scalar.isPlain(), line);
        }
        if (node instanceof SequenceNode sequence) {
            List<TemplateNode> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(convert(item)));
            return new TemplateNode.Sequence(items, line);
        }
        MappingNode mapping = (MappingNode) node;
        List<TemplateNode.Entry> entries = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalarKey)) {
                throw new TemplateSyntaxException(name, line(key), "a key must be plain text");
            }
            String keyText = scalarKey.getValue();
            if (entries.stream().anyMatch(e -> e.key().equals(keyText))) {
                throw new TemplateSyntaxException(name, line(key), "the key '" + keyText + "' appears twice");
            }
            entries.add(new TemplateNode.Entry(keyText, convert(tuple.getValueNode()), line(key)));
        }
        return LongForms.intrinsicOrMapping(new TemplateNode.Mapping(entries, line));
    }

    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }

    private static String problemText(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return (context + problem).strip();
    }
}
