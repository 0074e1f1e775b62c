package dev.stampboard.score.engine;

/**
 * What counts as an incident, and how far ahead the score looks. A minute is a <i>breach</i> when the stamp's p99
 * pull latency is above {@code p99SloMs} or more than {@code throttlingPercent} % of its requests are throttled. The
 * breach is <i>sustained</i> when it holds in most minutes (more than half) of a window of {@code sustainMinutes}
 * minutes; such a window's minutes from its first breach to its last are incident minutes (the first is the incident's
 * start). Most, not every: a saturated stamp's throttling flickers around the threshold from one minute to the next,
 * and with every minute required the simulated world's saturated stamps breached for hours a day without ever being
 * labelled (one training stamp breached in 3,154 minutes of 8 days, never 15 in a row), so the model learnt that a
 * saturated stamp is calm. The score is the probability of an incident minute within the next {@code horizonMinutes}.
 */
public record IncidentRule(double p99SloMs, double throttlingPercent, int sustainMinutes, int horizonMinutes) {

    /** p99 above 1,500 ms or throttling above 1 %, in most minutes of 15; 6 hours ahead. */
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

    /** Breach minutes a window of {@link #sustainMinutes} needs to count as sustained: more than half of them. */
    public int quorum() {
        return sustainMinutes / 2 + 1;
    }

    /**
     * Incident minutes: in every window of {@link #sustainMinutes} minutes with at least {@link #quorum()} breach
     * minutes, the minutes from its first breach to its last.
     */
    public boolean[] incidents(boolean[] breach) {
        boolean[] incident = new boolean[breach.length];
        int[] inWindow = new int[sustainMinutes]; // the window's breach minutes, oldest first (a ring)
        int head = 0;
        int count = 0;
        for (int t = 0; t < breach.length; t++) {
            if (count > 0 && inWindow[head] <= t - sustainMinutes) {
                head = (head + 1) % sustainMinutes;
                count--;
            }
            if (breach[t]) {
                inWindow[(head + count) % sustainMinutes] = t;
                count++;
            }
            if (count >= quorum()) {
                int last = inWindow[(head + count - 1) % sustainMinutes];
                java.util.Arrays.fill(incident, inWindow[head], last + 1, true);
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
