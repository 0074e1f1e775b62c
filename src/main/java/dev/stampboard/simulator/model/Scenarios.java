package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.simulator.model.ScenarioBuilder.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ready-made scenarios: the seed case the console is demonstrated with, and generated fleets for scale tests. */
public final class Scenarios {

    public static final String EASTUS = "eastus";
    public static final String WESTEUROPE = "westeurope";
    /** Stamp A of the seed case: OpenMind's three biggest registries make its dataproxy pool run near 96 %. */
    public static final String STAMP_A = "eus-s01";
    /** Stamp B of the seed case: OpenMind's inference registry and the rest; dataproxy above the 45 % threshold. */
    public static final String STAMP_B = "eus-s02";
    public static final String AI_CUSTOMER = "openmind-ai";
    /** The four registries that make 96.7 % of OpenMind's requests and of its bytes. */
    public static final List<String> AI_BIG_REGISTRIES = List.of(
            "openmindmodels.azurecr.io", "openminddatasets.azurecr.io",
            "openmindcheckpoints.azurecr.io", "openmindinference.azurecr.io");
    /** Share of OpenMind's traffic made by {@link #AI_BIG_REGISTRIES}. */
    public static final double AI_BIG_SHARE = 0.967;
    /** AI pulls (training jobs, inference fleets scaling) follow the day less than CI does. */
    private static final double AI_DAILY_AMPLITUDE = 0.35;

    private Scenarios() {
    }

    /**
     * The seed case (DESIGN §10). eastus: six shared stamps — A ({@code eus-s01}) hot, B ({@code eus-s02}) above
     * threshold, two warm, two cool; westeurope: three smaller shared stamps. OpenMind AI has 40 registries on A and
     * B: 4 big ones, 12 medium, 24 low. Other customers have a handful of registries each, a few geo-replicated.
     */
    public static Scenario seed() {
        ScenarioBuilder b = new ScenarioBuilder("seed", NodeCapacity.DEFAULT)
                .region(EASTUS, "America/New_York")
                .region(WESTEUROPE, "Europe/Amsterdam")
                //          stamp      region     rg  dp  min-rg min-dp storage
                .sharedStamp(STAMP_A, EASTUS, 16, 20, 10, 12, 6)
                .sharedStamp(STAMP_B, EASTUS, 14, 16, 9, 10, 5)
                .sharedStamp("eus-s03", EASTUS, 12, 14, 8, 8, 4)
                .sharedStamp("eus-s04", EASTUS, 18, 12, 10, 8, 4)
                .sharedStamp("eus-s05", EASTUS, 10, 12, 6, 6, 3)
                .sharedStamp("eus-s06", EASTUS, 20, 18, 10, 10, 4)
                .sharedStamp("weu-s01", WESTEUROPE, 12, 10, 6, 6, 3)
                .sharedStamp("weu-s02", WESTEUROPE, 10, 12, 6, 6, 3)
                .sharedStamp("weu-s03", WESTEUROPE, 10, 10, 6, 6, 2)
                .customer(AI_CUSTOMER, "OpenMind AI", "frank")
                .customer("contoso", "Contoso Ltd", null)
                .customer("fabrikam", "Fabrikam Inc", null)
                .customer("northwind", "Northwind Traders", null)
                .customer("tailspin", "Tailspin Toys", null)
                .customer("woodgrove", "Woodgrove Bank", null)
                .customer("adatum", "A. Datum Corporation", null)
                .customer("litware", "Litware Inc", null);

        openMind(b, 66.0, 93.2);

        // hot-node CPU targets in busy hours (registry pool, dataproxy pool); the 12 h P95 reads 1–2 points higher
        b.fill(STAMP_B, 41, 52, List.of(
                tenant("fabrikam.azurecr.io", "fabrikam", 5, 6),
                tenant("tailspinbuild.azurecr.io", "tailspin", 2, 1),
                tenant("adatumprod.azurecr.io", "adatum", 3, 3)));
        b.fill("eus-s03", 34, 33, List.of(                                   // warm
                tenant("contoso.azurecr.io", "contoso", 6, 5).alsoIn(WESTEUROPE, "weu-s01"),
                tenant("contosodev.azurecr.io", "contoso", 1, 1),
                tenant("northwindapps.azurecr.io", "northwind", 3, 4),
                tenant("woodgrovepay.azurecr.io", "woodgrove", 2, 1),
                tenant("litwaredocs.azurecr.io", "litware", 1, 1)));
        b.fill("eus-s04", 30, 37, List.of(                                   // warm
                tenant("fabrikamglobal.azurecr.io", "fabrikam", 4, 5).alsoIn(WESTEUROPE, "weu-s02"),
                tenant("fabrikamedge.azurecr.io", "fabrikam", 2, 2),
                tenant("adatumml.azurecr.io", "adatum", 3, 4),
                tenant("tailspinweb.azurecr.io", "tailspin", 2, 1),
                tenant("contosoml.azurecr.io", "contoso", 3, 3)));
        b.fill("eus-s05", 17, 14, List.of(                                   // cool
                tenant("northwind.azurecr.io", "northwind", 3, 2).alsoIn(WESTEUROPE, "weu-s01"),
                tenant("litware.azurecr.io", "litware", 1, 1),
                tenant("woodgrove.azurecr.io", "woodgrove", 2, 2)));
        b.fill("eus-s06", 13, 18, List.of(                                   // cool
                tenant("woodgroveapps.azurecr.io", "woodgrove", 2, 2).alsoIn(WESTEUROPE, "weu-s03"),
                tenant("tailspin.azurecr.io", "tailspin", 1, 1),
                tenant("adatum.azurecr.io", "adatum", 2, 3),
                tenant("contosoqa.azurecr.io", "contoso", 1, 1)));
        // westeurope: the geo-replicated registries above are already homed here and count toward the targets
        b.fill("weu-s01", 36, 33, List.of(
                tenant("fabrikameu.azurecr.io", "fabrikam", 3, 3),
                tenant("litwareeu.azurecr.io", "litware", 1, 1)));
        b.fill("weu-s02", 24, 27, List.of(
                tenant("adatumeu.azurecr.io", "adatum", 2, 2),
                tenant("contosoeu.azurecr.io", "contoso", 2, 2)));
        b.fill("weu-s03", 13, 15, List.of(
                tenant("tailspineu.azurecr.io", "tailspin", 1, 1)));
        return b.build();
    }

    /**
     * OpenMind AI: 40 registries on stamps A and B. The four big ones carry {@link #AI_BIG_SHARE} of the customer's
     * requests <i>and</i> of its bytes; 12 medium and 24 low registries share the rest (a medium one makes about
     * eight times the traffic of a low one). All share one daily shape, so the split holds over any whole day.
     * Stamp A carries only OpenMind; its profile sizes are derived from stamp A's targets.
     */
    private static void openMind(ScenarioBuilder b, double stampARegistryHotCpu, double stampADataproxyHotCpu) {
        record Share(String registry, String stamp, double requests, double bytes, double noise) {
        }
        List<Share> shares = new ArrayList<>();
        // big four: weights of the customer's requests and bytes (each column sums to 0.967)
        shares.add(new Share("openmindmodels.azurecr.io", STAMP_A, 0.300, 0.420, 0.03));
        shares.add(new Share("openminddatasets.azurecr.io", STAMP_A, 0.160, 0.280, 0.03));
        shares.add(new Share("openmindcheckpoints.azurecr.io", STAMP_A, 0.220, 0.160, 0.03));
        shares.add(new Share("openmindinference.azurecr.io", STAMP_B, 0.287, 0.107, 0.03));
        // the other 36, unnormalised: medium ≈ 8, low ≈ 1, varied a little so no two are alike
        List<double[]> rest = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            names.add(String.format("openmindapi%02d.azurecr.io", i));
            rest.add(new double[] {8.0 * (0.7 + 0.05 * i), 8.0 * (1.3 - 0.05 * i)});
        }
        for (int i = 1; i <= 24; i++) {
            names.add(String.format("openmindexp%02d.azurecr.io", i));
            rest.add(new double[] {0.6 + 0.035 * i, 1.4 - 0.035 * i});
        }
        double restRequests = rest.stream().mapToDouble(w -> w[0]).sum();
        double restBytes = rest.stream().mapToDouble(w -> w[1]).sum();
        for (int i = 0; i < names.size(); i++) {
            // alternate between A and B so both stamps hold low and medium registries
            String stamp = i % 2 == 0 ? STAMP_A : STAMP_B;
            shares.add(new Share(names.get(i), stamp, (1 - AI_BIG_SHARE) * rest.get(i)[0] / restRequests,
                    (1 - AI_BIG_SHARE) * rest.get(i)[1] / restBytes, 0.10));
        }

        ScenarioStamp a = b.stamp(STAMP_A);
        double requestsOnA = shares.stream().filter(s -> s.stamp.equals(STAMP_A)).mapToDouble(Share::requests).sum();
        double bytesOnA = shares.stream().filter(s -> s.stamp.equals(STAMP_A)).mapToDouble(Share::bytes).sum();
        NodeCapacity capacity = b.capacity();
        double customerRequests = capacity.trafficForHotNodeCpu(PoolKind.REGISTRY, stampARegistryHotCpu,
                a.registryNodes()) / requestsOnA;
        double customerBytes = capacity.trafficForHotNodeCpu(PoolKind.DATAPROXY, stampADataproxyHotCpu,
                a.dataproxyNodes()) / bytesOnA;
        for (Share s : shares) {
            double requests = customerRequests * s.requests;
            double bytes = customerBytes * s.bytes;
            b.registry(s.registry, AI_CUSTOMER, Map.of(EASTUS, s.stamp),
                    new TrafficProfile(requests, bytes / requests, AI_DAILY_AMPLITUDE, s.noise));
        }
    }

    private static Tenant tenant(String registry, String customer, double requestWeight, double bytesWeight) {
        // amplitude and noise vary by name (a fixed hash, not the model's seed), so the scenario itself never changes
        double u = DeterministicNoise.uniform(1, registry, "profile", 0);
        return new Tenant(registry, customer, requestWeight, bytesWeight, 0.5 + 0.2 * u, 0.05 + 0.03 * u);
    }

    private static final String[][] GENERATED_REGIONS = {
            {"eastus", "America/New_York"}, {"westeurope", "Europe/Amsterdam"}, {"japaneast", "Asia/Tokyo"},
            {"westus2", "America/Los_Angeles"}, {"australiaeast", "Australia/Sydney"},
            {"southeastasia", "Asia/Singapore"}, {"uksouth", "Europe/London"}, {"brazilsouth", "America/Sao_Paulo"}};

    /**
     * A synthetic fleet for scale tests: {@code regions × stampsPerRegion} shared stamps with 10–20 nodes per pool,
     * each filled with {@code registriesPerStamp} registries (customers own ten each). Most stamps are cool or warm,
     * about one in ten runs hot. No geo-replication. Same arguments, same scenario.
     */
    public static Scenario generated(int regions, int stampsPerRegion, int registriesPerStamp, long seed) {
        if (regions < 1 || stampsPerRegion < 1 || registriesPerStamp < 1) {
            throw new IllegalArgumentException("need at least one region, stamp and registry per stamp");
        }
        ScenarioBuilder b = new ScenarioBuilder("generated-" + regions + "x" + stampsPerRegion + "x"
                + registriesPerStamp + "-" + seed, NodeCapacity.DEFAULT);
        int customerCount = 0;
        for (int r = 0; r < regions; r++) {
            String[] known = GENERATED_REGIONS[r % GENERATED_REGIONS.length];
            String region = r < GENERATED_REGIONS.length ? known[0] : String.format("region%03d", r);
            b.region(region, known[1]);
            for (int s = 0; s < stampsPerRegion; s++) {
                String stamp = String.format("g%03d-s%04d", r, s);
                int rg = 10 + (int) (11 * DeterministicNoise.uniform(seed, stamp, "rg", 0));
                int dp = 10 + (int) (11 * DeterministicNoise.uniform(seed, stamp, "dp", 0));
                int storage = 2 + (int) (5 * DeterministicNoise.uniform(seed, stamp, "storage", 0));
                b.sharedStamp(stamp, region, rg, dp, Math.max(3, rg / 2), Math.max(3, dp / 2), storage);

                double heat = DeterministicNoise.uniform(seed, stamp, "heat", 0);
                double base = heat < 0.7 ? 12 + 23 * heat / 0.7 : heat < 0.9 ? 35 + 10 * (heat - 0.7) / 0.2
                        : 45 + 45 * (heat - 0.9) / 0.1;
                double registryTarget = Math.max(10, base * (0.7 + 0.3 * DeterministicNoise.uniform(seed, stamp, "mix", 0)));

                List<Tenant> tenants = new ArrayList<>(registriesPerStamp);
                for (int t = 0; t < registriesPerStamp; t++) {
                    if (t % 10 == 0) {
                        customerCount++;
                        b.customer(String.format("cust%05d", customerCount),
                                String.format("Customer %05d", customerCount), null);
                    }
                    String registry = String.format("g%03ds%04dr%03d.azurecr.io", r, s, t);
                    // heavy-tailed weights: a few tenants make most of a stamp's traffic, as in real fleets
                    double requestWeight = Math.exp(1.5 * DeterministicNoise.gaussian(seed, registry, "rq", 0));
                    double bytesWeight = requestWeight * Math.exp(0.7 * DeterministicNoise.gaussian(seed, registry, "by", 0));
                    double u = DeterministicNoise.uniform(seed, registry, "profile", 0);
                    tenants.add(new Tenant(registry, String.format("cust%05d", customerCount), requestWeight,
                            bytesWeight, 0.4 + 0.3 * u, 0.04 + 0.06 * u));
                }
                b.fill(stamp, registryTarget, base, tenants);
            }
        }
        return b.build();
    }
}
