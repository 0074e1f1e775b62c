package dev.stampboard.signals.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.support.ChildConsole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * JSON bodies for a fleet fed only through the API (the tests of a bring-your-own fleet), and the
 * nearest-rank P95 of DESIGN §2 computed here, independently of the console's engine.
 */
final class ApiFleetFeed {

    private ApiFleetFeed() {}

    /** A client of {@code console} signed in as one of the demo users (password: name + "-pw"). */
    static TestRestTemplate rest(ChildConsole console, String user) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(console.url())).withBasicAuth(user, user + "-pw");
    }

    static void put(TestRestTemplate rest, String path, Object body) {
        ResponseEntity<JsonNode> res = rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
        assertThat(res.getStatusCode()).as(path + ": " + res.getBody()).isEqualTo(HttpStatus.OK);
    }

    static List<String> nodes(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(node(prefix, i));
        }
        return names;
    }

    static String node(String prefix, int i) {
        return String.format("%s-%03d", prefix, i);
    }

    /** Nearest rank: the value at rank ceil(0.95 × n) of the values sorted ascending. */
    static double nearestRankP95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    static Map<String, Object> cpu(String stamp, String pool, String node, String minute, double cpu) {
        Map<String, Object> m = new HashMap<>();
        m.put("stamp", stamp);
        m.put("pool", pool);
        m.put("node", node);
        m.put("minute", minute);
        m.put("cpu", cpu);
        return m;
    }

    static Map<String, Object> traffic(
            String registry, String region, String stamp, String minute, long requests, long bytes, double p99Ms) {
        Map<String, Object> m = new HashMap<>();
        m.put("registry", registry);
        m.put("region", region);
        m.put("stamp", stamp);
        m.put("minute", minute);
        m.put("requests", requests);
        m.put("bytes", bytes);
        m.put("throttled", 0);
        m.put("errors", 0);
        m.put("p99Ms", p99Ms);
        return m;
    }
}
