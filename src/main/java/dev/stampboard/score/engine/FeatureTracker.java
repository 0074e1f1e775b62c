package dev.stampboard.score.engine;

/**
 * One stamp's features, kept incrementally from one {@link StampMinute} per minute, in order (a minute without
 * telemetry is {@link StampMinute#SILENT}). The same code turns the simulated world's minutes into training rows and
 * the live signals into scores: {@link #observe} then {@link #features}, each O(1) but for the P95 walk.
 * <p>
 * Windows: the P95s and the p99 baseline cover the trailing 12 h, the slope 3 h, rates and p99 the last 10
 * minutes, the customer share the last hour, the growth two days of hourly request totals. Not thread-safe.
 */
public final class FeatureTracker {

    static final int WINDOW = 720;
    static final int SLOPE_MINUTES = 180;
    static final int MIN_SLOPE_POINTS = 30;
    static final int RECENT = 10;
    static final int SHARE_MINUTES = 60;
    static final int DAY_HOURS = 24;
    static final int STREAK_CAP = 240;

    private final FeatureSettings settings;
    private final HistogramP95 registry = new HistogramP95(WINDOW);
    private final HistogramP95 dataproxy = new HistogramP95(WINDOW);
    private final RingMean throttling = new RingMean(RECENT);
    private final RingMean errors = new RingMean(RECENT);
    private final RingMean p99Recent = new RingMean(RECENT);
    private final RingMean p99Baseline = new RingMean(WINDOW);
    private final RingMean topShare = new RingMean(SHARE_MINUTES);

    // least squares of the hotter pool's value against the observation index over the last SLOPE_MINUTES
    private final double[] slopeRing = new double[SLOPE_MINUTES];
    private double sumX;
    private double sumY;
    private double sumXY;
    private double sumXX;
    private int slopePoints;

    private int throttlingStreak;
    private int errorStreak;
    private int p99Streak;

    private final double[] hourlyRequests = new double[2 * DAY_HOURS];
    private double currentHour;
    private int completedHours;

    private long observed;

    public FeatureTracker(FeatureSettings settings) {
        this.settings = settings;
        java.util.Arrays.fill(slopeRing, Double.NaN);
    }

    /** Takes the next minute. */
    public void observe(StampMinute m) {
        registry.add(m.hotRegistry());
        dataproxy.add(m.hotDataproxy());
        throttling.add(m.throttlingRate());
        errors.add(m.errorRate());
        p99Recent.add(m.p99Ms());
        p99Baseline.add(m.p99Ms());
        topShare.add(m.topCustomerShare());
        slope(m.hottest());
        throttlingStreak = above(m.throttlingRate(), settings.throttlingRate()) ? throttlingStreak + 1 : 0;
        errorStreak = above(m.errorRate(), settings.errorRate()) ? errorStreak + 1 : 0;
        p99Streak = above(m.p99Ms(), settings.p99Ms()) ? p99Streak + 1 : 0;
        currentHour += m.requests();
        observed++;
        if (observed % 60 == 0) {
            hourlyRequests[completedHours % hourlyRequests.length] = currentHour;
            completedHours++;
            currentHour = 0;
        }
    }

    private static boolean above(double value, double threshold) {
        return !Double.isNaN(value) && value > threshold;
    }

    private void slope(double y) {
        int slot = (int) (observed % SLOPE_MINUTES);
        double old = slopeRing[slot];
        if (!Double.isNaN(old)) {
            double x = observed - SLOPE_MINUTES;
            sumX -= x;
            sumY -= old;
            sumXY -= x * old;
            sumXX -= x * x;
            slopePoints--;
        }
        slopeRing[slot] = y;
        if (!Double.isNaN(y)) {
            double x = observed;
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumXX += x * x;
            slopePoints++;
        }
        if ((observed + 1) % SLOPE_MINUTES == 0) {
            resumSlope(observed);
        }
    }

    /** Sums again from the ring (index {@code newest} is the latest), so rounding never accumulates. */
    private void resumSlope(long newest) {
        sumX = 0;
        sumY = 0;
        sumXY = 0;
        sumXX = 0;
        slopePoints = 0;
        for (long x = newest - SLOPE_MINUTES + 1; x <= newest; x++) {
            if (x < 0) {
                continue;
            }
            double y = slopeRing[(int) (x % SLOPE_MINUTES)];
            if (!Double.isNaN(y)) {
                sumX += x;
                sumY += y;
                sumXY += x * y;
                sumXX += (double) x * x;
                slopePoints++;
            }
        }
    }

    /**
     * Becomes an exact copy of {@code other}'s state (same settings), without allocating: observing the same minutes
     * afterwards gives bit for bit the features {@code other} gives. Live scoring keeps a settled copy and replays the
     * recent minutes onto it when late telemetry changed one of them.
     */
    public void copyFrom(FeatureTracker other) {
        if (!other.settings.equals(settings)) {
            throw new IllegalArgumentException("trackers of different settings: " + settings + ", " + other.settings);
        }
        registry.copyFrom(other.registry);
        dataproxy.copyFrom(other.dataproxy);
        throttling.copyFrom(other.throttling);
        errors.copyFrom(other.errors);
        p99Recent.copyFrom(other.p99Recent);
        p99Baseline.copyFrom(other.p99Baseline);
        topShare.copyFrom(other.topShare);
        System.arraycopy(other.slopeRing, 0, slopeRing, 0, SLOPE_MINUTES);
        sumX = other.sumX;
        sumY = other.sumY;
        sumXY = other.sumXY;
        sumXX = other.sumXX;
        slopePoints = other.slopePoints;
        throttlingStreak = other.throttlingStreak;
        errorStreak = other.errorStreak;
        p99Streak = other.p99Streak;
        System.arraycopy(other.hourlyRequests, 0, hourlyRequests, 0, hourlyRequests.length);
        currentHour = other.currentHour;
        completedHours = other.completedHours;
        observed = other.observed;
    }

    /**
     * Takes the request totals of the hours just before the first minute this tracker will observe, oldest first, as
     * if it had observed them: a live tracker reads them from the store, because the engine keeps less than the two
     * days the growth compares (issue 18). Only before the first minute; at most two days are kept.
     */
    public void precedeWith(double[] hours) {
        if (observed > 0 || completedHours > 0) {
            throw new IllegalStateException("hours before the first minute come before it");
        }
        int from = Math.max(0, hours.length - hourlyRequests.length);
        for (int i = from; i < hours.length; i++) {
            hourlyRequests[completedHours % hourlyRequests.length] = hours[i];
            completedHours++;
        }
    }

    /** The request total of the latest completed hour, NaN before the first. */
    public double lastHourRequests() {
        return completedHours == 0 ? Double.NaN : hourlyRequests[(completedHours - 1) % hourlyRequests.length];
    }

    /**
     * Puts {@code requests} in place of the latest completed hour's total: a live tracker's first hours, which the
     * engine no longer held whole, take the total the store has for them (0: not known).
     */
    public void replaceLastHour(double requests) {
        if (completedHours == 0) {
            throw new IllegalStateException("no hour has completed yet");
        }
        hourlyRequests[(completedHours - 1) % hourlyRequests.length] = requests;
    }

    /** Minutes observed so far. */
    public long observedMinutes() {
        return observed;
    }

    /** Writes the features in {@link ScoreFeature} order into {@code out}. */
    public void features(double[] out) {
        double p95r = registry.p95();
        double p95d = dataproxy.p95();
        out[ScoreFeature.P95_REGISTRY.ordinal()] = orZero(p95r);
        out[ScoreFeature.P95_DATAPROXY.ordinal()] = orZero(p95d);
        out[ScoreFeature.HOT_SLOPE.ordinal()] = slopePerHour();
        double maxP95 = Math.max(orZero(p95r), orZero(p95d));
        out[ScoreFeature.HEADROOM.ordinal()] = settings.hotThreshold() - maxP95;
        out[ScoreFeature.THROTTLING.ordinal()] = 100.0 * orZero(throttling.mean());
        out[ScoreFeature.ERRORS.ordinal()] = 100.0 * orZero(errors.mean());
        double recent = p99Recent.mean();
        double baseline = p99Baseline.mean();
        out[ScoreFeature.P99_VS_BASELINE.ordinal()] =
                Double.isNaN(recent) || Double.isNaN(baseline) || baseline <= 0 ? 1.0 : recent / baseline;
        out[ScoreFeature.REACTIVE_MINUTES.ordinal()] =
                Math.min(STREAK_CAP, Math.max(throttlingStreak, Math.max(errorStreak, p99Streak)));
        out[ScoreFeature.TOP_CUSTOMER_SHARE.ordinal()] = 100.0 * orZero(topShare.mean());
        out[ScoreFeature.GROWTH.ordinal()] = growthPercent();
    }

    /** Whether a reactive rule fires now (its condition held for its sustained minutes): half the baseline rule. */
    public boolean reactiveFiring() {
        return throttlingStreak >= settings.throttlingMinutes()
                || errorStreak >= settings.errorMinutes()
                || p99Streak >= settings.p99Minutes();
    }

    private double slopePerHour() {
        if (slopePoints < MIN_SLOPE_POINTS) {
            return 0.0;
        }
        double n = slopePoints;
        double denominator = n * sumXX - sumX * sumX;
        if (denominator <= 0) {
            return 0.0;
        }
        return 60.0 * (n * sumXY - sumX * sumY) / denominator;
    }

    private double growthPercent() {
        if (completedHours < 2 * DAY_HOURS) {
            return 0.0;
        }
        double last = 0;
        double before = 0;
        for (int i = 1; i <= DAY_HOURS; i++) {
            double lastHour = hourlyRequests[(completedHours - i) % hourlyRequests.length];
            double hourBefore = hourlyRequests[(completedHours - DAY_HOURS - i) % hourlyRequests.length];
            if (!(lastHour > 0) || !(hourBefore > 0)) {
                // an hour without a request is not known (a live tracker's first hours read back from an engine that
                // kept less): counted as 0 it made every stamp "grow" 80-140 % two days after a start, +17 logit
                return 0.0;
            }
            last += lastHour;
            before += hourBefore;
        }
        return 100.0 * (last / before - 1.0);
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0.0 : v;
    }

    /** Mean of the non-missing values among the last {@code size} minutes. */
    static final class RingMean {
        private final double[] ring;
        private int position;
        private double sum;
        private int count;

        RingMean(int size) {
            ring = new double[size];
            java.util.Arrays.fill(ring, Double.NaN);
        }

        void add(double value) {
            double old = ring[position];
            if (!Double.isNaN(old)) {
                sum -= old;
                count--;
            }
            ring[position] = value;
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
            position = (position + 1) % ring.length;
            if (count == 0) {
                sum = 0; // no drift survives an empty window
            }
        }

        void copyFrom(RingMean other) {
            System.arraycopy(other.ring, 0, ring, 0, ring.length);
            position = other.position;
            sum = other.sum;
            count = other.count;
        }

        double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
