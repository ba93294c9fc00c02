package app.chorus.opinions.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The map as an SVG picture (the web client and the report's export show the same one): each participant a dot in
 * their group's colour (grey when not placed), each group's label at its centre, with a title and a description
 * screen readers read out.
 */
final class MapPicture {

    private static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6c4f99"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;
    private static final int MARGIN = 40;

    private MapPicture() {
    }

    static String svg(String topic, MapSnapshot snapshot) {
        Map<String, double[]> positions = snapshot.positions();
        double extent = positions.values().stream().mapToDouble(p -> Math.max(Math.abs(p[0]), Math.abs(p[1]))).max().orElse(1);
        double scale = (Math.min(WIDTH, HEIGHT) / 2.0 - MARGIN) / Math.max(extent, 1e-9);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
            + "aria-labelledby=\"map-title map-desc\">", WIDTH, HEIGHT));
        svg.append("<title id=\"map-title\">Opinion map: ").append(HtmlUtils.htmlEscape(topic)).append("</title>");
        svg.append("<desc id=\"map-desc\">").append(HtmlUtils.htmlEscape(description(snapshot))).append("</desc>");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        snapshot.map().participants().forEach((person, group) -> {
            double[] at = positions.get(person);
            if (at != null) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" fill-opacity=\"0.7\"/>",
                    x(at[0], scale), y(at[1], scale), group == null ? "#9e9e9e" : COLOURS[group % COLOURS.length]));
            }
        });
        MapViews.centres(snapshot).forEach((group, centre) -> svg.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\" "
                + "fill=\"#212121\">%s</text>", x(centre[0], scale), y(centre[1], scale) - 10, MapViews.label(group))));
        return svg.append("</svg>").toString();
    }

    static String description(MapSnapshot snapshot) {
        var map = snapshot.map();
        StringBuilder text = new StringBuilder();
        text.append(map.participants().size()).append(" participants, ").append(map.groups().size()).append(" opinion groups");
        map.groups().forEach(group -> text.append("; ").append(MapViews.label(group.id())).append(": ")
            .append(group.size()).append(" people"));
        long unplaced = map.participants().values().stream().filter(group -> group == null).count();
        return text.append("; ").append(unplaced).append(" not placed yet (too few votes), shown in grey.").toString();
    }

    private static double x(double value, double scale) {
        return WIDTH / 2.0 + value * scale;
    }

    private static double y(double value, double scale) {
        return HEIGHT / 2.0 - value * scale;
    }
}
