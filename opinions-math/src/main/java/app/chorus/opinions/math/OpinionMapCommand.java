package app.chorus.opinions.math;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./chorus opinion-map DIR}: replays a Polis export folder as the live updater would have seen it and prints
 * the map as JSON: participants' group index (null when not placed), the groups with their representative statements
 * and the consensus statements (agreed ones, then disagreed ones).
 */
public final class OpinionMapCommand {

    private OpinionMapCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: opinion-map DIR   (DIR: a Polis export folder with comments.csv and votes.csv)");
            System.exit(2);
        }
        try {
            OpinionMap map = PolisReplay.replay(PolisExport.read(Path.of(args[0])), PolisReplay.Cadence.LIVE).map();
            ObjectMapper json = JsonMapper.builder().build();
            System.out.println(json.writeValueAsString(output(map)));
        } catch (PolisExportException e) {
            System.err.println("The Polis export cannot be read; fix these and run again:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            System.exit(1);
        }
    }

    static Map<String, Object> output(OpinionMap map) {
        List<Map<String, Object>> groups = map.groups().stream().map(group -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", group.id());
            out.put("size", group.size());
            out.put("representative", group.representative());
            return out;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("participants", map.participants());
        out.put("groups", groups);
        out.put("consensus", java.util.stream.Stream.concat(map.consensusAgree().stream(), map.consensusDisagree().stream()).toList());
        return out;
    }
}
