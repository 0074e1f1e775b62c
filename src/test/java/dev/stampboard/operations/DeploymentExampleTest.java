package dev.stampboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 18's deployment example ({@code deploy/}), checked without a container engine (none runs on the CI machine):
 * the Kubernetes manifest and the compose file parse and name two console replicas with readiness checks on the
 * endpoint the application serves, PostgreSQL and sticky sessions; the Dockerfile runs the jar the build makes. Plain
 * files, no Spring context.
 */
class DeploymentExampleTest {

    private static final Path DEPLOY = Path.of("deploy");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static Object at(Object root, String... path) {
        Object o = root;
        for (String key : path) {
            assertThat(o).as("no '" + key + "' in " + String.join(".", path)).isInstanceOf(Map.class);
            o = map(o).get(key);
        }
        return o;
    }

    /** The readiness path the application serves: probes enabled, under the actuator's base path. */
    private static String readinessPath() throws Exception {
        Map<String, Object> app = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(at(app, "management", "endpoint", "health", "probes", "enabled"))
                .isEqualTo(true);
        assertThat((String) at(app, "management", "endpoints", "web", "exposure", "include"))
                .contains("health");
        Object basePath = at(app, "management", "endpoints", "web");
        String base = map(basePath).getOrDefault("base-path", "/actuator").toString();
        return base + "/health/readiness";
    }

    @Test
    void the_kubernetes_manifest_runs_two_ready_checked_replicas_on_postgresql_behind_a_sticky_ingress()
            throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(DEPLOY.resolve("kubernetes.yaml")))) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        Map<String, Object> deployment = one(docs, "Deployment");
        assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
        Map<String, Object> console = map(
                list(at(deployment, "spec", "template", "spec", "containers")).get(0));
        assertThat(at(console, "readinessProbe", "httpGet", "path")).isEqualTo(readinessPath());
        assertThat(at(console, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(env(console)).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        assertThat(env(console).get("STAMPBOARD_DB_URL")).startsWith("jdbc:postgresql://stampboard-postgres:");
        env(console).forEach(DeploymentExampleTest::assertReadByTheApplication);
        // the probes name the container's port; the Service selects the pods and targets that port
        List<Object> ports = list(console.get("ports"));
        assertThat(ports).extracting(p -> map(p).get("name")).contains("http");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(at(console, probe, "httpGet", "port")).as(probe).isEqualTo("http");
        }
        Map<String, Object> labels = map(at(deployment, "spec", "template", "metadata", "labels"));
        assertThat(labels).containsAllEntriesOf(map(at(deployment, "spec", "selector", "matchLabels")));
        Map<String, Object> service = docs.stream()
                .filter(d -> "Service".equals(d.get("kind")) && "stampboard".equals(at(d, "metadata", "name")))
                .findFirst()
                .orElseThrow();
        assertThat(labels).containsAllEntriesOf(map(at(service, "spec", "selector")));
        assertThat(map(list(at(service, "spec", "ports")).get(0))).containsEntry("targetPort", "http");

        Map<String, Object> postgres = one(docs, "StatefulSet");
        assertThat((String) at(
                        map(list(at(postgres, "spec", "template", "spec", "containers"))
                                .get(0)),
                        "image"))
                .startsWith("postgres:");

        Map<String, Object> annotations = map(at(one(docs, "Ingress"), "metadata", "annotations"));
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
        assertThat(docs).extracting(d -> d.get("kind")).contains("Service");
    }

    @Test
    void the_compose_file_runs_postgresql_and_two_health_checked_consoles_behind_nginx() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        Map<String, Object> services = map(compose.get("services"));
        // the base images are parameters (deploy/local-images.sh's substitutes) whose defaults are the public images
        assertThat((String) at(services, "postgres", "image")).isEqualTo("${POSTGRES_IMAGE:-postgres:15}");
        assertThat((String) at(services, "nginx", "image")).startsWith("${NGINX_IMAGE:-nginx:");
        assertThat(at(services, "postgres", "healthcheck")).isNotNull();
        List<String> consoles = new ArrayList<>();
        String readiness = readinessPath();
        services.forEach((name, s) -> {
            if ("stampboard:latest".equals(map(s).get("image"))) {
                consoles.add(name);
                assertThat(list(at(s, "healthcheck", "test")).toString())
                        .as(name)
                        .contains("http://localhost:8080" + readiness);
                assertThat(at(s, "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
                assertThat(map(at(s, "environment"))).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
                map(at(s, "environment")).forEach((env, value) -> assertReadByTheApplication(env, value.toString()));
            }
        });
        assertThat(consoles).as("two console services from the one image").hasSize(2);
        // nginx's upstreams are the two console services, sticky by client address
        String nginx = Files.readString(DEPLOY.resolve("nginx.conf"));
        assertThat(nginx).contains("ip_hash;");
        for (String console : consoles) {
            assertThat(nginx).contains("server " + console + ":8080");
        }
        assertThat(list(at(services, "nginx", "volumes")).toString()).contains("./nginx.conf:");
        assertThat(nginx).as("the access log names the instance that served").contains("upstream=$upstream_addr");
    }

    @Test
    void the_dockerfile_runs_the_jar_the_maven_build_makes() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        String artifactId = child(pom.getDocumentElement(), "artifactId");
        String version = child(pom.getDocumentElement(), "version");
        assertThat(pom.getElementsByTagName("finalName").getLength())
                .as("the jar keeps Maven's default name, artifactId-version.jar")
                .isZero();
        String jar = artifactId + "-" + version + ".jar";

        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        // the base images are build arguments whose defaults are the public images
        assertThat(dockerfile)
                .contains("ARG JDK_IMAGE=eclipse-temurin:17-jdk")
                .contains("ARG JRE_IMAGE=eclipse-temurin:17-jre")
                .contains("FROM ${JDK_IMAGE} AS source");
        // "source" builds the jar, "prebuilt" takes target/'s: both leave it at one path, which the image takes
        Matcher built = Pattern.compile("cp target/(\\S+\\.jar) (\\S+)").matcher(dockerfile);
        assertThat(built.find()).as("the source stage copies the packaged jar").isTrue();
        Matcher prebuilt = Pattern.compile("FROM scratch AS prebuilt\\s+COPY target/(\\S+\\.jar) (\\S+)")
                .matcher(dockerfile);
        assertThat(prebuilt.find())
                .as("the prebuilt stage copies target/'s jar")
                .isTrue();
        for (Matcher stage : List.of(built, prebuilt)) {
            String glob = stage.group(1).replace(".", "\\.").replace("*", "[^/]*");
            assertThat(jar).as("the jar pattern " + stage.group(1)).matches(glob);
            assertThat(stage.group(2)).isEqualTo(built.group(2));
        }
        Matcher jarArg = Pattern.compile("ARG JAR=(\\w+)").matcher(dockerfile);
        assertThat(jarArg.find()).isTrue();
        assertThat(jarArg.group(1)).isEqualTo("source");
        assertThat(dockerfile).contains("FROM ${JAR} AS jar").contains("\nFROM ${JRE_IMAGE}\n");
        Matcher into = Pattern.compile("COPY --from=jar " + Pattern.quote(built.group(2)) + " (\\S+)")
                .matcher(dockerfile);
        assertThat(into.find()).as("the image takes that jar").isTrue();
        Matcher entry = Pattern.compile("ENTRYPOINT \\[\"java\", \"-jar\", \"([^\"]+)\"]")
                .matcher(dockerfile);
        assertThat(entry.find()).isTrue();
        assertThat(entry.group(1)).isEqualTo(into.group(1));
        assertThat(dockerfile).contains("EXPOSE 8080").contains("curl -fsS http://localhost:8080" + readinessPath());
        // the build context leaves target/ out except the jar the prebuilt stage takes
        List<String> ignore = Files.readAllLines(DEPLOY.resolve("Dockerfile.dockerignore"));
        assertThat(ignore).containsSubsequence("target/*", "!target/" + prebuilt.group(1));
    }

    /**
     * An environment variable of a console is one the application reads: a {@code STAMPBOARD_*} placeholder of its
     * configuration, or a Spring Boot property under Spring's own mapping of environment variables (relaxed binding).
     */
    private static void assertReadByTheApplication(String name, String value) {
        if (name.startsWith("STAMPBOARD_")) {
            assertThat(configuration())
                    .as(name + " is a placeholder of application*.yml")
                    .contains("${" + name + ":");
            return;
        }
        Map<String, Class<?>> spring = Map.of(
                "SPRING_PROFILES_ACTIVE", String.class,
                "SERVER_FORWARD_HEADERS_STRATEGY",
                        org.springframework.boot.autoconfigure.web.ServerProperties.ForwardHeadersStrategy.class);
        assertThat(spring).as(name + " is not known to this test").containsKey(name);
        Binder env = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(name, value))));
        String property =
                name.equals("SPRING_PROFILES_ACTIVE") ? "spring.profiles.active" : "server.forward-headers-strategy";
        assertThat(env.bind(property, spring.get(name)).isBound())
                .as(name + " binds " + property)
                .isTrue();
        if (name.equals("SPRING_PROFILES_ACTIVE")) {
            assertThat(Path.of("src/main/resources/application-" + value + ".yml"))
                    .exists();
        }
    }

    private static String configuration() {
        try (var files = Files.list(Path.of("src/main/resources"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.getFileName().toString().matches("application.*\\.yml"))
                    .toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found =
                docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.HashMap<>();
        for (Object e : list(container.get("env"))) {
            Object value = map(e).get("value");
            env.put((String) map(e).get("name"), value == null ? "(from a secret)" : value.toString());
        }
        return env;
    }

    private static String child(org.w3c.dom.Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && n.getNodeName().equals(name)) {
                return n.getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no top-level <" + name + ">");
    }
}
