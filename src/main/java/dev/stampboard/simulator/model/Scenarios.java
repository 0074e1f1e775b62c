package dev.stampboard.simulator.model;

import dev.stampboard.simulator.model.ScenarioBuilder.Tenant;
import java.util.ArrayList;
import java.util.List;

/** Ready-made scenarios: the seed case the console is demonstrated with, and generated fleets for scale tests. */
public final class Scenarios {

    public static final String EASTUS = "eastus";
    public static final String WESTEUROPE = "westeurope";
    /** Stamp A of the seed case: OpenMind's three biggest registries make its dataproxy pool run near 96 %. */
    public static final String STAMP_A = "eus-s01";
    /** Stamp B of the seed case: a cool stamp where OpenMind's inference registry makes most of the load. */
    public static final String STAMP_B = "eus-s02";
    /** The seed's second hot stamp (dataproxy above the threshold), for stories that need two. */
    public static final String SECOND_HOT_STAMP = "eus-s04";

    public static final String AI_CUSTOMER = "openmind-ai";
    /** The four registries that make 96.7 % of OpenMind's requests and of its bytes. */
    public static final List<String> AI_BIG_REGISTRIES = List.of(
            "openmindmodels.azurecr.io", "openminddatasets.azurecr.io",
            "openmindcheckpoints.azurecr.io", "openmindinference.azurecr.io");
    /** Share of OpenMind's traffic made by {@link #AI_BIG_REGISTRIES}. */
    public static final double AI_BIG_SHARE = 0.967;
    /** AI pulls (training jobs, inference fleets scaling) follow the day less than CI does. */
    private static final double AI_DAILY_AMPLITUDE = 0.35;

    private Scenarios() {}

    /**
     * The seed case (DESIGN §10, §12). eastus: seven shared stamps — A ({@code eus-s01}) hot, B ({@code eus-s02}) cool,
     * a second hot stamp ({@code eus-s04}), two warm, two cool; westeurope: three smaller shared stamps. OpenMind AI
     * has 40 registries on A and B: 4 big ones, 12 medium, 24 low. Other customers have a handful of registries each,
     * a few geo-replicated; A's other tenants alone keep it hot (about 64 % dataproxy) once OpenMind leaves.
     * <p>
     * Stamps A and B are sized from the seed's outcome table (isolating OpenMind: A registry −7 %, dataproxy
     * 96 → 64 %; B registry 9 → 6 %, dataproxy 11 → 6 %): first the other tenants are filled to the "after" level,
     * then OpenMind's registries to the "before" level. Targets are busy-hour hot-node CPU; the 12 h P95 reads about
     * a point and a half higher (the noisy upper tail).
     */
    public static Scenario seed() {
        ScenarioBuilder b = new ScenarioBuilder("seed", WorldPhysics.DEFAULT)
                .region(EASTUS, "America/New_York")
                .region(WESTEUROPE, "Europe/Amsterdam")
                //          stamp      region     rg  dp  min-rg min-dp storage
                .sharedStamp(STAMP_A, EASTUS, 16, 20, 10, 12, 6)
                .sharedStamp(STAMP_B, EASTUS, 14, 16, 9, 10, 5)
                .sharedStamp("eus-s03", EASTUS, 12, 14, 8, 8, 4)
                .sharedStamp(SECOND_HOT_STAMP, EASTUS, 18, 12, 10, 8, 4)
                .sharedStamp("eus-s05", EASTUS, 10, 12, 6, 6, 3)
                .sharedStamp("eus-s06", EASTUS, 20, 18, 10, 10, 4)
                .sharedStamp("eus-s07", EASTUS, 14, 14, 8, 8, 4)
                .sharedStamp("weu-s01", WESTEUROPE, 12, 10, 6, 6, 3)
                .sharedStamp("weu-s02", WESTEUROPE, 10, 12, 6, 6, 3)
                .sharedStamp("weu-s03", WESTEUROPE, 10, 10, 6, 6, 2)
                .customer(AI_CUSTOMER, "OpenMind AI", "frank")
                // CI-heavy: quiet weekends
                .customer("contoso", "Contoso Ltd", null, new CustomerRhythm(null, 0.6, 0.0, 0, 1))
                .customer("fabrikam", "Fabrikam Inc", null)
                // growing 3 % a week
                .customer("northwind", "Northwind Traders", null, new CustomerRhythm(null, 1.0, 0.03, 0, 1))
                // CI and growing
                .customer("tailspin", "Tailspin Toys", null, new CustomerRhythm(null, 0.7, 0.02, 0, 1))
                .customer("woodgrove", "Woodgrove Bank", null)
                // model releases: about once a month, three hours at 1.6 times the traffic
                .customer("adatum", "A. Datum Corporation", null, new CustomerRhythm(null, 1.0, 0.0, 1.0, 1.6))
                // a London team on US stamps
                .customer(
                        "litware",
                        "Litware Inc",
                        null,
                        new CustomerRhythm(java.time.ZoneId.of("Europe/London"), 1.0, 0.0, 0, 1))
                .customer("wingtip", "Wingtip Toys", null);

        // hot-node CPU targets in busy hours (registry pool, dataproxy pool); the 12 h P95 reads 1–2 points higher
        b.fill(
                STAMP_A,
                51.0,
                62.0,
                List.of( // A without OpenMind: still hot
                        tenant("fabrikam.azurecr.io", "fabrikam", 3, 3),
                        tenant("fabrikamcdn.azurecr.io", "fabrikam", 2, 3),
                        tenant("woodgrovepay.azurecr.io", "woodgrove", 2, 2),
                        tenant("woodgrovetrading.azurecr.io", "woodgrove", 2, 2),
                        tenant("tailspinbuild.azurecr.io", "tailspin", 1, 1)));
        b.fill(
                STAMP_B,
                4.6,
                5.0,
                List.of( // B without OpenMind: nearly idle
                        tenant("wingtipweb.azurecr.io", "wingtip", 1, 1)));
        openMind(b, 55.0, 93.6, 7.8, 10.2);

        b.fill(
                "eus-s03",
                34,
                33,
                List.of( // warm
                        tenant("contoso.azurecr.io", "contoso", 6, 5).alsoIn(WESTEUROPE, "weu-s01"),
                        tenant("contosodev.azurecr.io", "contoso", 1, 1),
                        tenant("northwindapps.azurecr.io", "northwind", 3, 4),
                        tenant("litwaredocs.azurecr.io", "litware", 1, 1)));
        b.fill(
                SECOND_HOT_STAMP,
                41,
                52,
                List.of( // the second hot stamp
                        tenant("fabrikamglobal.azurecr.io", "fabrikam", 4, 5).alsoIn(WESTEUROPE, "weu-s02"),
                        tenant("fabrikamedge.azurecr.io", "fabrikam", 2, 2),
                        tenant("adatumprod.azurecr.io", "adatum", 3, 3),
                        tenant("tailspinweb.azurecr.io", "tailspin", 2, 1),
                        tenant("contosoml.azurecr.io", "contoso", 3, 3)));
        b.fill(
                "eus-s05",
                17,
                14,
                List.of( // cool
                        tenant("northwind.azurecr.io", "northwind", 3, 2).alsoIn(WESTEUROPE, "weu-s01"),
                        tenant("litware.azurecr.io", "litware", 1, 1),
                        tenant("woodgrove.azurecr.io", "woodgrove", 2, 2)));
        b.fill(
                "eus-s06",
                13,
                18,
                List.of( // cool
                        tenant("woodgroveapps.azurecr.io", "woodgrove", 2, 2).alsoIn(WESTEUROPE, "weu-s03"),
                        tenant("tailspin.azurecr.io", "tailspin", 1, 1),
                        tenant("adatum.azurecr.io", "adatum", 2, 3),
                        tenant("contosoqa.azurecr.io", "contoso", 1, 1)));
        b.fill(
                "eus-s07",
                30,
                36,
                List.of( // warm
                        tenant("adatumml.azurecr.io", "adatum", 3, 4),
                        tenant("wingtipapps.azurecr.io", "wingtip", 2, 2)));
        // westeurope: the geo-replicated registries above are already homed here and count toward the targets
        b.fill(
                "weu-s01",
                36,
                33,
                List.of(
                        tenant("fabrikameu.azurecr.io", "fabrikam", 3, 3),
                        tenant("litwareeu.azurecr.io", "litware", 1, 1)));
        b.fill(
                "weu-s02",
                24,
                27,
                List.of(
                        tenant("adatumeu.azurecr.io", "adatum", 2, 2),
                        tenant("contosoeu.azurecr.io", "contoso", 2, 2)));
        b.fill("weu-s03", 13, 15, List.of(tenant("tailspineu.azurecr.io", "tailspin", 1, 1)));
        return b.build();
    }

    /**
     * OpenMind AI: 40 registries on stamps A and B. On each stamp its big registries carry {@link #AI_BIG_SHARE} of
     * the customer's requests <i>and</i> bytes there, so over both stamps the four big ones do too; 12 medium and
     * 24 low registries share the rest (a medium one makes about eight times the traffic of a low one). All share
     * one daily shape, so the split holds over any whole day. Their sizes follow from the stamps' targets.
     */
    private static void openMind(
            ScenarioBuilder b, double aRegistry, double aDataproxy, double bRegistry, double bDataproxy) {
        List<Tenant> onA = new ArrayList<>();
        List<Tenant> onB = new ArrayList<>();
        // big ones: weights within their stamp's big share (requests, bytes)
        onA.add(ai("openmindmodels.azurecr.io", 0.300 / 0.680, 0.420 / 0.860, 0.03));
        onA.add(ai("openminddatasets.azurecr.io", 0.160 / 0.680, 0.280 / 0.860, 0.03));
        onA.add(ai("openmindcheckpoints.azurecr.io", 0.220 / 0.680, 0.160 / 0.860, 0.03));
        onB.add(ai("openmindinference.azurecr.io", 1.0, 1.0, 0.03));
        // the other 36: medium ≈ 8, low ≈ 1, varied a little so no two are alike; alternate A and B
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
        for (int side = 0; side < 2; side++) {
            double requests = 0;
            double bytes = 0;
            for (int i = side; i < names.size(); i += 2) {
                requests += rest.get(i)[0];
                bytes += rest.get(i)[1];
            }
            List<Tenant> stamp = side == 0 ? onA : onB;
            double bigRequests =
                    stamp.stream().mapToDouble(Tenant::requestWeight).sum();
            double bigBytes = stamp.stream().mapToDouble(Tenant::bytesWeight).sum();
            for (int i = side; i < names.size(); i += 2) {
                stamp.add(ai(
                        names.get(i),
                        bigRequests * (1 - AI_BIG_SHARE) / AI_BIG_SHARE * rest.get(i)[0] / requests,
                        bigBytes * (1 - AI_BIG_SHARE) / AI_BIG_SHARE * rest.get(i)[1] / bytes,
                        0.10));
            }
        }
        b.fill(STAMP_A, aRegistry, aDataproxy, onA);
        b.fill(STAMP_B, bRegistry, bDataproxy, onB);
    }

    private static Tenant ai(String registry, double requestWeight, double bytesWeight, double noise) {
        return new Tenant(registry, AI_CUSTOMER, requestWeight, bytesWeight, AI_DAILY_AMPLITUDE, noise);
    }

    private static Tenant tenant(String registry, String customer, double requestWeight, double bytesWeight) {
        // amplitude and noise vary by name (a fixed hash, not the model's seed), so the scenario itself never changes
        double u = DeterministicNoise.uniform(1, registry, "profile", 0);
        return new Tenant(registry, customer, requestWeight, bytesWeight, 0.5 + 0.2 * u, 0.05 + 0.03 * u);
    }

    private static final String[][] GENERATED_REGIONS = {
        {"eastus", "America/New_York"},
        {"westeurope", "Europe/Amsterdam"},
        {"japaneast", "Asia/Tokyo"},
        {"westus2", "America/Los_Angeles"},
        {"australiaeast", "Australia/Sydney"},
        {"southeastasia", "Asia/Singapore"},
        {"uksouth", "Europe/London"},
        {"brazilsouth", "America/Sao_Paulo"}
    };

    /**
     * A synthetic fleet for scale tests: {@code regions × stampsPerRegion} shared stamps with 10–20 nodes per pool,
     * each filled with {@code registriesPerStamp} registries (customers own ten each). Most stamps are cool or warm,
     * about one in ten runs hot. No geo-replication. Same arguments, same scenario.
     */
    public static Scenario generated(int regions, int stampsPerRegion, int registriesPerStamp, long seed) {
        if (regions < 1 || stampsPerRegion < 1 || registriesPerStamp < 1) {
            throw new IllegalArgumentException("need at least one region, stamp and registry per stamp");
        }
        ScenarioBuilder b = new ScenarioBuilder(
                "generated-" + regions + "x" + stampsPerRegion + "x" + registriesPerStamp + "-" + seed,
                WorldPhysics.DEFAULT);
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
                double base = heat < 0.7
                        ? 12 + 23 * heat / 0.7
                        : heat < 0.9 ? 35 + 10 * (heat - 0.7) / 0.2 : 45 + 45 * (heat - 0.9) / 0.1;
                double registryTarget =
                        Math.max(10, base * (0.7 + 0.3 * DeterministicNoise.uniform(seed, stamp, "mix", 0)));

                List<Tenant> tenants = new ArrayList<>(registriesPerStamp);
                for (int t = 0; t < registriesPerStamp; t++) {
                    if (t % 10 == 0) {
                        customerCount++;
                        b.customer(
                                String.format("cust%05d", customerCount),
                                String.format("Customer %05d", customerCount),
                                null);
                    }
                    String registry = String.format("g%03ds%04dr%03d.azurecr.io", r, s, t);
                    // heavy-tailed weights: a few tenants make most of a stamp's traffic, as in real fleets
                    double requestWeight = Math.exp(1.5 * DeterministicNoise.gaussian(seed, registry, "rq", 0));
                    double bytesWeight =
                            requestWeight * Math.exp(0.7 * DeterministicNoise.gaussian(seed, registry, "by", 0));
                    double u = DeterministicNoise.uniform(seed, registry, "profile", 0);
                    tenants.add(new Tenant(
                            registry,
                            String.format("cust%05d", customerCount),
                            requestWeight,
                            bytesWeight,
                            0.4 + 0.3 * u,
                            0.04 + 0.06 * u));
                }
                b.fill(stamp, registryTarget, base, tenants);
            }
        }
        return b.build();
    }
}
