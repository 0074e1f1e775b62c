package dev.stampboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.stampboard.audit.AuditLog;
import dev.stampboard.base.Actor;
import dev.stampboard.support.MainClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules that keep one way of doing each thing (issue 11): who writes what, who audits, what views see. */
class ArchitectureRulesTest {

    private static final JavaClasses CLASSES = MainClasses.all();

    /** Which module owns (alone writes) each table. A new table gets its owner here. */
    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("audit_event", "audit"),
            Map.entry("region", "fleet"),
            Map.entry("stamp", "fleet"),
            Map.entry("stamp_pool", "fleet"),
            Map.entry("pool_node", "fleet"),
            Map.entry("storage_account", "fleet"),
            Map.entry("customer", "fleet"),
            Map.entry("registry", "fleet"),
            Map.entry("replica", "fleet"),
            Map.entry("home_stamp_change", "fleet"),
            Map.entry("inventory_change", "fleet"),
            Map.entry("stamp_state_change", "fleet"),
            Map.entry("stamp_state_node", "fleet"),
            Map.entry("event_handled", "base"),
            Map.entry("app_user", "security"),
            Map.entry("api_token", "security"),
            Map.entry("security_setting", "security"),
            Map.entry("user_preference", "preferences"),
            Map.entry("notification", "notifications"),
            Map.entry("notification_audience", "notifications"),
            Map.entry("notification_read", "notifications"),
            Map.entry("webhook_delivery", "notifications"),
            Map.entry("webhook_setting", "notifications"),
            Map.entry("node_cpu_sample", "signals"),
            Map.entry("setting", "signals"),
            Map.entry("region_signal_setting", "signals"),
            Map.entry("signal_settings_version", "signals"),
            Map.entry("pool_state_change", "signals"),
            Map.entry("pool_state_watch", "signals"),
            Map.entry("registry_traffic_sample", "signals"),
            Map.entry("simulator_state", "simulator"),
            Map.entry("capacity_daily_peak", "capacity"),
            Map.entry("simulated_provisioning", "simulator"),
            Map.entry("score_model_version", "score"),
            Map.entry("score_labelling", "score"),
            Map.entry("score_training", "score"),
            Map.entry("stamp_hourly_requests", "score"),
            Map.entry("plan", "planning"),
            Map.entry("plan_move", "planning"),
            Map.entry("plan_isolation", "planning"),
            Map.entry("plan_prediction", "planning"),
            Map.entry("plan_evidence", "planning"),
            Map.entry("plan_status_change", "planning"),
            Map.entry("plan_outcome", "planning"),
            Map.entry("plan_trigger", "planning"),
            Map.entry("routing_entry", "cutover"),
            Map.entry("executor_lease", "cutover"),
            Map.entry("plan_run", "cutover"),
            Map.entry("move_run", "cutover"),
            Map.entry("move_step", "cutover"),
            Map.entry("move_prediction", "cutover"),
            Map.entry("move_drain", "cutover"),
            Map.entry("validation_series", "cutover"),
            Map.entry("isolation_request", "isolation"),
            Map.entry("isolation_state_change", "isolation"),
            Map.entry("capacity_change", "capacity"),
            Map.entry("capacity_change_step", "capacity"));

    /** A write statement at the start of a Java string literal: {@code "insert into x"}, {@code "update x set"}. */
    private static final Pattern WRITE = Pattern.compile(
            "\"\\s*(?:insert\\s+into\\s+([a-z_]\\w*)\\s*\\("
                    + "|update\\s+([a-z_]\\w*)\\s+set\\s|delete\\s+from\\s+([a-z_]\\w*)|merge\\s+into\\s+([a-z_]\\w*))",
            Pattern.CASE_INSENSITIVE);

    @Test
    void no_module_writes_another_modules_tables() throws IOException {
        Path root = Path.of("src/main/java/dev/stampboard");
        List<String> violations = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = root.relativize(file).getName(0).toString();
                Matcher m = WRITE.matcher(Files.readString(file));
                while (m.find()) {
                    String table = Stream.of(m.group(1), m.group(2), m.group(3), m.group(4))
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElseThrow()
                            .toLowerCase(Locale.ROOT);
                    writes.add(table);
                    String owner = OWNER.get(table);
                    if (!module.equals(owner)) {
                        violations.add(root.relativize(file) + " writes " + table
                                + (owner == null
                                        ? ", a table with no owner in ArchitectureRulesTest.OWNER"
                                        : ", which belongs to " + owner));
                    }
                }
            }
        }
        assertThat(writes).as("the scan finds the modules' writes").contains("audit_event", "move_run", "plan_outcome");
        assertThat(violations).isEmpty();
    }

    /** A role named by a string literal in a role check: {@code @Secured("ROLE_X")}, {@code @RolesAllowed("X")}, {@code hasRole("X")}. */
    private static final Pattern ROLE_LITERAL = Pattern.compile(
            "(?:@(?:[\\w.]+\\.)?(?:Secured|RolesAllowed)|hasRole|hasAnyRole|hasAuthority)\\(\\{?\\s*\"");

    @Test
    void role_checks_name_role_constants_not_strings() throws IOException {
        Path root = Path.of("src/main/java/dev/stampboard");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ROLE_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    violations.add(root.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(violations)
                .as(
                        "role checks use Role.Authority.X (@Secured) or Role.X_NAME (@RolesAllowed), so a typo cannot compile")
                .isEmpty();
    }

    @Test
    void spring_data_repositories_are_used_only_inside_their_module() {
        classes()
                .that()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .and()
                .resideInAPackage("dev.stampboard..")
                .should(beAccessedOnlyFromTheirOwnModule())
                .because(
                        "an aggregate's tables are written by its own module; others ask its service or listen to its events")
                .check(CLASSES);
    }

    @Test
    void the_audit_log_is_written_only_inside_audit() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.stampboard.audit")
                .should()
                .callMethod(AuditLog.class, "record", String.class, String.class, String.class, String.class)
                .because("modules publish Audited domain events; audit's listener records them in the same transaction")
                .check(CLASSES);
    }

    @Test
    void dedicated_stamps_are_provisioned_only_through_the_fleets_one_path() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.stampboard.fleet")
                .should()
                .callMethod(
                        dev.stampboard.fleet.StampProvisioner.class,
                        "provision",
                        dev.stampboard.fleet.DedicatedStampSpec.class)
                .because("the cutover executor and isolation requests both go through DedicatedStampProvisioning")
                .check(CLASSES);
    }

    @Test
    void views_and_the_api_never_act_as_the_system() {
        noClasses()
                .that()
                .resideInAnyPackage("..ui..", "..api..")
                .should()
                .accessField(Actor.class, "SYSTEM")
                .orShould()
                .callMethod(Actor.class, "system", String.class)
                .because("a system actor skips the services' role checks; a person acts as CurrentUser.actor()")
                .check(CLASSES);
    }

    @Test
    void views_use_only_the_public_api_of_services() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should(accessNonPublicMembersOfServices())
                .orShould()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.stampboard..")
                        .and(com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                ".*(Store|History|Repository|Executor|ExecutorLease|SignalEngine)")))
                .because("a view calls what a service offers everyone (its public methods), never the persistence,"
                        + " executor or engine state behind it")
                .check(CLASSES);
    }

    /**
     * Service methods that the cutover engine alone calls, under its own system actor after its own role checks
     * (PlanningService: "execution, driven by the cutover engine").
     */
    private static final java.util.Set<String> ROLE_CHECKED_BY_CALLER =
            java.util.Set.of("PlanningService.startExecution", "PlanningService.finishExecution");

    @Test
    void every_public_service_method_that_acts_for_someone_checks_the_role() {
        assertThat(unguardedActorMethods(CLASSES))
                .as("a public service method that takes an Actor checks its role (CurrentUser.requireRole) first,"
                        + " so a view or API that forgets its own check cannot act without the role")
                .isEmpty();
    }

    /** The rule above finds what it should: a fixture service with each way of checking and two ways of not. */
    @Test
    void the_role_rule_finds_a_service_method_that_forgets_its_role_check() {
        JavaClasses fixture = new ClassFileImporter().importClasses(FixtureService.class);
        assertThat(unguardedActorMethods(fixture))
                .containsExactlyInAnyOrder("FixtureService.forgets", "FixtureService.checksOnlyInAPrivateHelper");
    }

    /** Checks its role in each way the rule accepts (directly, by delegating, in a lambda), and forgets it twice. */
    public static class FixtureService {
        private final dev.stampboard.security.CurrentUser user;

        FixtureService(dev.stampboard.security.CurrentUser user) {
            this.user = user;
        }

        public void checks(Actor actor) {
            user.requireRole(actor, dev.stampboard.security.Role.ENGINEER);
        }

        public void delegates(Actor actor, int times) {
            for (int i = 0; i < times; i++) {
                checks(actor);
            }
        }

        public void checksInALambda(Actor actor) {
            Runnable check = () -> user.requireRole(actor, dev.stampboard.security.Role.ENGINEER);
            check.run();
        }

        public void forgets(Actor actor) {}

        public void checksOnlyInAPrivateHelper(Actor actor) {
            helper(actor);
        }

        private void helper(Actor actor) {
            user.requireRole(actor, dev.stampboard.security.Role.ENGINEER);
        }
    }

    private static List<String> unguardedActorMethods(JavaClasses classes) {
        List<String> violations = new ArrayList<>();
        for (JavaClass service : classes) {
            if (!service.getSimpleName().endsWith("Service")
                    || !service.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                continue;
            }
            for (var method : service.getMethods()) {
                boolean public_ = method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC);
                boolean actsForSomeone =
                        method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Actor.class));
                if (!public_
                        || !actsForSomeone
                        || ROLE_CHECKED_BY_CALLER.contains(service.getSimpleName() + "." + method.getName())) {
                    continue;
                }
                // the method's own calls and those of its lambdas (javac names them lambda$<method>$<n>)
                List<com.tngtech.archunit.core.domain.JavaMethodCall> calls =
                        new ArrayList<>(method.getMethodCallsFromSelf());
                service.getMethods().stream()
                        .filter(m -> m.getName().startsWith("lambda$" + method.getName() + "$"))
                        .forEach(m -> calls.addAll(m.getMethodCallsFromSelf()));
                boolean checks = calls.stream().anyMatch(call -> {
                    var target = call.getTarget();
                    boolean roleCheck = target.getOwner().isEquivalentTo(dev.stampboard.security.CurrentUser.class)
                            && target.getName().equals("requireRole");
                    // or it hands the actor on to another public method of the same service, which checks it
                    boolean delegates = target.getOwner().equals(service)
                            && !target.getName().equals(method.getName())
                            && target.resolveMember()
                                    .map(m -> m.getModifiers()
                                                    .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                                            && m.getRawParameterTypes().stream()
                                                    .anyMatch(t -> t.isEquivalentTo(Actor.class)))
                                    .orElse(false);
                    return roleCheck || delegates;
                });
                if (!checks) {
                    violations.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        return violations;
    }

    private static String moduleOf(JavaClass c) {
        String rest = c.getPackageName().substring("dev.stampboard".length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnModule() {
        return new ArchCondition<>("be accessed only from their own module") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (var dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass from = dependency.getOriginClass();
                    if (!moduleOf(from).equals(moduleOf(repository))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> accessNonPublicMembersOfServices() {
        DescribedPredicate<JavaAccess<?>> nonPublicServiceMember =
                new DescribedPredicate<>("a non-public member of a *Service") {
                    @Override
                    public boolean test(JavaAccess<?> access) {
                        JavaClass owner = access.getTargetOwner();
                        return owner.getSimpleName().endsWith("Service")
                                && owner.getPackageName().startsWith("dev.stampboard")
                                && access.getTarget()
                                        .resolveMember()
                                        .map(m -> !m.getModifiers()
                                                .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                                        .orElse(false);
                    }
                };
        return new ArchCondition<>("access non-public members of services") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                for (JavaAccess<?> access : view.getAccessesFromSelf()) {
                    if (nonPublicServiceMember.test(access)) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }
}
