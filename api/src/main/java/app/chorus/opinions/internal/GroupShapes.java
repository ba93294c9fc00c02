package app.chorus.opinions.internal;

import app.chorus.opinions.math.OpinionMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.geometry.euclidean.twod.Vector2D;
import org.apache.commons.math3.geometry.euclidean.twod.hull.MonotoneChain;

/**
 * Each opinion group's outline on the map, computed once per update: its members' mean position and the convex hull
 * around them (Commons Math's monotone chain), so a client draws the groups without every participant's dot.
 */
final class GroupShapes {

    /** A group's centre (x, y) and its outline, the hull's corners in order (fewer than 3 when its members line up). */
    record Shape(double[] centre, List<double[]> hull) {
    }

    private GroupShapes() {
    }

    static Map<Integer, Shape> of(OpinionMap map, Map<String, double[]> positions) {
        Map<Integer, List<Vector2D>> members = new TreeMap<>();
        map.participants().forEach((person, group) -> {
            double[] at = positions.get(person);
            if (group != null && at != null) {
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(new Vector2D(at[0], at[1]));
            }
        });
        Map<Integer, Shape> shapes = new TreeMap<>();
        members.forEach((group, points) -> shapes.put(group, new Shape(centre(points), hull(points))));
        return shapes;
    }

    private static double[] centre(List<Vector2D> points) {
        double x = 0;
        double y = 0;
        for (Vector2D point : points) {
            x += point.getX();
            y += point.getY();
        }
        return new double[] {x / points.size(), y / points.size()};
    }

    private static List<double[]> hull(List<Vector2D> points) {
        Collection<Vector2D> corners;
        try {
            corners = List.of(new MonotoneChain(false, 1e-9).generate(points).getVertices());
        } catch (MathIllegalArgumentException degenerate) {
            // Fewer than 3 distinct positions, or all on one line: the distinct points are the outline.
            corners = points.stream().distinct().toList();
        }
        return corners.stream().map(point -> new double[] {point.getX(), point.getY()}).toList();
    }
}
