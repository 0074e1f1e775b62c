package dev.stampboard.dashboard;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import dev.stampboard.StampboardApplication;
import dev.stampboard.dashboard.ui.FleetView;
import dev.stampboard.fleet.PoolKind;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Server time and session memory of the fleet dashboard for a 500-stamp region (issue 3).
 * Starts the console with the simulator's {@code large-500} scenario (12 h back-filled), then
 * times the dashboard's service calls and a full render of the view through Karibu, and measures
 * the heap a signed-in dashboard session keeps.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; \
 *   java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.stampboard.dashboard.DashboardBenchmark
 * </pre>
 */
public final class DashboardBenchmark {

    public static void main(String[] args) {
        int stamps = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long started = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplication(StampboardApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--vaadin.productionMode=false",
                        "--logging.level.root=WARN",
                        "--stampboard.simulator.scenario=large-" + stamps,
                        "--stampboard.simulator.speed=0",
                        "--stampboard.simulator.start=2026-11-26T18:00:00Z");
        System.out.printf(
                "context with %d stamps and 12 h back-filled in %.1f s%n", stamps, (System.nanoTime() - started) / 1e9);
        DashboardService dashboard = ctx.getBean(DashboardService.class);
        String region = dashboard.defaultRegion().orElseThrow();

        long[] service = new long[20];
        for (int i = 0; i < service.length; i++) {
            long t = System.nanoTime();
            var rows = dashboard.stamps(region, false);
            dashboard.alerts(region);
            var page = rows.subList(0, Math.min(20, rows.size())).stream()
                    .map(s -> s.stamp().name())
                    .toList();
            dashboard.heatmap(page, PoolKind.REGISTRY);
            dashboard.heatmap(page, PoolKind.DATAPROXY);
            service[i] = System.nanoTime() - t;
        }
        report("service calls (table + alerts + 2 heatmap pages)", service);

        Routes routes = new Routes().autoDiscoverViews("dev.stampboard");
        var auth = new UsernamePasswordAuthenticationToken(
                "dave", null, List.of(new SimpleGrantedAuthority("ROLE_VIEWER")));
        SecurityContextHolder.getContext().setAuthentication(auth);
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((p, role) -> role.equals("VIEWER"));
            return request;
        });
        long[] render = new long[10];
        for (int i = 0; i < render.length; i++) {
            MockVaadin.setup(UI::new, new MockSpringServlet(routes, ctx, UI::new));
            long t = System.nanoTime();
            UI.getCurrent().navigate(FleetView.class);
            render[i] = System.nanoTime() - t;
            MockVaadin.tearDown();
        }
        report("full dashboard render (Karibu, server side)", render);

        // session memory: keep N signed-in dashboard sessions alive and divide the heap they hold
        int sessions = 10;
        long before = usedAfterGc();
        List<Object> alive = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            MockVaadin.setup(UI::new, new MockSpringServlet(routes, ctx, UI::new));
            UI.getCurrent().navigate(FleetView.class);
            alive.add(UI.getCurrent().getSession());
            alive.add(UI.getCurrent());
        }
        long after = usedAfterGc();
        System.out.printf(
                "session memory: %.2f MB per dashboard session (%d sessions held, %d objects kept)%n",
                (after - before) / 1e6 / sessions, sessions, alive.size());
        ctx.close();
        System.exit(0);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: median %.1f ms, max %.1f ms (n=%d)%n",
                what, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
