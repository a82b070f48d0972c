package io.triggerlab.console.lag;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The OffsetLag chart with its range selector and the scaling decisions marked on it (a dashed line each, the details in
 * its tooltip), and the readout of the latest sample beside it.
 */
public final class LagChartView {

    private final LagChartViewModel viewModel;
    private final ZoneId zone;
    private final MarkedLineChart chart;
    private final NumberAxis time = new NumberAxis();
    private final Node root;

    public LagChartView(LagChartViewModel viewModel, ZoneId zone) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.zone = Objects.requireNonNull(zone, "zone");
        NumberAxis lag = new NumberAxis();
        lag.setLabel("Records behind");
        lag.setForceZeroInRange(true);
        time.setForceZeroInRange(false);
        time.setAutoRanging(true);
        time.setTickLabelFormatter(new TimeLabels());
        this.chart = new MarkedLineChart(time, lag);
        chart.setId("lag-chart");
        chart.setAnimated(false); // points arrive every few seconds; animating each redraw only costs CPU
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(260);
        chart.setPrefHeight(280);
        viewModel.linesProperty().addListener((o, was, is) -> draw(is));
        draw(viewModel.linesProperty().get());
        viewModel.markersProperty().addListener((o, was, is) -> chart.setMarkers(is));
        chart.setMarkers(viewModel.markersProperty().get());
        this.root = layout();
    }

    public Node root() {
        return root;
    }

    private Node layout() {
        ChoiceBox<LagRange> range = new ChoiceBox<>(FXCollections.observableArrayList(LagRange.values()));
        range.setId("lag-range");
        range.setValue(viewModel.rangeProperty().get());
        range.valueProperty().addListener((o, was, is) -> viewModel.selectRange(is));
        Label status = label("lag-status", viewModel.statusProperty());
        status.getStyleClass().add("placeholder");
        status.setWrapText(true);
        status.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        HBox bar = new HBox(8, new Label("Range"), range, status);
        VBox chartBox = new VBox(6, bar, chart);
        HBox.setHgrow(chartBox, Priority.ALWAYS);

        Label offsetLag = label("lag-offset", viewModel.offsetLagProperty());
        offsetLag.getStyleClass().add("lag-headline");
        ListView<String> decisions = new ListView<>(viewModel.decisions());
        decisions.setId("lag-decisions");
        decisions.setPrefHeight(110);
        decisions.setPlaceholder(new Label("No scaling decisions yet"));
        VBox readout = new VBox(6, offsetLag, label("lag-time", viewModel.timeLagProperty()),
                label("lag-trend", viewModel.trendProperty()), label("lag-counters", viewModel.countersProperty()),
                label("lag-concurrency", viewModel.concurrencyProperty()),
                label("lag-consumers", viewModel.consumersProperty()), new Label("Scaling decisions"), decisions);
        readout.setId("lag-readout");
        readout.setPadding(new Insets(0, 0, 0, 8));
        readout.setPrefWidth(300);
        readout.setMinWidth(240);
        HBox root = new HBox(10, chartBox, readout);
        root.setId("lag-view");
        return root;
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    /** Replaces the chart's data; at most a few hundred points per line, so redrawing in full is cheap. */
    private void draw(List<LagLine> lines) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>(lines.size());
        for (LagLine line : lines) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.name());
            for (LagPoint p : line.points()) {
                s.getData().add(new XYChart.Data<>(p.at().toEpochMilli(), p.lag()));
            }
            series.add(s);
        }
        chart.getData().setAll(series);
    }

    /** Epoch milliseconds on the time axis, shown as the wall clock; with the date when the range spans days. */
    private final class TimeLabels extends StringConverter<Number> {

        private final DateTimeFormatter seconds = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
        private final DateTimeFormatter minutes = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

        @Override
        public String toString(Number millis) {
            DateTimeFormatter f = viewModel.rangeProperty().get() == LagRange.ONE_DAY ? minutes : seconds;
            return f.format(Instant.ofEpochMilli(millis.longValue()).atZone(zone));
        }

        @Override
        public Number fromString(String text) {
            throw new UnsupportedOperationException("The time axis is not edited");
        }
    }
}
