package io.triggerlab.console.lag;

import javafx.scene.Group;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart with time on its x axis (epoch milliseconds) that also draws vertical markers, one per scaling
 * decision, each with a small "1→2" label and a tooltip. Markers outside the axis' current bounds are hidden.
 */
final class MarkedLineChart extends LineChart<Number, Number> {

    private final NumberAxis time;
    private final List<Marker> markers = new ArrayList<>();

    MarkedLineChart(NumberAxis time, NumberAxis values) {
        super(time, values);
        this.time = time;
    }

    /** Replaces the markers. */
    void setMarkers(List<ScalingMarker> shown) {
        markers.forEach(m -> getPlotChildren().remove(m.node()));
        markers.clear();
        for (ScalingMarker marker : shown) {
            Line line = new Line();
            line.getStyleClass().add("scaling-marker");
            line.setStyle("-fx-stroke: #8a5cf6; -fx-stroke-width: 2; -fx-stroke-dash-array: 6 4;");
            Label label = new Label(marker.label());
            label.getStyleClass().add("scaling-marker-label");
            label.setStyle("-fx-font-size: 10px; -fx-text-fill: #6d3fd6;");
            Group node = new Group(line, label);
            node.setId("scaling-marker-" + marker.at().toEpochMilli());
            Tooltip.install(node, new Tooltip(marker.tooltip()));
            markers.add(new Marker(marker, node, line, label));
            getPlotChildren().add(node);
        }
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double height = getYAxis().getHeight();
        for (Marker m : markers) {
            long millis = m.marker().at().toEpochMilli();
            boolean inside = millis >= time.getLowerBound() && millis <= time.getUpperBound();
            m.node().setVisible(inside);
            if (inside) {
                double x = time.getDisplayPosition(millis);
                m.line().setStartX(x);
                m.line().setEndX(x);
                m.line().setStartY(0);
                m.line().setEndY(height);
                m.label().relocate(x + 3, 2);
                m.node().toFront();
            }
        }
    }

    private record Marker(ScalingMarker marker, Group node, Line line, Label label) {
    }
}
