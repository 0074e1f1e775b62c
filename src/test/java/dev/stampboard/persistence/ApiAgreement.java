package dev.stampboard.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 18, "agree on every API answer": reads the same GETs from two console instances and compares the JSON, with
 * only the fields named in {@link #INSTANCE_SPECIFIC} replaced by a marker first (each with the reason it may differ).
 * A pair that differs is read again until the bound has passed (a minute may turn between the two reads), then named
 * with the first JSON pointers that differ.
 *
 * <p>{@link #getMappings()} lists every {@code @GetMapping} under {@code /api/v1} of the application's controllers,
 * so a GET added later without being compared here fails {@link #uncovered}.
 */
final class ApiAgreement {

    private ApiAgreement() {}

    /** A field (a JSON pointer, {@code *} for any one step) that may differ between instances, and why. */
    record InstanceSpecific(Pattern path, Pattern pointer, String reason) {
        static InstanceSpecific of(String pathRegex, String pointerGlob, String reason) {
            return new InstanceSpecific(
                    Pattern.compile(pathRegex),
                    Pattern.compile(Pattern.quote(pointerGlob).replace("*", "\\E[^/]+\\Q")),
                    reason);
        }
    }

    /**
     * What may legitimately differ between two instances, each with its reason. Nothing else does: every other field
     * of every answer is the shared database's, or an engine's that follows it.
     */
    static final List<InstanceSpecific> INSTANCE_SPECIFIC = List.of(
            InstanceSpecific.of(
                    "/api/v1/(plans/[^/]+/execution|migrations)(\\?.*)?",
                    "/moves/*/progress",
                    "a draining or validating move's progress is worked out from the wall clock at the read, and two"
                            + " reads never share their instant"),
            InstanceSpecific.of(
                    "/api/v1/(plans/[^/]+/execution|migrations)(\\?.*)?",
                    "/moves/*/timeLeft",
                    "the time left of a draining or validating move: the wall clock at the read, as progress"),
            InstanceSpecific.of(
                    "/api/v1/migrations(\\?.*)?",
                    "/*/moves/*/progress",
                    "as the plan's execution: the wall clock at the read"),
            InstanceSpecific.of(
                    "/api/v1/migrations(\\?.*)?",
                    "/*/moves/*/timeLeft",
                    "as the plan's execution: the wall clock at the read"));

    /** One GET: the path (with its query) and the user who reads it. */
    record Get(String path, String user) {
        @Override
        public String toString() {
            return "GET " + path + " (" + user + ")";
        }
    }

    /** An answer: the status and the JSON body (a text node when the body is not JSON). */
    record Answer(int status, JsonNode body) {}

    interface Reader {
        Answer read(Get get) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer answer(int status, String body) {
        try {
            return new Answer(status, JSON.readTree(body.isEmpty() ? "null" : body));
        } catch (Exception notJson) {
            return new Answer(status, TextNode.valueOf(body));
        }
    }

    /**
     * Reads every GET from both; returns what still differed after {@code bound} (empty when they agree), one line per
     * GET with up to five differing pointers and both values.
     */
    static List<String> differences(Reader a, Reader b, List<Get> gets, Duration bound) throws Exception {
        return differences(a, b, gets, bound, List.of());
    }

    /** As {@link #differences(Reader, Reader, List, Duration)}, with more fields normalised for this pair. */
    static List<String> differences(Reader a, Reader b, List<Get> gets, Duration bound, List<InstanceSpecific> also)
            throws Exception {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + bound.toNanos();
        for (Get get : gets) {
            List<String> diff;
            while (true) {
                Answer onA = a.read(get);
                Answer onB = b.read(get);
                diff = diff(get, onA, onB, also);
                if (diff.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(100);
            }
            if (!diff.isEmpty()) {
                out.add(get + ": " + String.join("; ", diff.subList(0, Math.min(5, diff.size())))
                        + (diff.size() > 5 ? "; … " + (diff.size() - 5) + " more" : ""));
            }
        }
        return out;
    }

    static List<String> diff(Get get, Answer a, Answer b) {
        return diff(get, a, b, List.of());
    }

    static List<String> diff(Get get, Answer a, Answer b, List<InstanceSpecific> also) {
        List<String> out = new ArrayList<>();
        if (a.status() != b.status()) {
            out.add("status " + a.status() + " on A, " + b.status() + " on B");
        }
        diff("", normalised(get, a.body(), also), normalised(get, b.body(), also), out);
        return out;
    }

    /** A copy with every instance-specific field of this GET replaced by a marker naming the reason. */
    static JsonNode normalised(Get get, JsonNode body, List<InstanceSpecific> also) {
        JsonNode copy = body.deepCopy();
        String path = get.path();
        List<InstanceSpecific> rules = java.util.stream.Stream.concat(INSTANCE_SPECIFIC.stream(), also.stream())
                .filter(r -> r.path().matcher(path).matches())
                .toList();
        if (!rules.isEmpty()) {
            mark(copy, "", rules);
        }
        return copy;
    }

    private static void mark(JsonNode node, String pointer, List<InstanceSpecific> rules) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(f -> names.add(f.getKey()));
            for (String name : names) {
                String child = pointer + "/" + name;
                InstanceSpecific rule = matching(child, rules);
                if (rule != null) {
                    object.put(name, "<instance-specific: " + rule.reason() + ">");
                } else {
                    mark(object.get(name), child, rules);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = pointer + "/" + i;
                InstanceSpecific rule = matching(child, rules);
                if (rule != null) {
                    array.set(i, TextNode.valueOf("<instance-specific: " + rule.reason() + ">"));
                } else {
                    mark(array.get(i), child, rules);
                }
            }
        }
    }

    private static @Nullable InstanceSpecific matching(String pointer, List<InstanceSpecific> rules) {
        for (InstanceSpecific r : rules) {
            if (r.pointer().matcher(pointer).matches()) {
                return r;
            }
        }
        return null;
    }

    private static void diff(String pointer, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a instanceof ObjectNode oa && b instanceof ObjectNode ob) {
            TreeSet<String> names = new TreeSet<>();
            oa.fieldNames().forEachRemaining(names::add);
            ob.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(pointer + "/" + name, oa.path(name), ob.path(name), out);
            }
            return;
        }
        if (a instanceof ArrayNode aa && b instanceof ArrayNode ab && aa.size() == ab.size()) {
            for (int i = 0; i < aa.size(); i++) {
                diff(pointer + "/" + i, aa.get(i), ab.get(i), out);
            }
            return;
        }
        out.add((pointer.isEmpty() ? "/" : pointer) + ": A " + abbreviated(a) + ", B " + abbreviated(b));
    }

    private static String abbreviated(JsonNode n) {
        String s = n.isMissingNode() ? "(missing)" : n.toString();
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /**
     * Every {@code @GetMapping} under {@code /api/v1} of the application's {@code @RestController}s, as a path template
     * ({@code /api/v1/plans/{id}}), by controller.
     */
    static Map<String, String> getMappings() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, String> out = new LinkedHashMap<>();
        for (BeanDefinition bean : scan.findCandidateComponents("dev.stampboard")) {
            Class<?> type;
            try {
                type = Class.forName(bean.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method m : type.getDeclaredMethods()) {
                GetMapping get = AnnotatedElementUtils.findMergedAnnotation(m, GetMapping.class);
                if (get == null) {
                    continue;
                }
                String[] paths = get.path().length == 0 ? new String[] {""} : get.path();
                for (String p : paths) {
                    String full = prefix + p;
                    if (full.startsWith("/api/v1")) {
                        out.put(full, type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        return out;
    }

    /** The templates of {@link #getMappings()} that no compared GET matches. */
    static List<String> uncovered(List<Get> gets) {
        List<String> out = new ArrayList<>();
        getMappings().forEach((template, method) -> {
            Pattern p =
                    Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/?]+").replace(".", "\\.") + "(\\?.*)?");
            if (gets.stream().noneMatch(g -> p.matcher(g.path()).matches())) {
                out.add(template + " (" + method + ")");
            }
        });
        return out;
    }
}
