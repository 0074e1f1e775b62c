package dev.stampboard.simulator.model;

/**
 * The daily rhythm of a replica's traffic in its region's local time: busy from 07:00 to 23:00 (working day,
 * then evening CI and deployments), quiet from 01:00 to 05:00, with smooth two-hour ramps in between.
 * <p>
 * The busy plateau is deliberately longer than 12 hours: every trailing 12-hour window then contains at least
 * four busy hours, so a pool's trailing-12 h hot-node P95 reads about the same whenever it is looked at.
 */
final class DailyTrafficShape {

    static final int BUSY_FROM = 7 * 60;
    static final int BUSY_UNTIL = 23 * 60;
    static final int QUIET_FROM = 1 * 60;
    static final int QUIET_UNTIL = 5 * 60;

    private DailyTrafficShape() {}

    /** 1 in busy hours, 0 in quiet hours, a cosine ramp in between. */
    static double busyness(int localMinuteOfDay) {
        int m = Math.floorMod(localMinuteOfDay, 24 * 60);
        if (m >= BUSY_FROM && m < BUSY_UNTIL) {
            return 1.0;
        }
        if (m >= QUIET_FROM && m < QUIET_UNTIL) {
            return 0.0;
        }
        if (m >= QUIET_UNTIL && m < BUSY_FROM) {
            return ramp((double) (m - QUIET_UNTIL) / (BUSY_FROM - QUIET_UNTIL));
        }
        // evening ramp from 23:00 through midnight to 01:00
        int sinceBusyEnd = Math.floorMod(m - BUSY_UNTIL, 24 * 60);
        int rampLength = Math.floorMod(QUIET_FROM - BUSY_UNTIL, 24 * 60);
        return 1.0 - ramp((double) sinceBusyEnd / rampLength);
    }

    /** Traffic relative to the peak: 1 when busy, {@code 1 − amplitude} when quiet. */
    static double level(double busyness, double amplitude) {
        return 1.0 - amplitude * (1.0 - busyness);
    }

    private static double ramp(double x) {
        return 0.5 - 0.5 * Math.cos(Math.PI * x);
    }
}
