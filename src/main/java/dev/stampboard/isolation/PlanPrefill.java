package dev.stampboard.isolation;

import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanIsolation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A request prefilled from a plan's isolation recommendations: the registries, the region, the peak
 * QPS and throughput the planner sized them from (read back from its arithmetic, which the same
 * {@code SizingCalculator} wrote), and the planner's reason as the justification. The data volume is
 * not known to the planner, so it stays for the requester to fill in.
 */
final class PlanPrefill {

    private static final Pattern QPS = Pattern.compile("ceil\\(([0-9.]+) QPS");
    private static final Pattern GBPS = Pattern.compile("ceil\\(([0-9.]+) Gbps");

    private PlanPrefill() {}

    static NewIsolationRequest of(PlanDetails plan, List<String> registries, @Nullable String customer) {
        List<PlanIsolation> rows = plan.isolations().stream()
                .filter(i -> registries.contains(i.registry()))
                .toList();
        double qps = rows.stream().mapToDouble(i -> figure(QPS, i.arithmetic())).sum();
        double gbps =
                rows.stream().mapToDouble(i -> figure(GBPS, i.arithmetic())).sum();
        String why = "Plan " + plan.id().substring(0, 8) + " recommends a dedicated stamp: "
                + String.join(" ", rows.stream().map(PlanIsolation::reason).toList());
        return new NewIsolationRequest(
                customer,
                rows.stream().map(PlanIsolation::registry).toList(),
                qps > 0 ? (long) Math.ceil(qps) : null,
                gbps > 0 ? Math.ceil(gbps * 10) / 10 : null,
                null,
                why.length() > IsolationRules.MAX_TEXT ? why.substring(0, IsolationRules.MAX_TEXT - 1) + "…" : why,
                null,
                plan.region());
    }

    private static double figure(Pattern pattern, String arithmetic) {
        Matcher m = pattern.matcher(arithmetic);
        return m.find() ? Double.parseDouble(m.group(1).toLowerCase(Locale.ROOT)) : 0;
    }
}
