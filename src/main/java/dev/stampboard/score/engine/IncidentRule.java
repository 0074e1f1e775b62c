package dev.stampboard.score.engine;

/**
 * What counts as an incident, and how far ahead the score looks. A minute is a <i>breach</i> when the stamp's p99
 * pull latency is above {@code p99SloMs} or more than {@code throttlingPercent} % of its requests are throttled; an
 * <i>incident</i> is a run of at least {@code sustainMinutes} breach minutes (every minute of the run is an incident
 * minute, the first is its start). The score is the probability of an incident minute within the next
 * {@code horizonMinutes}.
 */
public record IncidentRule(double p99SloMs, double throttlingPercent, int sustainMinutes, int horizonMinutes) {

    /** p99 above 1,500 ms or throttling above 1 %, for 15 minutes; 6 hours ahead. */
    public static final IncidentRule DEFAULTS = new IncidentRule(1500.0, 1.0, 15, 360);

    public IncidentRule {
        if (!(p99SloMs > 0) || !(throttlingPercent > 0) || throttlingPercent > 100) {
            throw new IllegalArgumentException("the SLO must be above 0 ms and the throttling share within (0, 100] %");
        }
        if (sustainMinutes < 1 || horizonMinutes < 1) {
            throw new IllegalArgumentException("sustained minutes and the horizon must be at least 1 minute");
        }
    }

    /** Whether the minute breaches the SLO (a minute without requests never does). */
    public boolean breach(StampMinute m) {
        return (!Double.isNaN(m.p99Ms()) && m.p99Ms() > p99SloMs)
                || (!Double.isNaN(m.throttlingRate()) && 100.0 * m.throttlingRate() > throttlingPercent);
    }

    /** Incident minutes: every minute of a breach run at least {@link #sustainMinutes} long. */
    public boolean[] incidents(boolean[] breach) {
        boolean[] incident = new boolean[breach.length];
        int runStart = -1;
        for (int t = 0; t <= breach.length; t++) {
            boolean b = t < breach.length && breach[t];
            if (b && runStart < 0) {
                runStart = t;
            } else if (!b && runStart >= 0) {
                if (t - runStart >= sustainMinutes) {
                    java.util.Arrays.fill(incident, runStart, t, true);
                }
                runStart = -1;
            }
        }
        return incident;
    }

    /** First minute of each incident. */
    public static int[] starts(boolean[] incident) {
        return java.util.stream.IntStream.range(0, incident.length)
                .filter(t -> incident[t] && (t == 0 || !incident[t - 1]))
                .toArray();
    }

    /**
     * For each minute t: 1 when an incident minute lies in (t, t + horizon], 0 when none does, -1 when t is itself
     * an incident minute or the horizon runs past the end of what is known (such minutes are neither trained on nor
     * evaluated).
     */
    public byte[] targets(boolean[] incident) {
        int n = incident.length;
        byte[] target = new byte[n];
        int next = Integer.MAX_VALUE; // nearest incident minute after t
        for (int t = n - 1; t >= 0; t--) {
            if (t + horizonMinutes >= n || incident[t]) {
                target[t] = -1;
            } else {
                target[t] = (byte) (next - t <= horizonMinutes ? 1 : 0);
            }
            if (incident[t]) {
                next = t;
            }
        }
        return target;
    }
}
